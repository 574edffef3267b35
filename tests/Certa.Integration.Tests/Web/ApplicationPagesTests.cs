using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Certa.Domain.Access;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;

namespace Certa.Integration.Tests.Web;

/// <summary>
/// The application pages (/applications, /applications/new, /applications/{id}) through their real
/// forms, anti-forgery tokens and multipart uploads included: the applicant drafts, attaches and
/// submits, the body's handler finds it in its queue and decides; refusals show their reason and
/// change nothing.
/// </summary>
[Collection("sqlite")]
public sealed partial class ApplicationPagesTests(SqliteSignedInDemoFixture fixture) : IClassFixture<SqliteSignedInDemoFixture>
{
    private const string TokenField = "__RequestVerificationToken";
    private static readonly byte[] Pdf = "%PDF-1.4\n% Certa page test\n"u8.ToArray();

    private HttpClient Applicant => fixture.As(Role.ApplicantUser).Client;

    private HttpClient Handler => fixture.As(Role.ApplicationHandler).Client;

    [Fact]
    public async Task Applicant_DraftsAttachesAndSubmits_ThenTheHandlerAcceptsFromTheQueue()
    {
        var model = UniqueModel();
        var form = await Applicant.GetStringAsync("/applications/new?productType=ccc.0902");
        form.ShouldContain("id=\"application-form\"");
        form.ShouldContain("<option value=\"cqc\"");

        using var created = await PostFormAsync(Applicant, "/applications/new?productType=ccc.0902", "/applications/new", LaptopForm(model));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var page = created.Headers.Location!.ToString();
        var id = Guid.Parse(ApplicationPath().Match(page).Groups[1].Value).ToString();

        var draft = await Applicant.GetStringAsync(page);
        var documents = UploadForm().Matches(draft).Select(m => m.Groups[1].Value).ToList();
        documents.ShouldContain("application_form");
        documents.ShouldBe((await Applicant.GetJsonAsync($"/api/v1/applications/{id}")).GetProperty("requiredDocuments").EnumerateArray().Select(d => d.GetString()!).ToList(),
            ignoreOrder: true);
        draft.ShouldContain("Application form");
        draft.ShouldContain("认证申请书");
        foreach (var document in documents)
        {
            using var uploaded = await UploadAsync(page, document, Pdf, $"{document}.pdf");
            uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        }

        var complete = await Applicant.GetStringAsync(page);
        complete.ShouldNotContain("data-attached=\"false\"");
        complete.ShouldContain($"href=\"/api/v1/applications/{id}/documents/application_form\"");
        complete.ShouldContain("application_form.pdf");
        using var submitted = await PostFormAsync(Applicant, page, page + "?handler=submit", []);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());

