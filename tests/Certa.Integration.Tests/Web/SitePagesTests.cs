using System.Net;
using Certa.Integration.Tests.Fixtures;

namespace Certa.Integration.Tests.Web;

/// <summary>The server-rendered site: languages, registry pages, readable errors.</summary>
public abstract class SitePagesTests(AppFixture fixture)
{
    private Uri Address => fixture.App.Address;

    [Fact]
    public async Task Home_WithChineseAcceptLanguage_IsInChinese()
    {
        using var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");

        var html = await client.GetStringAsync("/");

        html.ShouldContain("lang=\"zh-CN\"");
        html.ShouldContain("认证制度");
    }

    [Fact]
    public async Task Home_ByDefault_IsInEnglish()
    {
        using var client = new HttpClient { BaseAddress = Address };

        var html = await client.GetStringAsync("/");

        html.ShouldContain("lang=\"en\"");
        html.ShouldContain("Schemes");
    }

    [Fact]
    public async Task LanguageSwitch_IsRememberedAndOverridesAcceptLanguage()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var client = new HttpClient(handler) { BaseAddress = Address };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");

        using var switched = await client.GetAsync("/lang/zh?returnUrl=%2Fschemes");
        var html = await client.GetStringAsync("/schemes");

        switched.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/schemes");
        cookies.GetCookies(Address).ShouldContain(c => c.Name == ".AspNetCore.Culture");
        html.ShouldContain("强制性");
    }

    [Fact]
    public async Task LanguageSwitch_RefusesToRedirectOffSite()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = Address };

        using var response = await client.GetAsync("/lang/en?returnUrl=https%3A%2F%2Fevil.example%2F");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task SearchPage_InChinese_ListsPortableComputers()
    {
        using var client = new HttpClient { BaseAddress = Address };

        var html = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("笔记本"));

        html.ShouldContain("/product-types/ccc.0902");
    }

    [Fact]
    public async Task SchemePage_ShowsCatalogueWithUnverifiedFlags()
    {
        using var client = new HttpClient { BaseAddress = Address };

        var html = await client.GetStringAsync("/schemes/ccc");

        html.ShouldContain("CNCA-C09-01:2023");
        html.ShouldContain("badge unverified");
        html.ShouldContain("id=\"cat-16\"");
    }

    [Fact]
    public async Task ProductTypePage_ShowsStandardsForTheDate()
    {
        using var client = new HttpClient { BaseAddress = Address };

        var html = await client.GetStringAsync("/product-types/ccc.0902?date=2026-11-27");

        html.ShouldContain("GB 4943.1-2022");
        html.ShouldContain("GB/T 9254.1-2021");
        html.ShouldContain("CQC");
    }

    [Theory]
    [InlineData("/standards/GB%20999-2001")]
    [InlineData("/schemes/nope")]
    [InlineData("/no/such/page")]
    public async Task UnknownPage_Is404WithReadableHtml(string url)
    {
        using var client = new HttpClient { BaseAddress = Address };

        using var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Fact]
    public async Task SearchPage_WithOverlongQuery_ExplainsTheProblem()
    {
        using var client = new HttpClient { BaseAddress = Address };

        using var response = await client.GetAsync("/search?q=" + new string('x', 300));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("at most 200 characters");
    }
}

[Collection("sqlite")]
public sealed class SqliteSitePagesTests(SqliteAppFixture fixture) : SitePagesTests(fixture), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresSitePagesTests(PostgresAppFixture fixture) : SitePagesTests(fixture), IClassFixture<PostgresAppFixture>;
