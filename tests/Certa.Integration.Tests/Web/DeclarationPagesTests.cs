using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Certa.Domain.Access;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Applications;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;

namespace Certa.Integration.Tests.Web;

/// <summary>
/// The self-declaration pages through their real forms: the applicant files a self-declaration B with its
/// type-test report on <c>/declarations/new</c>, finds it on <c>/declarations</c>, anyone reads its public
/// filing record on <c>/filings/{number}</c>, and the applicant withdraws it with a reason the record then
/// shows. Refusals show the domain's reason and file nothing.
/// </summary>
[Collection("sqlite")]
public sealed partial class DeclarationPagesTests(SqliteSignedInDemoFixture fixture) : IClassFixture<SqliteSignedInDemoFixture>
{
    private const string TokenField = "__RequestVerificationToken";
    private const string FuseLinks = "ccc.0205+0207";
    private const string Drills = "ccc.0501";
    private const string NewPage = "/declarations/new";

    private HttpClient Applicant => fixture.As(Role.ApplicantUser).Client;

    [Fact]
    public async Task FilingB_OnThePage_ShowsTheNumber_ThePublicRecord_AndItsWithdrawal()
    {
        var form = await Applicant.GetStringAsync($"{NewPage}?productType={Uri.EscapeDataString(FuseLinks)}");
        form.ShouldContain("id=\"declaration-form\"");
        form.ShouldContain("data-mode=\"sdoc_b\"");
        form.ShouldContain("<option value=\"lab-tilva\"");

        using var filed = await FileAsync(Form(FuseLinks, lab: "lab-tilva"), ApplicationJourney.Pdf);
        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await filed.Content.ReadAsStringAsync());
        var page = filed.Headers.Location!.OriginalString;
        var detail = await Applicant.GetStringAsync(page);
        var number = FilingNumber().Match(detail).Groups[1].Value;
        number.ShouldMatch($@"^SD{DateTime.UtcNow.Year}0205\d{{6}}$");
        detail.ShouldContain("id=\"declaration-state\" data-state=\"filed\"");
        detail.ShouldContain($"href=\"/api/v1{page}/report\"");
        detail.ShouldContain("id=\"withdraw-form\"");
        (await Applicant.GetStringAsync("/declarations")).ShouldContain($">{number}</a>");

        using var anonymous = fixture.App.NewBrowserlikeClient();
        var record = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/filings/{number}"));
        record.ShouldContain($"id=\"filing-number\">{number}<");
        record.ShouldContain("id=\"filing-state\" data-state=\"filed\"");
        record.ShouldContain("Shanghai Testing & Inspection Institute for Electrical Equipment");
        record.ShouldContain("RT18-32");
        record.ShouldNotContain("/report\"");

