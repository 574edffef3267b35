using System.Globalization;
using System.Net;
using System.Text.Json;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;

namespace Certa.Integration.Tests.Statistics;

/// <summary>
/// The statistics API on each database over <see cref="StatisticsSeed"/>'s known world: exact counts in JSON and CSV,
/// a body's people held to their own body, bad query values answered as problems.
/// </summary>
public abstract class StatisticsApiTests(StatisticsFixture fixture)
{
    private static readonly string ThisMonth = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    private static readonly string TwoMonthsAgo = DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The rows of a dataset as key → (column → value).</summary>
    private static async Task<Dictionary<string, Dictionary<string, decimal>>> RowsAsync(HttpClient client, string url)
    {
        var json = await client.GetJsonAsync(url);
        var key = json.Str("keyColumn");
        return json.GetProperty("rows").EnumerateArray().ToDictionary(r => r.Str(key),
            r => r.EnumerateObject().Where(p => p.Name != key).ToDictionary(p => p.Name, p => p.Value.GetDecimal()));
    }

    [Fact]
    public async Task CertificatesByScheme_CountsEachSchemeByState()
    {
        var rows = await RowsAsync(fixture.Officer, "/api/v1/statistics/certificates-by-scheme");

        rows.Keys.ShouldBe(["ccc", "cn-rohs"]);
        rows["ccc"]["active"].ShouldBe(2);
        rows["ccc"]["suspended"].ShouldBe(1);
        rows["ccc"]["withdrawn"].ShouldBe(0);
        rows["cn-rohs"]["active"].ShouldBe(1);
    }

    [Fact]
    public async Task CertificatesByBodyStateAndMonth_AreExact()
    {
        var bodies = await RowsAsync(fixture.Officer, "/api/v1/statistics/certificates-by-body");
        var states = await RowsAsync(fixture.Officer, "/api/v1/statistics/certificates-by-state");
        var months = await RowsAsync(fixture.Officer, "/api/v1/statistics/certificates-issued-per-month");

        bodies["cqc"]["active"].ShouldBe(2);
        bodies["cqc"]["suspended"].ShouldBe(1);
        bodies["cvc-cert"]["active"].ShouldBe(1);
        states["active"]["count"].ShouldBe(3);
        states["suspended"]["count"].ShouldBe(1);
        states["expired"]["count"].ShouldBe(0);
        months.Count.ShouldBe(24);
        months[ThisMonth]["issued"].ShouldBe(3);
        months[TwoMonthsAgo]["issued"].ShouldBe(1);
        months.Values.Sum(m => m["issued"]).ShouldBe(4);
    }

    [Fact]
    public async Task Applications_ByStateAndTimeInEachStep()
    {
        var states = await RowsAsync(fixture.Officer, "/api/v1/statistics/applications-by-state");
        var steps = await RowsAsync(fixture.Officer, "/api/v1/statistics/application-step-times");

        states["draft"]["count"].ShouldBe(1);
        states["submitted"]["count"].ShouldBe(1);
        states["accepted"]["count"].ShouldBe(1);
        states["granted"]["count"].ShouldBe(0);
        steps["draft"]["completed"].ShouldBe(2);
        steps["draft"]["median_days"].ShouldBe(1);
        steps["draft"]["p90_days"].ShouldBe(2);
        steps["submitted"]["completed"].ShouldBe(1);
        steps["submitted"]["median_days"].ShouldBe(1.5m);
        steps["accepted"]["completed"].ShouldBe(0);
        steps.ShouldNotContainKey("granted");
    }

    [Fact]
    public async Task Inspections_ByKindAndMonth()
    {
        var kinds = await RowsAsync(fixture.Officer, "/api/v1/statistics/inspections-by-kind");
        var months = await RowsAsync(fixture.Officer, "/api/v1/statistics/inspections-per-month?months=3");

        kinds["follow_up"].ShouldBe(new Dictionary<string, decimal> { ["planned"] = 1, ["passed"] = 1, ["failed"] = 1, ["cancelled"] = 0 });
        kinds["double_random"].Values.Sum().ShouldBe(0);
        months.Count.ShouldBe(3);
        months[ThisMonth]["passed"].ShouldBe(1);
        months[ThisMonth]["failed"].ShouldBe(1);
        months[ThisMonth]["planned"].ShouldBe(1);
    }

    [Fact]
    public async Task FollowUps_AreListedPerBody_WithDueAndOverdue()
    {
        var json = await fixture.CqcAdmin.GetJsonAsync("/api/v1/statistics/follow-ups-by-body");

        json.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ShouldBe(["due", "overdue"]);
        json.GetProperty("rows").EnumerateArray().Select(r => r.Str("body")).ShouldBe(["cqc"]);
    }

