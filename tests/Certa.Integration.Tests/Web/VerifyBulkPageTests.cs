using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Certa.Domain.Certificates;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Gmark;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Web;

/// <summary>
/// The public <c>/verify/bulk</c> page on each database, as a marketplace uses it without script: a list uploaded or pasted,
/// a summary and the lines on the page, or every line's result as the API's CSV; a bad list is a message and a 400.
/// </summary>
public abstract partial class VerifyBulkPageTests(DemoAppFixture fixture)
{
    private const string Page = "/verify/bulk";
    private const string TokenField = "__RequestVerificationToken";

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AThousandLines_AreCountedByOutcomeAndReason_AndEachIsARowInPlace()
    {
        var list = await ThousandLinesAsync();

        var (status, html) = await CheckAsync(File(list.Csv, "listings.csv", "text/csv"));

        status.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain($"id=\"bulk-summary\" data-lines=\"1000\" data-valid=\"{list.Valid}\" data-not-valid=\"{list.Suspended}\" " +
            $"data-unknown=\"{list.Unknown}\" data-unreadable=\"1\"");
        html.ShouldContain($"id=\"bulk-headline\">1,000 lines checked, as of {Today}<");
        html.ShouldContain($"<tr data-code=\"suspended\"><td>Suspended</td><td class=\"num\">{list.Suspended}</td></tr>");
        html.ShouldContain($"<tr data-code=\"unknown-number\"><td>Unknown number</td><td class=\"num\">{list.Unknown}</td></tr>");
        var rows = Rows(html);
        rows.Select(r => r.Line).ShouldBe(Enumerable.Range(2, 1000));
        rows.Select(r => r.Code).ShouldBe(list.Codes);
        html.ShouldNotContain("id=\"bulk-partial\"");
        var bad = Row(html, ThousandLines.BadLine);
        bad.ShouldContain("data-valid=\"false\" data-code=\"line-invalid\" class=\"unreadable\"");
        bad.ShouldContain($"This line could not be read. <span class=\"verify-detail muted\" lang=\"en\">Line {ThousandLines.BadLine} has 4 fields");
        var suspended = Row(html, 5);
        suspended.ShouldContain($"<a class=\"code\" href=\"/verify/{list.SuspendedNumber}\">{list.SuspendedNumber}</a>");
        suspended.ShouldContain("<span class=\"badge cert-state state-suspended\">Suspended</span>");
        suspended.ShouldContain($"Suspended since {Today}: products may not be delivered or marked under it until the body restores it.");
        Row(html, 3).ShouldContain("<span class=\"bulk-answer yes\">Valid</span>");
        Row(html, 2).ShouldContain($"There is no certificate with the number UNKNOWN-1.");
    }