        var queue = await Handler.GetStringAsync("/applications?state=submitted");
        var drafts = await Handler.GetStringAsync("/applications?state=draft");
        queue.ShouldContain($"id=\"application-{id}\"");
        queue.ShouldContain(model);
        drafts.ShouldNotContain($"id=\"application-{id}\"");
        (await Handler.GetStringAsync(page)).ShouldContain("id=\"accept-form\"");
        using var accepted = await PostFormAsync(Handler, page, page + "?handler=accept", []);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await accepted.Content.ReadAsStringAsync());

        var decided = await Handler.GetStringAsync(page);
        decided.ShouldContain("data-state=\"accepted\"");
        decided.ShouldNotContain("id=\"accept-form\"");
        var timeline = Timeline().Match(decided).Value;
        timeline.ShouldContain("Xu Li");
        timeline.ShouldContain("Li Na");
        timeline.ShouldContain("Draft created");
        timeline.ShouldContain("Submitted");
        timeline.ShouldContain("Accepted");
        (await Handler.GetJsonAsync($"/api/v1/applications/{id}")).Str("state").ShouldBe("accepted");
    }

    [Theory]
    [InlineData(Role.LabEngineer)]
    [InlineData(Role.Verifier)]
    public async Task Detail_ForSomeoneNotAParty_IsARefusalPage_ShowingNothingOfIt(Role role)
    {
        var model = UniqueModel();
        var id = await DraftThroughApiAsync(model);

        using var response = await fixture.As(role).Client.GetAsync($"/applications/{id}");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, html);
        html.ShouldContain("id=\"application-refused\"");
        html.ShouldNotContain(model);
        html.ShouldNotContain("Shenzhen Example Computer");
    }

    [Fact]
    public async Task Detail_OfAnUnknownApplication_IsANotFoundPage()
    {
        using var response = await Applicant.GetAsync($"/applications/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("id=\"application-refused\"");
    }

    [Fact]
    public async Task Upload_OfATextFile_ShowsTheError_AndStoresNothing()
    {
        var id = await DraftThroughApiAsync(UniqueModel());
        var page = $"/applications/{id}";
        var files = FilesOnDisk();
        var before = await Applicant.GetJsonAsync($"/api/v1/applications/{id}");

        using var response = await UploadAsync(page, "application_form", "just text, not a PDF"u8.ToArray(), "form.pdf");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("id=\"application-error\"");
        html.ShouldContain("'form.pdf' is not a PDF, PNG or JPEG file");
        var after = await Applicant.GetJsonAsync($"/api/v1/applications/{id}");
        after.GetProperty("documents").GetArrayLength().ShouldBe(0);
        after.Int("version").ShouldBe(before.Int("version"));
        FilesOnDisk().ShouldBe(files);
    }

    [Fact]
    public async Task Return_WithoutAReason_ShowsTheError_AndChangesNothing()
    {
        var id = await SubmittedThroughApiAsync(UniqueModel());
        var page = $"/applications/{id}";

        using var response = await PostFormAsync(Handler, page, page + "?handler=return", new() { ["Reason"] = "  " });
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("id=\"application-error\"");
        html.ShouldContain("Say why");
        html.ShouldContain("data-state=\"submitted\"");
        (await Handler.GetJsonAsync($"/api/v1/applications/{id}")).Str("state").ShouldBe("submitted");
    }

    [Fact]
    public async Task Return_WithAReason_ShowsTheReasonToTheApplicant_WithTheUploadFormsAgain()
    {
        var id = await SubmittedThroughApiAsync(UniqueModel());
        var page = $"/applications/{id}";

        using var response = await PostFormAsync(Handler, page, page + "?handler=return", new() { ["Reason"] = "The circuit diagram is illegible." });
        var html = WebUtility.HtmlDecode(await Applicant.GetStringAsync(page));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        html.ShouldContain("data-state=\"returned\"");
        html.ShouldContain("id=\"application-reason\"");
        html.ShouldContain("The circuit diagram is illegible.");
        html.ShouldContain("id=\"upload-application_form\"");
    }

    [Fact]
    public async Task NewForm_WithTheMainModelMissing_ShowsTheError_AndCreatesNothing()
    {
        var before = (await Applicant.GetJsonAsync("/api/v1/applications")).GetArrayLength();
        var fields = LaptopForm(" ");

        using var response = await PostFormAsync(Applicant, "/applications/new?productType=ccc.0902", "/applications/new", fields);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("id=\"application-error\"");
        html.ShouldContain("main model");
        html.ShouldContain("value=\"Shenzhen Example Computer Co., Ltd.\"");
        (await Applicant.GetJsonAsync("/api/v1/applications")).GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task NewForm_WithoutAProductType_OffersTheSchemesFirst_ThenTheSchemesProductTypes()
    {
        var start = await Applicant.GetStringAsync("/applications/new");
        var scheme = await Applicant.GetStringAsync("/applications/new?scheme=ccc");

        start.ShouldContain("id=\"scheme-step\"");
        start.ShouldContain("<option value=\"ccc\"");
        start.ShouldNotContain("id=\"application-form\"");
        scheme.ShouldContain("id=\"product-type-step\"");
        scheme.ShouldContain("<option value=\"ccc.0902\"");
        scheme.ShouldNotContain("id=\"application-form\"");
    }

    [Fact]
    public async Task NewForm_ForABodysPeople_IsRefused()
    {
        using var response = await Handler.GetAsync("/applications/new");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("id=\"application-refused\"");
    }

    [Fact]
    public async Task List_ShowsTheApplicantAllItsOwn_TheHandlerOnlySubmittedOnes_AndRefusesALab()
    {
        var model = UniqueModel();
        var draft = await DraftThroughApiAsync(model);
        var submitted = await SubmittedThroughApiAsync(UniqueModel());

        var mine = await Applicant.GetStringAsync("/applications");
        var queue = await Handler.GetStringAsync("/applications");
        using var lab = await fixture.As(Role.LabEngineer).Client.GetAsync("/applications");
        var labHtml = await lab.Content.ReadAsStringAsync();

        mine.ShouldContain($"id=\"application-{draft}\"");
        mine.ShouldContain($"id=\"application-{submitted}\"");
        mine.ShouldContain("id=\"new-application\"");
        mine.ShouldContain("China Quality Certification Centre");
        queue.ShouldContain($"id=\"application-{submitted}\"");
        queue.ShouldNotContain($"id=\"application-{draft}\"");
        queue.ShouldNotContain("id=\"new-application\"");
        queue.ShouldContain("id=\"state-filter\"");
        lab.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        labHtml.ShouldContain("id=\"applications-refused\"");
        labHtml.ShouldNotContain(model);
    }

    [Fact]
    public async Task List_WithAnUnknownState_SaysWhichStatesThereAre()
    {
        using var response = await Handler.GetAsync("/applications?state=pending");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"applications-problem\"");
        html.ShouldContain("'pending'");
        html.ShouldContain("submitted");
    }

    private static string UniqueModel() => "PG-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static Dictionary<string, string> LaptopForm(string mainModel) => new()
    {
        ["Scheme"] = "ccc",
        ["ProductType"] = "ccc.0902",
        ["Body"] = "cqc",
        ["ProductNameEn"] = "Laptop",
        ["ProductNameZh"] = "笔记本电脑",
        ["MainModel"] = mainModel,
        ["Series[0].Model"] = mainModel.Trim() + " Pro",
        ["Series[0].Differences"] = "Larger battery",
        ["Series[1].Model"] = string.Empty,
        ["Series[1].Differences"] = string.Empty,
        ["TradeMark"] = "Example",
        ["Manufacturer.NameEn"] = "Shenzhen Example Computer Co., Ltd.",
        ["Manufacturer.NameZh"] = "深圳示例电脑有限公司",
        ["Manufacturer.AddressEn"] = "1 Example Road, Shenzhen",
        ["Factory.NameEn"] = "Example Factory",
        ["Factory.AddressEn"] = "2 Factory Road, Dongguan",
    };

    /// <summary>Posts a form the way a browser does: the token from the page the form is on, then the fields.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        fields[TokenField] = await CertaTestApp.AntiforgeryTokenAsync(client, formPage);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private async Task<HttpResponseMessage> UploadAsync(string page, string document, byte[] content, string fileName)
    {
        var token = await CertaTestApp.AntiforgeryTokenAsync(Applicant, page);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), TokenField },
            { new StringContent(document), "DocumentId" },
            { file, "File", fileName },
        };
        return await Applicant.PostAsync(page + "?handler=upload", body);
    }

    private async Task<string> DraftThroughApiAsync(string mainModel)
    {
        using var response = await Applicant.PostAsync("/api/v1/applications", Json.Body(new
        {
            body = "cqc",
            scheme = "ccc",
            productType = "ccc.0902",
            product = new { nameEn = "Laptop", mainModel },
            manufacturer = new { nameEn = "Shenzhen Example Computer Co., Ltd.", addressEn = "1 Example Road, Shenzhen" },
            factory = new { nameEn = "Example Factory", addressEn = "2 Factory Road, Dongguan" },
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).Str("id");
    }

    private async Task<string> SubmittedThroughApiAsync(string mainModel)
    {
        var id = await DraftThroughApiAsync(mainModel);
        var required = (await Applicant.GetJsonAsync($"/api/v1/applications/{id}")).GetProperty("requiredDocuments").EnumerateArray();
        foreach (var document in required.Select(d => d.GetString()!))
        {
            using var uploaded = await Applicant.PutAsync($"/api/v1/applications/{id}/documents/{document}?fileName={document}.pdf", new ByteArrayContent(Pdf));
            uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        }

        using var submitted = await Applicant.PostAsync($"/api/v1/applications/{id}/submit", null);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        return id;
    }

    private string[] FilesOnDisk()
    {
        var root = Path.Combine(fixture.App.Database.DataDirectory, "files");
        return Directory.Exists(root) ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }

    [GeneratedRegex("^/applications/([0-9a-f-]{36})$")]
    private static partial Regex ApplicationPath();

    [GeneratedRegex("id=\"upload-([a-z0-9_]+)\"")]
    private static partial Regex UploadForm();

    [GeneratedRegex("<ol class=\"app-timeline\"[\\s\\S]*?</ol>")]
    private static partial Regex Timeline();
}
