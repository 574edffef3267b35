using System.Net;
using System.Text.RegularExpressions;
using Certa.Integration.Tests.Fixtures;

namespace Certa.Integration.Tests.Web;

/// <summary>Security headers on pages, API and the API reference, and pages that a strict CSP does not break.</summary>
public abstract partial class SecurityHeadersTests(AppFixture fixture)
{
    private const string PagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    private const string LaptopAnswer = "/advisor?product=laptop&market=CN&evaluate=1&date=2026-11-27&f.power=mains_and_battery"
        + "&f.rated_voltage_ac=240&f.external_power_adapter=true&f.lithium_battery=true&f.radio=wifi_2g4&f.radio=bluetooth&f.eep=true&f.vehicle=none";

    private HttpClient Client => fixture.App.Client;

    [Theory]
    [InlineData("/")]
    [InlineData("/schemes/ccc")]
    [InlineData("/no/such/page")]
    public async Task SitePath_HasStrictPolicyAndCommonHeaders(string path)
    {
        using var response = await Client.GetAsync(path);

        ShouldHaveCommonHeaders(response);
        Header(response, "Content-Security-Policy").ShouldBe(PagePolicy);
    }

    [Theory]
    [InlineData("/api/v1/schemes")]
    [InlineData("/api/v1/planets")]
    [InlineData("/openapi/v1.json")]
    public async Task ApiPath_AllowsNothingToLoadOrFrameIt(string path)
    {
        using var response = await Client.GetAsync(path);

        ShouldHaveCommonHeaders(response);
        Header(response, "Content-Security-Policy").ShouldBe(ApiPolicy);
    }

    [Fact]
    public async Task ApiReference_IsRelaxedOnlyForInlineCodeFromThisOrigin()
    {
        using var response = await Client.GetAsync("/docs/v1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldHaveCommonHeaders(response);
        var directives = Header(response, "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);
        directives["frame-ancestors"].ShouldBe(["'none'"]);
        directives["object-src"].ShouldBe(["'none'"]);
        directives["default-src"].ShouldBe(["'self'"]);
        directives["script-src"].ShouldBe(["'self'", "'unsafe-inline'"]);
        directives.Values.SelectMany(sources => sources).ShouldAllBe(s => s == "'self'" || s == "'none'" || s == "'unsafe-inline'" || s == "data:");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/schemes/ccc")]
    [InlineData("/advisor?product=laptop&market=CN&evaluate=1&f.eep=true")]
    [InlineData(LaptopAnswer)]
    [InlineData("/search?q=laptop")]
    public async Task Page_HasNoInlineScriptOrStyle(string path)
    {
        using var response = await Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        InlineScript().Matches(html).Select(m => m.Value).ShouldBeEmpty();
        StyleElement().Matches(html).Select(m => m.Value).ShouldBeEmpty();
        StartTag().Matches(html).Select(m => m.Value).Where(tag => InlineAttribute().IsMatch(tag)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AdvisorAnswer_PrintsAndDrawsThePlanWithoutInlineCode()
    {
        var html = await Client.GetStringAsync(LaptopAnswer);
        var script = await Client.GetStringAsync("/assets/site.js");

        html.ShouldContain("<script src=\"/assets/site.js\" defer></script>");
        html.ShouldContain("data-print");
        html.ShouldContain("<table class=\"plan");
        html.ShouldContain("<svg class=\"plan-bar\"");
        script.ShouldContain("[data-print]");
        script.ShouldContain("window.print()");
    }

    [Fact]
    public async Task SiteScript_IsServedAsJavaScript()
    {
        using var response = await Client.GetAsync("/assets/site.js");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
    }

    private static void ShouldHaveCommonHeaders(HttpResponseMessage response)
    {
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
        Header(response, "Cross-Origin-Opener-Policy").ShouldBe("same-origin");
        var permissions = Header(response, "Permissions-Policy");
        permissions.ShouldContain("camera=()");
        permissions.ShouldContain("microphone=()");
        permissions.ShouldContain("geolocation=()");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
            ? string.Join(", ", values)
            : throw new ShouldAssertException($"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode} without {name}.");

    [GeneratedRegex(@"<script\b(?![^>]*\bsrc\s*=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style\b", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"<[a-z][^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex StartTag();

    [GeneratedRegex(@"\s(style|on[a-z]+)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineAttribute();
}

[Collection("sqlite")]
public sealed class SqliteSecurityHeadersTests(SqliteAppFixture fixture) : SecurityHeadersTests(fixture), IClassFixture<SqliteAppFixture>;
