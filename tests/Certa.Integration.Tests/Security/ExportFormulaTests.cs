using System.Globalization;
using System.Net;
using System.Text;
using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Infrastructure.Statistics;
using Certa.Infrastructure.Supervision.Publication;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Web.Api;
using Certa.Web.Statistics;
using Certa.Web.Supervision.Publication;
using CsvHelper;
using CsvHelper.Configuration;

namespace Certa.Integration.Tests.Security;

/// <summary>
/// Every CSV export writes its cells through <see cref="CsvCell"/>: text a spreadsheet would run as a formula (a leading
/// = + - @, tab or carriage return) is prefixed with an apostrophe. Certa writes no XML export.
/// </summary>
public abstract class ExportFormulaTests(SignedInDemoFixture fixture)
{
    private const string Formula = "=HYPERLINK(\"http://x\")";

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData(Formula, "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("plain", "plain")]
    public void Cell_NeutralisesFormulasAndQuotes(string value, string written) => CsvCell.Of(value).ShouldBe(written);

    [Fact]
    public void OpenDataCsv_NeutralisesEveryTextColumn()
    {
        var notice = new SupervisionNotice("inspection:=1", NoticeKind.Inspection, DateTimeOffset.UnixEpoch, "=1+1", "@enterprise",
            new LocalizedText(Formula, "+中文"), "-body", "\tscheme", "\rproduct", null, null);

        ShouldHaveNoFormula(OpenDataCsv.Header + "\r\n" + OpenDataCsv.Line(notice));
    }

    [Fact]
    public void StatisticsCsv_NeutralisesKeysAndHeaders()
    {
        var table = new StatisticsTable("=key", ["+count"], [new StatisticsRow(Formula, [3m])]);

        ShouldHaveNoFormula(StatisticsCsv.Write(table));
    }

    [Fact]
    public async Task AuditCsv_OfAnOrganisationNamedAsAFormula_HasNoFormula()
    {
        var admin = fixture.As(Role.PlatformAdmin).Client;
        using var created = await admin.PostAsync("/api/v1/organisations", Json.Body(new
        {
            id = "formula-verifier", kind = "verifier", nameEn = Formula, nameZh = "=1+1", country = "CN",
        }));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var csv = await admin.GetStringAsync("/api/v1/audit/events.csv?entityId=formula-verifier");

        csv.ShouldContain("formula-verifier");
        ShouldHaveNoFormula(csv);
    }

    [Fact]
    public async Task BulkVerifyCsv_OfLinesThatAreFormulas_HasNoFormula()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/public/verify:bulk")
        {
            Content = new StringContent($"number,model,holder\n\"{Formula.Replace("\"", "\"\"", StringComparison.Ordinal)}\",+1,@x\n-2026010902000001\n", Encoding.UTF8, "text/csv"),
        };
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await fixture.App.Client.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, csv);
        ShouldHaveNoFormula(csv);
    }

    [Fact]
    public async Task OpenDataAndStatisticsCsv_AsServed_HaveNoFormula()
    {
        ShouldHaveNoFormula(await fixture.App.Client.GetStringAsync("/api/v1/open-data/supervision.csv"));
        ShouldHaveNoFormula(await fixture.As(Role.AuthorityOfficer).Client.GetStringAsync("/api/v1/statistics/certificates-by-body.csv"));
    }

    /// <summary>Reads <paramref name="csv"/> as a spreadsheet would and fails on any text cell that starts a formula.</summary>
    private static void ShouldHaveNoFormula(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null });
        var formulas = new List<string>();
        while (reader.Read())
        {
            formulas.AddRange(reader.Parser.Record!.Where(cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
                && !decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out _)));
        }

        formulas.ShouldBeEmpty();
    }
}

[Collection("sqlite")]
public sealed class SqliteExportFormulaTests(SqliteSignedInDemoFixture fixture) : ExportFormulaTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;
