using System.Net;
using Certa.Domain.Access;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Hostile;
using Certa.Testing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Certa.Integration.Tests.Security;

/// <summary>
/// Every Razor page the app maps (enumerated from its endpoints, so a new page is walked the day it is added), anonymously and
/// signed in, answers with the site's content security policy and the other security headers, whatever its status, and sets
/// only HttpOnly, SameSite cookies.
/// </summary>
public abstract class PageSecurityHeadersTests(SignedInDemoFixture fixture, ITestOutputHelper output)
{
    private const string PagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    [Fact]
    public async Task EveryPage_AnonymousAndSignedIn_CarriesTheSecurityHeaders()
    {
        var paths = await DemoPathValues.ReadAsync(fixture.App);
        var (urls, skipped) = PageUrls(fixture.App, paths);
        using var anonymous = HostileRunner.Bare(fixture.App.Address);
        var clients = new (string Who, HttpClient Client)[]
        {
            ("anonymous", anonymous),
            ("authority officer", fixture.As(Role.AuthorityOfficer).Client),
            ("body admin", fixture.As(Role.BodyAdmin).Client),
        };

        var faults = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        foreach (var url in urls)
        {
            foreach (var (who, client) in clients)
            {
                using var response = await client.GetAsync(url);
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                faults.AddRange(HeaderFaults(response).Select(f => $"{url} as {who} ({(int)response.StatusCode}): {f}"));
            }
        }

        output.WriteLine($"{urls.Count} page URLs × {clients.Length} actors; answers {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        foreach (var reason in skipped)
        {
            output.WriteLine($"skipped: {reason}");
        }

        urls.Count.ShouldBeGreaterThan(40);
        statuses.Keys.ShouldAllBe(s => s < 500);
        faults.ShouldBeEmpty(string.Join("\n", faults.Take(40)));
    }

    [Fact]
    public async Task SignInCookies_AreHttpOnlyAndSameSite()
    {
        var client = fixture.App.NewBrowserlikeClient();
        using var response = await CertaTestApp.PostSignInAsync(client, fixture.As(Role.Verifier).Email, fixture.App.PasswordOf(fixture.As(Role.Verifier).Email));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldContain(c => c.StartsWith("certa.session=", StringComparison.Ordinal));
        HeaderFaults(response).ShouldBeEmpty();
    }

    /// <summary>What is missing or wrong among the security headers and cookies of <paramref name="response"/>.</summary>
    public static IEnumerable<string> HeaderFaults(HttpResponseMessage response, bool https = false)
    {
        if (Header(response, "Content-Security-Policy") != PagePolicy)
        {
            yield return $"Content-Security-Policy is '{Header(response, "Content-Security-Policy")}'";
        }

        foreach (var (name, expected) in new[] { ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"), ("Referrer-Policy", "strict-origin-when-cross-origin") })
        {
            if (Header(response, name) != expected)
            {
                yield return $"{name} is '{Header(response, name)}', not '{expected}'";
            }
        }

        if (https != response.Headers.Contains("Strict-Transport-Security"))
        {
            yield return https ? "no Strict-Transport-Security over HTTPS" : "Strict-Transport-Security over plain HTTP";
        }

        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
            var name = cookie.Split('=')[0];
            if (!attributes.Contains("httponly") && !IsReadableByDesign(name))
            {
                yield return $"cookie {name} is not HttpOnly";
            }

            if (!attributes.Any(a => a.StartsWith("samesite=", StringComparison.Ordinal)))
            {
                yield return $"cookie {name} has no SameSite";
            }

            if (https && !attributes.Contains("secure"))
            {
                yield return $"cookie {name} is not Secure over HTTPS";
            }
        }
    }

    /// <summary>The language choice is a preference, not a secret; nothing else may be read by script.</summary>
    private static bool IsReadableByDesign(string cookie) => cookie == ".AspNetCore.Culture";

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>A URL per page route, its route values filled from the demo world; the reason for each page left out.</summary>
    private static (List<string> Urls, List<string> Skipped) PageUrls(CertaTestApp app, DemoPathValues paths)
    {
        var urls = new List<string>();
        var skipped = new List<string>();
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(p => p.Page is not null)
            .OrderBy(p => p.Endpoint.RoutePattern.RawText, StringComparer.Ordinal);
        foreach (var (endpoint, page) in pages)
        {
            var url = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var missing = new List<string>();
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                var value = paths.ForPage(page!.ViewEnginePath, parameter.Name);
                if (value is null && !parameter.IsOptional)
                {
                    missing.Add(parameter.Name);
                }

                url = System.Text.RegularExpressions.Regex.Replace(url, @"\{\**" + parameter.Name + @"[^}]*\}", value is null ? "" : Uri.EscapeDataString(value));
            }

            if (missing.Count > 0)
            {
                skipped.Add($"{endpoint.RoutePattern.RawText} ({page!.ViewEnginePath}): the demo world has no value for {string.Join(", ", missing)}");
                continue;
            }

            urls.Add(url.Length > 1 ? url.TrimEnd('/') : url);
        }

        return ([.. urls.Distinct()], skipped);
    }
}

[Collection("sqlite")]
public sealed class SqlitePageSecurityHeadersTests(SqliteSignedInDemoFixture fixture, ITestOutputHelper output)
    : PageSecurityHeadersTests(fixture, output), IClassFixture<SqliteSignedInDemoFixture>;
