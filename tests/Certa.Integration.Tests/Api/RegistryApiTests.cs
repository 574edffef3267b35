using System.Net;
using Certa.Integration.Tests.Fixtures;

namespace Certa.Integration.Tests.Api;

/// <summary>The registry API, run unchanged on SQLite and on PostgreSQL.</summary>
public abstract class RegistryApiTests(AppFixture fixture)
{
    private HttpClient Client => fixture.App.Client;

    [Fact]
    public async Task Search_InChinese_FindsPortableComputersFirst()
    {
        var page = await Client.GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString("笔记本"));

        var first = page.Items().First();
        first.Str("kind").ShouldBe("product-type");
        first.Str("key").ShouldBe("ccc.0902");
        first.GetProperty("title").Str("zh").ShouldBe("便携式计算机");
    }

    [Theory]
    [InlineData("GB4943", "GB 4943.1-2022")]
    [InlineData("gb 4943.1", "GB 4943.1-2022")]
    [InlineData("ＧＢ　２８３８０", "GB 28380-2025")]
    public async Task Search_StandardNumberWrittenLoosely_FindsEdition(string query, string expected)
    {
        var page = await Client.GetJsonAsync($"/api/v1/search?kind=standard&pageSize=50&q={Uri.EscapeDataString(query)}");

        page.Items().Select(i => i.Str("key")).ShouldContain(expected);
    }

    [Fact]
    public async Task Search_InEnglishKeyword_FindsLaptop()
    {
        var page = await Client.GetJsonAsync("/api/v1/product-types?q=laptop&scheme=ccc");

        page.Items().Select(i => i.Str("id")).ShouldContain("ccc.0902");
    }

    [Fact]
    public async Task ListSchemes_SecondPage_HasTotalAndOtherItems()
    {
        var first = await Client.GetJsonAsync("/api/v1/schemes?pageSize=5&page=1");
        var second = await Client.GetJsonAsync("/api/v1/schemes?pageSize=5&page=2");

        first.Int("total").ShouldBeGreaterThanOrEqualTo(13);
        second.Int("total").ShouldBe(first.Int("total"));
        second.Int("page").ShouldBe(2);
        second.Items().Count().ShouldBe(5);
        second.Items().Select(s => s.Str("id")).ShouldNotContain(first.Items().First().Str("id"));
        first.Int("pages").ShouldBe((first.Int("total") + 4) / 5);
    }

    [Fact]
    public async Task ListSchemes_FilteredByObligation_ReturnsOnlyThatObligation()
    {
        var page = await Client.GetJsonAsync("/api/v1/schemes?obligation=voluntary&pageSize=100");

        page.Items().ShouldNotBeEmpty();
        page.Items().ShouldAllBe(s => s.GetProperty("obligation").GetString() == "voluntary");
        page.Items().Select(s => s.Str("id")).ShouldContain("cn-railway");
    }

    [Fact]
    public async Task Get_WithMatchingIfNoneMatch_Returns304WithoutBody()
    {
        using var first = await Client.GetAsync("/api/v1/schemes/ccc");
        var etag = first.Headers.ETag;
        etag.ShouldNotBeNull();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/schemes/ccc");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await Client.SendAsync(request);

        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await second.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        second.Headers.ETag.ShouldBe(etag);
    }

    [Fact]
    public async Task Get_WithStaleIfNoneMatch_ReturnsBodyAndNewTag()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/schemes/ccc");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"stale\"");
        using var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.ShouldNotBe("\"stale\"");
    }

    [Fact]
    public async Task DifferentPages_HaveDifferentTags()
    {
        using var a = await Client.GetAsync("/api/v1/schemes?page=1&pageSize=3");
        using var b = await Client.GetAsync("/api/v1/schemes?page=2&pageSize=3");

        a.Headers.ETag.ShouldNotBe(b.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/v1/schemes/no-such-scheme", "Scheme not found")]
    [InlineData("/api/v1/product-types/ccc.9999", "Product type not found")]
    [InlineData("/api/v1/standards/GB%209999-2099", "Standard not found")]
    [InlineData("/api/v1/bodies/NOPE", "Certification body not found")]
    public async Task UnknownId_Returns404ProblemWithTraceId(string url, string title)
    {
        using var response = await Client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.Str("title").ShouldBe(title);
        problem.Int("status").ShouldBe(404);
        problem.Str("traceId").ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("/api/v1/schemes?page=abc", "page")]
    [InlineData("/api/v1/schemes?page=0", "page")]
    [InlineData("/api/v1/schemes?pageSize=1000", "pageSize")]
    [InlineData("/api/v1/schemes?obligation=sometimes", "obligation")]
    [InlineData("/api/v1/schemes?obligation=1", "obligation")]
    [InlineData("/api/v1/standards?date=2026-13-01", "date")]
    [InlineData("/api/v1/standards?status=current", "status")]
    [InlineData("/api/v1/search?q=", "q")]
    [InlineData("/api/v1/search?q=x&kind=planet", "kind")]
    [InlineData("/api/v1/product-types/ccc.0902?date=yesterday", "date")]
    public async Task BadQuery_Returns400NamingTheField(string url, string field)
    {
        using var response = await Client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue(problem.ToString());
        messages.EnumerateArray().First().GetString().ShouldNotBeNullOrWhiteSpace();
        problem.Str("traceId").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task CccCatalogue_Has16CategoriesAnd96ProductTypes()
    {
        var catalogue = await Client.GetJsonAsync("/api/v1/schemes/ccc/catalogue");

        catalogue.Str("edition").ShouldBe("2023");
        catalogue.GetProperty("categories").GetArrayLength().ShouldBe(16);
        catalogue.Int("productCount").ShouldBe(96);
    }

    [Fact]
    public async Task Scheme_HasAuthorityRulesAndHistory()
    {
        var scheme = await Client.GetJsonAsync("/api/v1/schemes/ccc");

        scheme.GetProperty("authority").Str("id").ShouldBe("SAMR");
        scheme.GetProperty("rules").EnumerateArray().Select(r => r.Str("id")).ShouldContain("CNCA-C09-01:2023");
        scheme.GetProperty("history").GetArrayLength().ShouldBeGreaterThan(5);
        scheme.GetProperty("catalogueEditions").EnumerateArray().Select(e => e.GetString()).ShouldContain("2023");
    }

    [Theory]
    [InlineData("2026-01-31", "GB 28380-2012", "GB 28380-2025")]
    [InlineData("2026-02-01", "GB 28380-2025", null)]
    public async Task ProductType_StandardEditionDependsOnDate(string date, string edition, string? next)
    {
        var search = await Client.GetJsonAsync("/api/v1/product-types?scheme=cn-energy-label&q=" + Uri.EscapeDataString("笔记本"));
        var id = search.Items().First().Str("id");

        var product = await Client.GetJsonAsync($"/api/v1/product-types/{Uri.EscapeDataString(id)}?date={date}");

        var standard = product.GetProperty("standards").EnumerateArray().Single(s => s.Str("family") == "GB 28380");
        standard.Str("edition").ShouldBe(edition);
        standard.Str("status").ShouldBe("in_force");
        if (next is null)
        {
            standard.GetProperty("nextEdition").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        }
        else
        {
            standard.Str("nextEdition").ShouldBe(next);
        }
    }

    [Fact]
    public async Task PortableComputer_HasRuleStandardsAndDesignatedBodies()
    {
        var product = await Client.GetJsonAsync("/api/v1/product-types/ccc.0902?date=2026-11-27");

        product.GetProperty("rule").Str("id").ShouldBe("CNCA-C09-01:2023");
        product.GetProperty("standards").EnumerateArray().Select(s => s.Str("edition"))
            .ShouldBe(["GB 4943.1-2022", "GB/T 9254.1-2021", "GB 17625.1-2022"], ignoreOrder: true);
        product.GetProperty("bodies").EnumerateArray().Select(b => b.Str("id")).ShouldContain("cqc");
        product.GetProperty("labs").GetArrayLength().ShouldBeGreaterThan(0);
        product.GetProperty("provenance").Str("source").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Standards_SupersededOnDate_IncludesOldEdition()
    {
        var page = await Client.GetJsonAsync("/api/v1/standards?status=superseded&date=2026-11-27&pageSize=200");

        page.Items().Select(s => s.Str("number")).ShouldContain("GB 4943.1-2011");
        page.Items().ShouldAllBe(s => s.GetProperty("status").GetString() == "superseded");
    }

    [Fact]
    public async Task Standard_WithSlashInNumber_IsFound()
    {
        var detail = await Client.GetJsonAsync("/api/v1/standards/" + Uri.EscapeDataString("GB/T 9254.1-2021"));

        detail.GetProperty("standard").Str("family").ShouldBe("GB/T 9254.1");
        detail.GetProperty("usedBy").EnumerateArray().Select(p => p.Str("id")).ShouldContain("ccc.0902");
    }

    [Fact]
    public async Task Bodies_ForProductType_AreThoseDesignatedForIt()
    {
        var page = await Client.GetJsonAsync("/api/v1/bodies?productType=ccc.0902");

        var ids = page.Items().Select(b => b.Str("id")).ToList();
        ids.ShouldContain("cqc");
        ids.ShouldNotContain("ccap");
    }

    [Fact]
    public async Task Labs_IncludeForeignInvestedOnes()
    {
        var page = await Client.GetJsonAsync("/api/v1/labs?pageSize=200");

        page.Items().ShouldAllBe(l => l.GetProperty("kind").GetString() == "laboratory");
        page.Items().Count(l => l.GetProperty("foreignInvested").GetBoolean()).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Unverified_Facts_AreFlaggedInTheApi()
    {
        var page = await Client.GetJsonAsync("/api/v1/labs?pageSize=200");

        page.Items().ShouldContain(l => !l.GetProperty("provenance").GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Health_LiveAndReady_AreHealthy()
    {
        (await Client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheRegistry()
    {
        var document = await Client.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/v1/schemes", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/search", out var search).ShouldBeTrue();
        search.GetProperty("get").GetProperty("responses").TryGetProperty("400", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Docs_ServesInteractiveReference()
    {
        using var response = await Client.GetAsync("/docs/v1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("openapi/v1.json");
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404Problem()
    {
        using var response = await Client.GetAsync("/api/v1/planets");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}

[Collection("sqlite")]
public sealed class SqliteRegistryApiTests(SqliteAppFixture fixture) : RegistryApiTests(fixture), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresRegistryApiTests(PostgresAppFixture fixture) : RegistryApiTests(fixture), IClassFixture<PostgresAppFixture>;
