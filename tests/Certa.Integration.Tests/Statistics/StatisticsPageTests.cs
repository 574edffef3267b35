using System.Net;
using System.Xml.Linq;
using Certa.Web.Statistics;

namespace Certa.Integration.Tests.Statistics;

/// <summary><c>/statistics</c> on each database: charts and tables for those who may, in English and 中文; a refusal page for others.</summary>
public abstract class StatisticsPageTests(StatisticsFixture fixture)
{
    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string url, string language = "en")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every inline SVG chart of the page, parsed as XML (so each must be well-formed).</summary>
    private static List<XElement> Charts(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<svg .*?</svg>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => XDocument.Parse(m.Value).Root!)];

    [Fact]
    public async Task TheAuthority_SeesEveryDataset_AsChartTableAndCsvLink()
    {
        var (status, html) = await GetAsync(fixture.Officer, "/statistics");

        status.ShouldBe(HttpStatusCode.OK);
        Charts(html).Count.ShouldBe(StatisticsDataset.All.Count);
        foreach (var dataset in StatisticsDataset.All)
        {
            html.ShouldContain($"id=\"{dataset.Id}-table\"");
            html.ShouldContain($"href=\"/api/v1/statistics/{dataset.Id}.csv\"");
        }

        html.ShouldContain("Certificates by scheme");
        html.ShouldContain("<option value=\"cvc-cert\"");
        html.ShouldNotContain("NaN");
    }

    [Fact]
    public async Task InChinese_TheWordsAreChinese()
    {
        var (status, html) = await GetAsync(fixture.Officer, "/statistics?body=cqc", "zh");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("按认证制度统计的证书");
        html.ShouldContain("下载 CSV");
        html.ShouldContain("href=\"/api/v1/statistics/certificates-by-body.csv?body=cqc\"");
    }

    [Fact]
    public async Task ABodyAdmin_SeesTheirBody_AndIsRefusedAnother()
    {
        var (own, html) = await GetAsync(fixture.CqcAdmin, "/statistics");
        var (other, refusal) = await GetAsync(fixture.CqcAdmin, "/statistics?body=cvc-cert");

        own.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("id=\"stats-own-body\"");
        html.ShouldNotContain("<option value=\"cvc-cert\"");
        other.ShouldBe(HttpStatusCode.Forbidden);
        refusal.ShouldContain("id=\"stats-refused\"");
    }

    [Fact]
    public async Task AnApplicant_GetsARefusalPage()
    {
        var (status, html) = await GetAsync(fixture.Applicant, "/statistics");

        status.ShouldBe(HttpStatusCode.Forbidden);
        html.ShouldContain("id=\"stats-refused\"");
        Charts(html).ShouldBeEmpty();
    }

    [Fact]
    public async Task BadMonths_AreSaidOnThePage()
    {
        var (status, html) = await GetAsync(fixture.Officer, "/statistics?months=0");

        status.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"stats-problem\"");
        html.ShouldContain("out of range");
    }
}

[Collection("sqlite")]
public sealed class SqliteStatisticsPageTests(SqliteStatisticsFixture fixture)
    : StatisticsPageTests(fixture), IClassFixture<SqliteStatisticsFixture>;

[Collection("postgres")]
public sealed class PostgresStatisticsPageTests(PostgresStatisticsFixture fixture)
    : StatisticsPageTests(fixture), IClassFixture<PostgresStatisticsFixture>;
