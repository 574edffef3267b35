using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Certa.Infrastructure.Supervision.Publication;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using CsvHelper;
using CsvHelper.Configuration;

namespace Certa.Integration.Tests.Supervision.Publication;

/// <summary>
/// The public record of supervision on each database, read as anyone reads it, without signing in: the notices API, the
/// CSV and JSON open-data exports and the <c>/supervision/results</c> page return exactly the notices each filter selects,
/// newest first; the CSV parses and shows formulas as text; a bad filter is a problem, not a guess.
/// </summary>
public abstract class SupervisionNoticeTests(PublicationFixture fixture)
{
    private PublicationWorld World => fixture.World;

    private HttpClient Anyone => fixture.App.Client;

    public static TheoryData<string, string> Filters => new()
    {
        { PublicationWorld.Window, "C-withdrawn,C-suspended,B-suspended-by-rule,B-failed,A-passed" },
        { "from=2031-03-01&to=2031-04-30", "A-suspended-april,C-withdrawn,C-suspended,B-suspended-by-rule,B-failed,A-passed" },
        { "from=2031-03-05&to=2031-03-05", "B-suspended-by-rule,B-failed" },
        { "from=2031-03-06&to=2031-03-31", "C-withdrawn,C-suspended" },
        { PublicationWorld.Window + "&scheme=cn-cnecsp", "C-withdrawn,C-suspended" },
        { PublicationWorld.Window + "&scheme=ccc", "B-suspended-by-rule,B-failed,A-passed" },
        { PublicationWorld.Window + "&body=cvc-cert", "B-suspended-by-rule,B-failed" },
        { "from=2031-03-01&to=2031-04-30&body=cqc", "A-suspended-april,C-withdrawn,C-suspended,A-passed" },
        { "from=2031-03-01&to=2031-04-30&enterprise=demo-laptop-maker", "A-suspended-april,A-passed" },
        { "from=2031-03-01&to=2031-04-30&enterprise=demo-laptop-maker&kind=suspension", "A-suspended-april" },
        { PublicationWorld.Window + "&kind=inspection", "B-failed,A-passed" },
        { PublicationWorld.Window + "&kind=suspension", "C-suspended,B-suspended-by-rule" },
        { PublicationWorld.Window + "&kind=withdrawal", "C-withdrawn" },
        { PublicationWorld.Window + "&scheme=ccc&body=cqc&kind=suspension", "" },
        { "from=2031-03-01&to=2031-04-30&enterprise=nobody", "" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EachFilter_SelectsTheSameNotices_InTheApiBothExportsAndThePage(string query, string expected)
    {
        var api = await Anyone.GetJsonAsync($"/api/v1/supervision/notices?{query}&pageSize=200");
        Labels(api.Items().Select(n => (n.Str("certificateNumber"), n.Str("kind"), n.Str("publishedAt")))).ShouldBe(expected);
        api.Int("total").ShouldBe(expected.Length == 0 ? 0 : expected.Split(',').Length);

        var csv = ReadCsv(await Anyone.GetStringAsync($"/api/v1/open-data/supervision.csv?{query}"));
        Labels(csv.Select(r => (r["certificate_number"], r["kind"], r["published_at"]))).ShouldBe(expected);

        var json = JsonDocument.Parse(await Anyone.GetStringAsync($"/api/v1/open-data/supervision.json?{query}")).RootElement;
        Labels(json.GetProperty("notices").EnumerateArray().Select(n => (n.Str("certificate_number"), n.Str("kind"), n.Str("published_at")))).ShouldBe(expected);

        var (status, html) = await fixture.App.GetPageAsync($"/supervision/results?{query}");
        status.ShouldBe(HttpStatusCode.OK, html);
        var rows = Regex.Matches(html, "data-kind=\"([a-z]+)\" data-certificate=\"([^\"]+)\"").Select(m => (m.Groups[2].Value, m.Groups[1].Value)).ToList();
        string.Join(',', rows.Select(r => r.Item1 + ":" + r.Item2)).ShouldBe(Expected(expected));
    }

    [Fact]
    public async Task TheApi_SaysWhatHappened_WhoDecided_AndPagesNewestFirst()
    {
        var page = await Anyone.GetJsonAsync($"/api/v1/supervision/notices?{PublicationWorld.Window}&pageSize=2&page=2");
        page.Int("total").ShouldBe(5);
        page.Int("pages").ShouldBe(3);
        var items = page.Items().ToList();
        Labels(items.Select(n => (n.Str("certificateNumber"), n.Str("kind"), n.Str("publishedAt")))).ShouldBe("B-suspended-by-rule,B-failed");

        var byRule = items[0];
        byRule.Str("enterpriseId").ShouldBe("demo-fan-works");
        byRule.Str("bodyId").ShouldBe("cvc-cert");
        byRule.GetProperty("action").Str("rule").ShouldBe("follow-up.failed-suspends");
        byRule.GetProperty("action").Str("decidedBy").ShouldBe("rule");
        byRule.GetProperty("action").Str("deadline").ShouldBe("2031-04-05");
        byRule.GetProperty("inspection").ValueKind.ShouldBe(JsonValueKind.Null);

        var failed = items[1].GetProperty("inspection");
        failed.Str("outcome").ShouldBe("failed");
        failed.Str("kind").ShouldBe("follow_up");
        failed.Str("performedOn").ShouldBe("2031-03-05");
        failed.GetProperty("findings").EnumerateArray().Select(f => f.GetString()).ShouldBe(["=HYPERLINK(\"http://evil.example\",\"click\")", "Rating label missing"]);
        items[1].Str("id").ShouldBe($"inspection:{failed.Str("id")}");

        var byBody = (await Anyone.GetJsonAsync($"/api/v1/supervision/notices?{PublicationWorld.Window}&kind=suspension&scheme=cn-cnecsp")).Items().Single();
        byBody.GetProperty("action").GetProperty("rule").ValueKind.ShouldBe(JsonValueKind.Null);
        byBody.GetProperty("action").Str("decidedBy").ShouldBe("body");
        byBody.GetProperty("enterpriseName").Str("en").ShouldBe("Ningbo Example Appliance Co., Ltd. (demo)", byBody.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ReadInSmallBatches_EveryNoticeComesOnce_InTheSameOrder_EvenWhenPublishedInTheSameInstant(int batch)
    {
        var filter = new NoticeFilter(new DateOnly(2031, 3, 1), new DateOnly(2031, 5, 31), null, null, null, null);
        var whole = await fixture.App.QueryAsync(db => new SupervisionNotices(db).AllAsync(filter, default).Select(n => n.Id).ToListAsync().AsTask());

        var batched = await fixture.App.QueryAsync(db => new SupervisionNotices(db, batch).AllAsync(filter, default).Select(n => n.Id).ToListAsync().AsTask());

        whole.Count.ShouldBe(10);
        whole.ShouldBeUnique();
        batched.ShouldBe(whole);
        var may = await fixture.App.QueryAsync(db => new SupervisionNotices(db, batch).AllAsync(filter with { From = new DateOnly(2031, 5, 1) }, default)
            .Select(n => World.LabelOf(n.CertificateNumber, n.Kind.ToString().ToLowerInvariant(), n.PublishedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)))
            .ToListAsync().AsTask());
        may.Order(StringComparer.Ordinal).ShouldBe(["A-passed-may", "A-withdrawn-may", "B-passed-may", "B-withdrawn-may"]);
    }

    [Fact]
    public async Task TheCsv_HasItsDocumentedHeader_ParsesAsUtf8_AndShowsFormulasAsText()
    {
        using var response = await Anyone.GetAsync($"/api/v1/open-data/supervision.csv?{PublicationWorld.Window}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldEndWith(".csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes[0].ShouldBe((byte)'n', "no byte-order mark");
        var text = Encoding.UTF8.GetString(bytes);
        text.Split("\r\n")[0].ShouldBe("notice_id,kind,published_at,certificate_number,enterprise_id,enterprise_name_en,enterprise_name_zh,body_id,scheme_id,"
            + "product_type_id,inspection_id,inspection_kind,draw_reference,performed_on,outcome,findings,summary,reason,deadline,rule,decided_by");

        var rows = ReadCsv(text);
        var failed = rows.Single(r => r["outcome"] == "failed");
        failed["findings"].ShouldBe("'=HYPERLINK(\"http://evil.example\",\"click\")\nRating label missing");
        failed["summary"].ShouldBe("'-2 units short of the sample");
        failed["enterprise_name_zh"].ShouldNotBeEmpty();
        rows.Single(r => r["kind"] == "withdrawal")["reason"].ShouldBe("'@Deadline missed");
        var suspended = rows.Single(r => r["kind"] == "suspension" && r["scheme_id"] == "cn-cnecsp");
        suspended["reason"].ShouldBe("'+Sample failed the retest");
        suspended["deadline"].ShouldBe("2031-04-10");
        suspended["decided_by"].ShouldBe("body");
        suspended["rule"].ShouldBeEmpty();
        rows.Single(r => r["rule"] == "follow-up.failed-suspends")["decided_by"].ShouldBe("rule");
        rows.ShouldAllBe(r => r.Values.All(v => v.Length == 0 || "=+-@\t\r".IndexOf(v[0]) < 0));
    }

    [Fact]
    public async Task TheJson_NamesItsFormatFilterAndColumns()
    {
        var json = JsonDocument.Parse(await Anyone.GetStringAsync($"/api/v1/open-data/supervision.json?{PublicationWorld.Window}&kind=inspection")).RootElement;
        json.Str("format").ShouldBe("certa-supervision-notices/1");
        json.GetProperty("filter").Str("from").ShouldBe("2031-03-01");
        json.GetProperty("filter").Str("kind").ShouldBe("inspection");
        var columns = json.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList();
        var first = json.GetProperty("notices").EnumerateArray().First();
        first.EnumerateObject().Select(p => p.Name).ShouldBe(columns);
        first.GetProperty("findings").GetArrayLength().ShouldBe(2);
        first.GetProperty("reason").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("from=2031-3-1", "from")]
    [InlineData("to=31/03/2031", "to")]
    [InlineData("from=2031-03-10&to=2031-03-01", "to")]
    [InlineData("kind=audit", "kind")]
    public async Task ABadFilter_IsAProblem_OnEveryEndpoint_AndInWordsOnThePage(string query, string field)
    {
        foreach (var path in new[] { "/api/v1/supervision/notices", "/api/v1/open-data/supervision.csv", "/api/v1/open-data/supervision.json" })
        {
            using var response = await Anyone.GetAsync($"{path}?{query}");
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(body);
        }

        var (status, html) = await fixture.App.GetPageAsync($"/supervision/results?{query}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"notice-problems\"");
        html.ShouldNotContain("id=\"notices\"");
    }

    [Fact]
    public async Task ThePage_IsInChinese_WithLinksToTheCertificateTheInspectionAndTheDownloads()
    {
        var (status, html) = await fixture.App.GetPageAsync($"/supervision/results?{PublicationWorld.Window}&kind=inspection", "zh-CN");

        status.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("<h1>监督结果公示</h1>");
        html.ShouldContain("检查不合格");
        html.ShouldContain($"href=\"/verify/{World.B.Number}\"");
        html.ShouldMatch("href=\"/inspections/[0-9a-f-]{36}\"");
        html.ShouldContain("href=\"/api/v1/open-data/supervision.csv?from=2031-03-01&to=2031-03-31&kind=inspection\"");
        html.ShouldContain("href=\"/api/v1/open-data/supervision.json?from=2031-03-01&to=2031-03-31&kind=inspection\"");
        html.ShouldContain("Rating label missing");
    }

    private string Labels(IEnumerable<(string Number, string Kind, string PublishedAt)> notices) =>
        string.Join(',', notices.Select(n => World.LabelOf(n.Number, n.Kind, n.PublishedAt)));

    /// <summary>The expected labels as <c>number:kind</c>, which is what a page row shows of a notice.</summary>
    private string Expected(string labels) => string.Join(',', labels.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(label =>
    {
        var certificate = label[0] switch { 'A' => World.A, 'B' => World.B, _ => World.C };
        var kind = label.Contains("suspended", StringComparison.Ordinal) ? "suspension" : label.Contains("withdrawn", StringComparison.Ordinal) ? "withdrawal" : "inspection";
        return $"{certificate.Number}:{kind}";
    }));

    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        using var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture));
        return [.. csv.GetRecords<dynamic>().Select(r => ((IDictionary<string, object>)r).ToDictionary(p => p.Key, p => (string)p.Value))];
    }
}

[Collection("sqlite")]
public sealed class SqliteSupervisionNoticeTests(SqlitePublicationFixture fixture)
    : SupervisionNoticeTests(fixture), IClassFixture<SqlitePublicationFixture>;

[Collection("postgres")]
public sealed class PostgresSupervisionNoticeTests(PostgresPublicationFixture fixture)
    : SupervisionNoticeTests(fixture), IClassFixture<PostgresPublicationFixture>;
