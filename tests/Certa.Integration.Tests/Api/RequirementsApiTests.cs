using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Certa.Integration.Tests.Fixtures;

namespace Certa.Integration.Tests.Api;

/// <summary>The market-access advisor over HTTP, on SQLite and on PostgreSQL.</summary>
public abstract class RequirementsApiTests(AppFixture fixture)
{
    private HttpClient Client => fixture.App.Client;

    [Fact]
    public async Task Laptop_ForChina_NeedsCccRohsEnergyLabelAndSrrcButNotNal()
    {
        var answer = await EvaluateAsync(new { product = "laptop", markets = new[] { "CN" }, date = "2026-11-27" });

        var needed = Ids(answer.GetProperty("requirements"));
        needed.ShouldContain("cn-ccc");
        needed.ShouldContain("cn-rohs");
        needed.ShouldContain("cn-energy-label");
        needed.ShouldContain("cn-srrc");
        needed.ShouldNotContain("cn-nal");
        var nal = answer.GetProperty("ruledOut").EnumerateArray().Single(r => r.Str("id") == "cn-nal");
        nal.GetProperty("reason").Str("en").ShouldContain("cellular");
        nal.GetProperty("failed").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Laptop_WithCellularModule_NeedsNalAfterSrrc()
    {
        var answer = await EvaluateAsync(new
        {
            product = "laptop",
            markets = new[] { "CN" },
            features = new { radio = new[] { "wifi_2g4", "cellular" }, public_telecom = true },
        });

        Ids(answer.GetProperty("requirements")).ShouldContain("cn-nal");
        var plan = answer.GetProperty("plan").GetProperty("items").EnumerateArray().ToList();
        var nal = plan.Single(i => i.Str("requirement") == "cn-nal");
        var srrc = plan.Single(i => i.Str("requirement") == "cn-srrc");
        nal.Int("startMinDay").ShouldBe(srrc.Int("endMinDay"));
    }

    [Fact]
    public async Task Requirement_ExplainsWhyWithTheMatchedConditions()
    {
        var answer = await EvaluateAsync(new { product = "laptop", markets = new[] { "CN" }, date = "2026-11-27" });

        var ccc = answer.GetProperty("requirements").EnumerateArray().First(r => r.Str("id") == "cn-ccc");
        ccc.Str("implementationRule").ShouldBe("CNCA-C09-01:2023");
        ccc.GetProperty("standards").EnumerateArray().Select(s => s.Str("edition")).ShouldContain("GB 4943.1-2022");
        ccc.GetProperty("matched").EnumerateArray().Select(m => m.Str("text")).ShouldContain("markets has \"CN\"");
        ccc.GetProperty("documents").EnumerateArray().Select(d => d.Str("id")).ShouldContain("factory_questionnaire");
        ccc.GetProperty("sources").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task EnergyLabelStandard_DependsOnTheDate()
    {
        var before = await EvaluateAsync(new { product = "laptop", markets = new[] { "CN" }, date = "2026-01-31" });
        var after = await EvaluateAsync(new { product = "laptop", markets = new[] { "CN" }, date = "2026-02-01" });

        Edition(before, "GB 28380").ShouldBe("GB 28380-2012");
        Edition(after, "GB 28380").ShouldBe("GB 28380-2025");
        before.GetProperty("upcoming").EnumerateArray().ShouldContain(u => u.Str("date") == "2026-02-01");
    }

    [Theory]
    [InlineData("""{"product":"laptop","markets":["CN"],"features":{"colour":"red"}}""", "features.colour")]
    [InlineData("""{"product":"laptop","markets":["CN"],"features":{"radio":["wifi_2g4","x-ray"]}}""", "features.radio[1]")]
    [InlineData("""{"product":"laptop","markets":["CN"],"features":{"power":"battery","rated_voltage_ac":220}}""", "features.rated_voltage_ac")]
    [InlineData("""{"product":"laptop","markets":["XX"]}""", "markets[0]")]
    [InlineData("""{"product":"spaceship","markets":["CN"]}""", "product")]
    [InlineData("""{"product":"laptop"}""", "markets")]
    [InlineData("""{"product":"laptop","markets":["CN"],"date":"2026-02-30"}""", "date")]
    [InlineData("""{"product":"laptop","markets":["CN"],"features":{"eep":"yes"}}""", "features.eep")]
    [InlineData("""{"product":"laptop","markets":"CN"}""", "markets")]
    [InlineData("""{"product":"laptop",""", "$")]
    public async Task BadProfile_Returns400NamingTheFieldPath(string body, string path)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/api/v1/requirements/evaluate", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadJsonAsync();
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldContain(n => n == path || n.StartsWith(path, StringComparison.Ordinal), problem.ToString());
    }

    [Fact]
    public async Task Batch_AnswersEveryLineInOrder_AndReportsBadLinesWithoutStopping()
    {
        var lines = string.Join('\n',
            """{"product":"laptop","markets":["CN"],"reference":"A-1"}""",
            """{"product":"laptop","markets":["CN"],"features":{"power":"battery","rated_voltage_ac":220},"reference":"B-2"}""",
            "not json",
            "",
            """{"product":"mobile-phone","markets":["GCC"],"reference":"C-3"}""");
        using var content = new StringContent(lines, Encoding.UTF8, "application/x-ndjson");

        using var response = await Client.PostAsync("/api/v1/requirements/batch", content);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        var results = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        results.Select(r => r.Int("line")).ShouldBe([1, 2, 3, 5]);
        results[0].GetProperty("summary").GetProperty("requirements").GetArrayLength().ShouldBeGreaterThan(0);
        results[0].TryGetProperty("answer", out _).ShouldBeFalse();
        results[0].Str("reference").ShouldBe("A-1");
        results[1].GetProperty("errors")[0].Str("path").ShouldBe("features.rated_voltage_ac");
        results[2].GetProperty("errors").GetArrayLength().ShouldBe(1);
        results[3].GetProperty("summary").GetProperty("markets").GetArrayLength().ShouldBe(6);
    }

    [Fact]
    public async Task Batch_WithFullDetail_ReturnsTheExplainedAnswers()
    {
        using var content = new StringContent("""{"product":"laptop","markets":["CN"]}""", Encoding.UTF8, "application/x-ndjson");

        using var response = await Client.PostAsync("/api/v1/requirements/batch?detail=full", content);
        var line = JsonDocument.Parse((await response.Content.ReadAsStringAsync()).Trim()).RootElement;

        line.GetProperty("answer").GetProperty("requirements")[0].GetProperty("matched").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Batch_WithUnknownDetail_Returns400()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/x-ndjson");

        using var response = await Client.PostAsync("/api/v1/requirements/batch?detail=everything", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("detail", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Knowledge_ListsFeaturesMarketsAndProducts()
    {
        var knowledge = await Client.GetJsonAsync("/api/v1/requirements/knowledge");

        knowledge.GetProperty("features").EnumerateArray().Select(f => f.Str("id")).ShouldContain("radio");
        knowledge.GetProperty("markets").EnumerateArray().Select(m => m.Str("id")).ShouldContain("SA");
        knowledge.GetProperty("products").EnumerateArray().Select(p => p.Str("id")).ShouldContain("laptop");
    }

    [Fact]
    public async Task OpenApi_DescribesTheAdvisor()
    {
        var document = await Client.GetJsonAsync("/openapi/v1.json");

        document.GetProperty("paths").TryGetProperty("/api/v1/requirements/evaluate", out var evaluate).ShouldBeTrue();
        evaluate.GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
    }

    private async Task<JsonElement> EvaluateAsync(object profile)
    {
        using var response = await Client.PostAsJsonAsync("/api/v1/requirements/evaluate", profile);
        var body = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static List<string> Ids(JsonElement list) => [.. list.EnumerateArray().Select(r => r.Str("id"))];

    private static string Edition(JsonElement answer, string family) => answer.GetProperty("requirements").EnumerateArray()
        .SelectMany(r => r.GetProperty("standards").EnumerateArray())
        .First(s => s.Str("family") == family).Str("edition");
}

[Collection("sqlite")]
public sealed class SqliteRequirementsApiTests(SqliteAppFixture fixture) : RequirementsApiTests(fixture), IClassFixture<SqliteAppFixture>;

[Collection("postgres")]
public sealed class PostgresRequirementsApiTests(PostgresAppFixture fixture) : RequirementsApiTests(fixture), IClassFixture<PostgresAppFixture>;