    [Fact]
    public async Task TheDownload_IsEveryLineInTheApisCsv_AsAnAttachmentNamedForTheDay()
    {
        var list = await ThousandLinesAsync();

        using var response = await PostAsync(File(list.Csv, "listings.csv", "text/csv"), handler: "download");
        var csv = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, csv);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName.ShouldBe($"certa-verification-{Today}.csv");
        var records = CsvRecords.Read(csv, 100_000);
        records[0].Fields.ShouldBe(["line", "number", "valid", "code", "state", "valid_until", "message"]);
        records.Count.ShouldBe(1001);
        records.Skip(1).Select(r => r.Fields[3]).ShouldBe(list.Codes);
        records[4].Fields.Take(5).ShouldBe(["5", list.SuspendedNumber, "false", "suspended", "suspended"]);
        using var api = new HttpRequestMessage(HttpMethod.Post, "/api/v1/public/verify:bulk") { Content = new StringContent(list.Csv, Encoding.UTF8, "text/csv") };
        api.Headers.Accept.ParseAdd("text/csv");
        using var answer = await fixture.App.Client.SendAsync(api);
        csv.ShouldBe(await answer.Content.ReadAsStringAsync(), "the page's download and the API's CSV answer differ");
    }

    [Fact]
    public async Task PastATwoThousandLineList_ThePageShowsTheFirstThousandNotValid_AndSaysTheDownloadHasAll()
    {
        var valid = (await CertificateSeed.IssueAsync(fixture.App.Services)).Number;
        var numbers = Enumerable.Range(1, 2_500).Select(i => i % 2 == 0 ? valid : $"UNKNOWN-{i}");

        var (status, html) = await CheckAsync(Pasted(string.Join('\n', numbers)));

        status.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("data-lines=\"2500\" data-valid=\"1250\" data-not-valid=\"0\" data-unknown=\"1250\" data-unreadable=\"0\"");
        html.ShouldContain("id=\"bulk-partial\">The first 1,000 of the 1,250 lines that are not valid or unreadable. Download the results for all 2,500 lines.");
        Rows(html).Select(r => r.Line).ShouldBe(Enumerable.Range(0, 1_000).Select(i => 1 + (2 * i)));
    }

    [Fact]
    public async Task PastAHundredThousandLines_TheRestIsNotRead_AndThePageSaysWhereItStopped()
    {
        var lines = string.Join('\n', Enumerable.Range(1, 100_003).Select(i => $"NO-SUCH-{i}"));

        var (status, html) = await CheckAsync(File(lines, "huge.txt", "text/plain"));

        status.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("data-lines=\"100000\"");
        html.ShouldContain("id=\"bulk-cut\">The list is longer than this page checks (100,000 lines): the lines after line 100,000 were not read.");
    }

    [Fact]
    public async Task ABadList_IsTheFormAgain_WithAReadableMessage_And400_NeverA500()
    {
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cases = new (string Name, Func<MultipartFormDataContent, MultipartFormDataContent> Form, string Message)[]
        {
            ("nothing", f => f, "Choose a file or paste at least one certificate number."),
            ("blank paste", Pasted(" \n \n"), "Choose a file or paste at least one certificate number."),
            ("empty file", File(string.Empty, "empty.csv", "text/csv"), "The file empty.csv is empty."),
            ("header only", File("number,model,holder\r\n\r\n", "header.csv", "text/csv"), "The list holds no certificate numbers"),
            ("workbook", File("PK\u0003\u0004", "listings.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "listings.xlsx is not a CSV or NDJSON file. Save the sheet as CSV (UTF-8)"),
            ("utf-16", File("n\0u\0m\0", "utf16.csv", "text/csv"), "utf16.csv is not plain text."),
            ("future day", Fields(("Numbers", "123"), ("At", tomorrow)), $"The date {tomorrow} is in the future"),
            ("bad day", Fields(("Numbers", "123"), ("At", "2025-13-01")), "“2025-13-01” is not a date"),
        };

        foreach (var (name, form, message) in cases)
        {
            foreach (var handler in new[] { null, "download" })
            {
                using var response = await PostAsync(form, handler);
                var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

                response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{name} ({handler ?? "check"}): {html}");
                response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", name);
                html.ShouldContain($"id=\"bulk-problem\">{message}", customMessage: name);
                html.ShouldContain("id=\"bulk-form\"", customMessage: name);
                html.ShouldNotContain("id=\"bulk-summary\"", customMessage: name);
            }
        }
    }

    [Fact]
    public async Task InChinese_TheFormTheSummaryAndTheReasonsReadInChinese()
    {
        var suspended = await SuspendedAsync();
        using var client = fixture.App.NewBrowserlikeClient();
        (await client.GetAsync($"/lang/zh?returnUrl={Uri.EscapeDataString(Page)}")).Dispose();

        var form = await client.GetStringAsync(Page);
        using var response = await PostAsync(Pasted($"{suspended.Number},X15\n\"never closed\n"), client: client);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        form.ShouldContain("<h1>批量查询证书</h1>");
        form.ShouldContain(">下载结果（CSV）</button>");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain($"id=\"bulk-headline\">已查询 2 行（查询日期 {Today}）<");
        html.ShouldContain("<tr data-code=\"suspended\"><td>已暂停</td>");
        html.ShouldContain($"自 {Today} 起暂停");
        html.ShouldContain("本证书不覆盖型号 X15，其覆盖的型号为：X14, X14 Pro。");
        html.ShouldContain("此行无法读取。");
    }

    [Fact]
    public async Task TheVerifyPage_LinksToTheBulkPage_AndBack()
    {
        using var client = fixture.App.NewBrowserlikeClient();

        var single = await client.GetStringAsync("/verify");
        var bulk = await client.GetStringAsync(Page);

        single.ShouldContain("<a href=\"/verify/bulk\" id=\"verify-bulk-link\">");
        bulk.ShouldContain("<a href=\"/verify\" id=\"bulk-back\">");
        bulk.ShouldContain("At most 100,000 lines and 16 MB a check");
    }

    private async Task<Certificate> SuspendedAsync()
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CertificateCommands>().SuspendAsync(CommandContext.CommandLine(), certificate.Id,
            "Follow-up audit failed", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), default);
    }

    /// <summary>
    /// A header and 1 000 lines (file lines 2 to 1 001): an unknown number every fourth line from the first, the suspended
    /// certificate every fourth from the fourth, the valid one between, and one line that cannot be read.
    /// </summary>
    private async Task<ThousandLines> ThousandLinesAsync()
    {
        var valid = (await CertificateSeed.IssueAsync(fixture.App.Services)).Number;
        var suspended = (await SuspendedAsync()).Number;
        List<(string Line, string Code)> lines = [.. Enumerable.Range(1, 1_000).Select(i => i switch
        {
            _ when i + 1 == ThousandLines.BadLine => ("a,b,c,d", "line-invalid"),
            _ when i % 4 == 1 => ($"UNKNOWN-{i}", "unknown-number"),
            _ when i % 4 == 0 => (suspended, "suspended"),
            _ => (valid, "valid"),
        })];
        return new ThousandLines("number,model,holder\r\n" + string.Join("\r\n", lines.Select(l => l.Line)) + "\r\n",
            [.. lines.Select(l => l.Code)], suspended);
    }

    private sealed record ThousandLines(string Csv, IReadOnlyList<string> Codes, string SuspendedNumber)
    {
        public const int BadLine = 501;

        public int Valid => Codes.Count(c => c == "valid");

        public int Suspended => Codes.Count(c => c == "suspended");

        public int Unknown => Codes.Count(c => c == "unknown-number");
    }

    private async Task<(HttpStatusCode Status, string Html)> CheckAsync(Func<MultipartFormDataContent, MultipartFormDataContent> form)
    {
        using var response = await PostAsync(form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Posts the form as a browser does: multipart, with the token of the page's form, to "Check" or to another handler.</summary>
    private async Task<HttpResponseMessage> PostAsync(Func<MultipartFormDataContent, MultipartFormDataContent> form, string? handler = null, HttpClient? client = null)
    {
        using var own = client is null ? fixture.App.NewBrowserlikeClient() : null;
        var browser = client ?? own!;
        using var body = form(new MultipartFormDataContent { { new StringContent(await CertaTestApp.AntiforgeryTokenAsync(browser, Page)), TokenField } });
        var response = await browser.PostAsync(handler is null ? Page : $"{Page}?handler={handler}", body);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static Func<MultipartFormDataContent, MultipartFormDataContent> File(string content, string name, string type) => form =>
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        form.Add(file, "Upload", name);
        return form;
    };

    private static Func<MultipartFormDataContent, MultipartFormDataContent> Pasted(string numbers) => Fields(("Numbers", numbers));

    private static Func<MultipartFormDataContent, MultipartFormDataContent> Fields(params (string Name, string Value)[] fields) => form =>
    {
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    };

    /// <summary>The results table's rows: each one's file line and code.</summary>
    private static List<(int Line, string Code)> Rows(string html) =>
        [.. TableRow().Matches(html).Select(m => (int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture), m.Groups["code"].Value))];

    private static string Row(string html, int line)
    {
        var start = html.IndexOf($"<tr data-line=\"{line}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"no row for line {line}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<tr data-line=\"(?<line>\\d+)\" data-valid=\"(?:true|false)\" data-code=\"(?<code>[a-z-]+)\"")]
    private static partial Regex TableRow();
}