        using (var withdrawn = await PostFormAsync(Applicant, page, page + "?handler=withdraw", new() { ["Reason"] = "Model discontinued" }))
        {
            withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await withdrawn.Content.ReadAsStringAsync());
        }

        var after = await anonymous.GetStringAsync($"/filings/{number}");
        after.ShouldContain("id=\"filing-state\" data-state=\"withdrawn\"");
        after.ShouldContain("Model discontinued");
        after.ShouldContain("id=\"filing-withdrawn-because\"");
        (await Applicant.GetStringAsync(page)).ShouldNotContain("id=\"withdraw-form\"");
    }

    [Fact]
    public async Task FilingA_NamesALabOfChoice()
    {
        (await Applicant.GetStringAsync($"{NewPage}?productType={Drills}")).ShouldContain("id=\"lab-name\"");

        using var filed = await FileAsync(Form(Drills, labName: "Example Test House (ISO/IEC 17025)"), ApplicationJourney.Pdf);

        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await filed.Content.ReadAsStringAsync());
        var detail = WebUtility.HtmlDecode(await Applicant.GetStringAsync(filed.Headers.Location!.OriginalString));
        detail.ShouldContain("data-mode=\"sdoc_a\"");
        detail.ShouldContain("Example Test House (ISO/IEC 17025)");
    }

    [Theory]
    [InlineData("lab-cttl", "%PDF-1.4", "is not")]
    [InlineData("lab-tilva", "", "empty")]
    public async Task ARefusedFiling_ShowsTheReason_AndFilesNothing(string lab, string content, string reason)
    {
        var before = await CountAsync();

        using var refused = await FileAsync(Form(FuseLinks, lab: lab), System.Text.Encoding.ASCII.GetBytes(content));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("id=\"declaration-error\"");
        html.ShouldContain(reason);
        html.ShouldContain("id=\"declaration-form\"");
        html.ShouldContain("value=\"RT18-32\"");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task WithdrawingWithoutAReason_ShowsTheRefusal_AndTheDeclarationStaysFiled()
    {
        using var filed = await FileAsync(Form(FuseLinks, lab: "lab-tilva"), ApplicationJourney.Pdf);
        var page = filed.Headers.Location!.OriginalString;

        using var refused = await PostFormAsync(Applicant, page, page + "?handler=withdraw", new() { ["Reason"] = " " });
        var html = await refused.Content.ReadAsStringAsync();

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("id=\"declaration-error\"");
        html.ShouldContain("id=\"declaration-state\" data-state=\"filed\"");
    }

    [Fact]
    public async Task AnUnknownFilingNumber_IsAReadable404()
    {
        using var anonymous = fixture.App.NewBrowserlikeClient();

        using var response = await anonymous.GetAsync("/filings/SD2026020599999");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, html);
        html.ShouldContain("id=\"filing-not-found\"");
        html.ShouldContain("SD2026020599999");
    }

    [Fact]
    public async Task ALabEngineer_IsRefusedTheFilingForm_AndSeesNoDeclarations()
    {
        var engineer = fixture.As(Role.LabEngineer).Client;

        using var form = await engineer.GetAsync(NewPage);
        using var list = await engineer.GetAsync("/declarations");

        form.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await form.Content.ReadAsStringAsync()).ShouldContain("id=\"declaration-refused\"");
        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await list.Content.ReadAsStringAsync()).ShouldNotContain("id=\"nav-declarations\"");
    }

    [Fact]
    public async Task TheFilingForm_InChinese_ShowsChineseLabels()
    {
        using var client = await fixture.App.SignInAsync(fixture.As(Role.ApplicantUser).Email);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");

        var html = await client.GetStringAsync($"{NewPage}?productType={Uri.EscapeDataString(FuseLinks)}");

        html.ShouldContain("lang=\"zh-CN\"");
        html.ShouldContain("<h1>报送自我声明</h1>");
        html.ShouldContain("id=\"nav-declarations\">自我声明<");
        html.ShouldContain("自我声明 B");
        html.ShouldContain("出具报告的指定实验室");
    }

    private async Task<int> CountAsync() => (await Applicant.GetJsonAsync("/api/v1/declarations")).GetArrayLength();

    private static Dictionary<string, string> Form(string productType, string? lab = null, string? labName = null)
    {
        var form = new Dictionary<string, string>
        {
            ["ProductType"] = productType,
            ["ProductNameEn"] = "Cylindrical fuse-link",
            ["ProductNameZh"] = "圆筒形熔断体",
            ["MainModel"] = "RT18-32",
            ["Series[0].Model"] = "RT18-16",
            ["Series[0].Differences"] = "Rated current 16 A",
            ["Manufacturer.NameEn"] = "Shenzhen Example Computer Co., Ltd.",
            ["Manufacturer.AddressEn"] = "1 Example Road, Shenzhen",
            ["Factory.NameEn"] = "Example Factory",
            ["Factory.AddressEn"] = "2 Factory Road, Dongguan",
            ["ReportNumber"] = "TR-2026-0042",
            ["ReportIssuedOn"] = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (lab is not null)
        {
            form["Lab"] = lab;
        }

        if (labName is not null)
        {
            form["LabName"] = labName;
        }

        return form;
    }

    /// <summary>Posts the filing form the way a browser does: multipart, with the token from the form's page and the report file.</summary>
    private async Task<HttpResponseMessage> FileAsync(Dictionary<string, string> fields, byte[] report)
    {
        var token = await CertaTestApp.AntiforgeryTokenAsync(Applicant, $"{NewPage}?productType={Uri.EscapeDataString(fields["ProductType"])}");
        var file = new ByteArrayContent(report);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var body = new MultipartFormDataContent { { new StringContent(token), TokenField }, { file, "ReportFile", "type-test.pdf" } };
        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }

        return await Applicant.PostAsync(NewPage, body);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        fields[TokenField] = await CertaTestApp.AntiforgeryTokenAsync(client, formPage);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("id=\"declaration-number\">([A-Z0-9]+)<")]
    private static partial Regex FilingNumber();
}