    [Fact]
    public async Task Csv_HoldsTheSameNumbers_ByRouteAndByFormat()
    {
        const string expected = "scheme,active,suspended,withdrawn,cancelled,expired,superseded\r\nccc,2,1,0,0,0,0\r\ncn-rohs,1,0,0,0,0,0\r\n";
        using var byRoute = await fixture.Officer.GetAsync("/api/v1/statistics/certificates-by-scheme.csv");
        using var byFormat = await fixture.Officer.GetAsync("/api/v1/statistics/certificates-by-scheme?format=csv");

        byRoute.StatusCode.ShouldBe(HttpStatusCode.OK);
        byRoute.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        byRoute.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("certa-certificates-by-scheme-");
        (await byRoute.Content.ReadAsStringAsync()).ShouldBe(expected);
        (await byFormat.Content.ReadAsStringAsync()).ShouldBe(expected);
    }

    [Fact]
    public async Task BodyPeople_SeeOnlyTheirBody()
    {
        var bodies = await RowsAsync(fixture.CqcAdmin, "/api/v1/statistics/certificates-by-body");
        var schemes = await RowsAsync(fixture.CqcAdmin, "/api/v1/statistics/certificates-by-scheme?body=cqc");
        var json = await fixture.CqcAdmin.GetJsonAsync("/api/v1/statistics/inspections-by-kind");
        using var csv = await fixture.CqcAdmin.GetAsync("/api/v1/statistics/certificates-by-body.csv");

        bodies.Keys.ShouldBe(["cqc"]);
        schemes["ccc"]["active"].ShouldBe(1);
        schemes["ccc"]["suspended"].ShouldBe(1);
        json.Str("body").ShouldBe("cqc");
        json.GetProperty("rows")[0].GetProperty("planned").GetDecimal().ShouldBe(0);
        (await csv.Content.ReadAsStringAsync()).ShouldBe("body,active,suspended,withdrawn,cancelled,expired,superseded\r\ncqc,2,1,0,0,0,0\r\n");
    }

    [Theory]
    [InlineData("/api/v1/statistics/certificates-by-body?body=cvc-cert")]
    [InlineData("/api/v1/statistics/certificates-by-scheme.csv?body=cvc-cert")]
    public async Task BodyPeople_AskingForAnotherBody_AreRefused(string url)
    {
        using var response = await fixture.CqcAdmin.GetAsync(url);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "other-organisation");
    }

    [Fact]
    public async Task TheAuthority_NarrowsToOneBody()
    {
        var bodies = await RowsAsync(fixture.Officer, "/api/v1/statistics/certificates-by-body?body=cvc-cert");

        bodies.Keys.ShouldBe(["cvc-cert"]);
        bodies["cvc-cert"]["active"].ShouldBe(1);
    }

    [Fact]
    public async Task OthersAndStrangers_AreRefused()
    {
        using var applicant = await fixture.Applicant.GetAsync("/api/v1/statistics/certificates-by-state");
        using var anonymous = await fixture.App.NewBrowserlikeClient().GetAsync("/api/v1/statistics/certificates-by-state");

        applicant.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        applicant.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("?months=0", "months")]
    [InlineData("?months=121", "months")]
    [InlineData("?months=lots", "months")]
    [InlineData("?format=xml", "format")]
    [InlineData("?body=no-such-body", "body")]
    [InlineData("?body=lab-cttl", "body")]
    public async Task BadQueryValues_AreProblems_NamingTheField(string query, string field)
    {
        using var response = await fixture.Officer.GetAsync("/api/v1/statistics/certificates-issued-per-month" + query);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(body);
    }

    [Fact]
    public async Task TheList_NamesEveryDataset()
    {
        var list = await fixture.CqcAdmin.GetJsonAsync("/api/v1/statistics");

        list.EnumerateArray().Select(d => d.Str("dataset")).ShouldContain("application-step-times");
        list.EnumerateArray().Count().ShouldBe(9);
    }
}

[Collection("sqlite")]
public sealed class SqliteStatisticsApiTests(SqliteStatisticsFixture fixture)
    : StatisticsApiTests(fixture), IClassFixture<SqliteStatisticsFixture>;

[Collection("postgres")]
public sealed class PostgresStatisticsApiTests(PostgresStatisticsFixture fixture)
    : StatisticsApiTests(fixture), IClassFixture<PostgresStatisticsFixture>;