[Collection("sqlite")]
public sealed class SqliteVerifyBulkPageTests(SqliteDemoAppFixture fixture) : VerifyBulkPageTests(fixture), IClassFixture<SqliteDemoAppFixture>;

[Collection("postgres")]
public sealed class PostgresVerifyBulkPageTests(PostgresDemoAppFixture fixture) : VerifyBulkPageTests(fixture), IClassFixture<PostgresDemoAppFixture>;

/// <summary>
/// Checks on the page count against the bulk budget, not the single lookups' budget of the rest of /verify; opening the page
/// (GET) costs nothing, so a person can load it, check and download without running out.
/// </summary>
[Collection("sqlite")]
public sealed class VerifyBulkPageRateLimitTests
{
    [Fact]
    public async Task Checks_SpendTheBulkBudget_OpeningThePageDoesNot_AndTheLookupBudgetIsLeftAlone()
    {
        await using var app = await CertaTestApp.StartAsync(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Certa:RateLimits:AnonymousPerMinute"] = "3",
            ["Certa:RateLimits:AnonymousBulkPerMinute"] = "2",
        });
        using var browser = app.NewBrowserlikeClient();

        var opened = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await browser.GetAsync("/verify/bulk");
            opened.Add(response.StatusCode);
        }

        var token = await CertaTestApp.AntiforgeryTokenAsync(browser, "/verify/bulk");
        var checks = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("2024010902000001"), "Numbers" },
            };
            using var response = await browser.PostAsync("/verify/bulk", form);
            checks.Add(response.StatusCode);
        }

        using var lookup = await browser.GetAsync("/verify");

        opened.ShouldAllBe(s => s == HttpStatusCode.OK);
        checks.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        lookup.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
