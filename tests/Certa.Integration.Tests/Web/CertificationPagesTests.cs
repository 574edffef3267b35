using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Certa.Domain.Access;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Applications;
using Certa.Integration.Tests.Certification;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;

namespace Certa.Integration.Tests.Web;

/// <summary>
/// The factory audit, review and decision pages and the certificate pages through their real forms:
/// the handler plans the audit on the application page, an auditor reports a finding on
/// <c>/audits/{id}</c>, the applicant answers it with evidence, the second auditor closes it, the handler
/// closes the step and assigns the reviewer, the reviewer recommends and the decision maker grants; the
/// applicant then finds the certificate on <c>/certificates</c>. Refusals show their reason and change nothing.
/// </summary>
[Collection("sqlite")]
public sealed partial class CertificationPagesTests(SqliteSignedInDemoFixture fixture) : IClassFixture<SqliteSignedInDemoFixture>
{
    private const string TokenField = "__RequestVerificationToken";
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string InAMonth = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private HttpClient Applicant => fixture.As(Role.ApplicantUser).Client;

    private HttpClient Handler => fixture.As(Role.ApplicationHandler).Client;

    /// <summary>auditor@cqc.example.</summary>
    private Session Auditor => fixture.As(Role.Auditor);

    private Session Reviewer => fixture.As(Role.Reviewer);

    private HttpClient Decider => fixture.As(Role.DecisionMaker).Client;

    [Fact]
    public async Task TheWholePath_OnThePages_FromPlanningTheAudit_ToTheApplicantsCertificate()
    {
        var id = await TestedAsync();
        var page = $"/applications/{id}";
        var (secondId, second) = await SecondAuditorAsync();

        var plannable = await Handler.GetStringAsync(page);
        plannable.ShouldContain("id=\"plan-audit-form\"");
        plannable.ShouldContain("CCAA-2021-P-0001 (demo)");
        plannable.ShouldContain("data-competent=\"true\"");
        await RedirectedAsync(await PostFormAsync(Handler, page, page + "?handler=planaudit", PlanForm(Auditor.PersonId, secondId)));
        var planned = await Handler.GetStringAsync(page);
        planned.ShouldContain("data-state=\"planned\"");
        planned.ShouldNotContain("id=\"plan-audit-form\"");
        var auditId = AuditLink().Match(planned).Groups[1].Value;
        var audit = $"/audits/{auditId}";

        (await Auditor.Client.GetStringAsync("/audits")).ShouldContain($"id=\"audit-{auditId}\"");
        var reportForm = await Auditor.Client.GetStringAsync(audit);
        reportForm.ShouldContain("id=\"report-form\"");
        var items = ChecklistItem().Matches(reportForm).Select(m => m.Groups[1].Value).ToList();
        items.ShouldContain("product_consistency");
        await RedirectedAsync(await PostFormAsync(Auditor.Client, audit, audit + "?handler=report", ReportForm(items, "product_consistency")));
        var reported = await Handler.GetStringAsync(page);
        reported.ShouldContain("data-state=\"findings_open\"");
        reported.ShouldContain("Nameplate of the Pro model differs");

        (await Applicant.GetStringAsync(page)).ShouldContain("id=\"answer-form-1\"");
        await RedirectedAsync(await AnswerAsync(page, 1, "New nameplates printed and fitted.", ApplicationJourney.Pdf));
        var answered = await second.GetStringAsync(audit);
        answered.ShouldContain("id=\"finding-1\" data-state=\"answered\"");
        answered.ShouldContain($"href=\"/api/v1/factory-audits/{auditId}/findings/1/evidence\"");
        answered.ShouldContain("id=\"close-form-1\"");
        await RedirectedAsync(await PostFormAsync(second, audit, audit + "?handler=close", new() { ["FindingNo"] = "1" }));
        (await second.GetStringAsync(audit)).ShouldContain("data-state=\"passed\"");

        await RedirectedAsync(await PostFormAsync(Handler, page, page + "?handler=completeaudit", []));
        var inReview = await Handler.GetStringAsync(page);
        inReview.ShouldContain("id=\"application-state\" data-state=\"review\"");
        inReview.ShouldContain($"<option value=\"{Reviewer.PersonId}\"");
        await RedirectedAsync(await PostFormAsync(Handler, page, page + "?handler=assignreviewer", new() { ["AssignedReviewer"] = Reviewer.PersonId.ToString() }));
        (await Reviewer.Client.GetStringAsync(page)).ShouldContain("id=\"review-form\"");
        await RedirectedAsync(await PostFormAsync(Reviewer.Client, page, page + "?handler=review",
            new() { ["Recommendation"] = "grant", ["ReviewNotes"] = "Tests passed; the audit finding is closed." }));
        var decidable = await Decider.GetStringAsync(page);
        decidable.ShouldContain("Tests passed; the audit finding is closed.");
        decidable.ShouldContain("data-recommendation=\"grant\"");
        await RedirectedAsync(await PostFormAsync(Decider, page, page + "?handler=grant", []));

        var granted = await Applicant.GetStringAsync(page);
        granted.ShouldContain("data-state=\"granted\"");
        var certificate = CertificateLink().Match(granted);
        certificate.Success.ShouldBeTrue("the granted application links its certificate");
        var (certificateId, number) = (certificate.Groups[1].Value, certificate.Groups[2].Value);
        number.ShouldMatch($@"^{DateTime.UtcNow.Year}010902\d{{6}}$");
        (await Applicant.GetStringAsync("/certificates")).ShouldContain($"id=\"certificate-{certificateId}\"");
        var detail = await Applicant.GetStringAsync($"/certificates/{certificateId}");
        detail.ShouldContain($"id=\"certificate-number\">{number}<");
        detail.ShouldContain("GB 4943.1-2022");
        detail.ShouldContain($"href=\"/applications/{id}\"");
    }

    [Fact]
    public async Task PlanningWithOneAuditor_ShowsTheReadableRefusal_AndPlansNothing()
    {
        var id = await TestedAsync();
        var page = $"/applications/{id}";

        using var response = await PostFormAsync(Handler, page, page + "?handler=planaudit", PlanForm(Auditor.PersonId));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("id=\"application-error\"");
        html.ShouldContain("needs at least 2 auditors; 1 were named");
        html.ShouldContain("id=\"plan-audit-form\"");
        html.ShouldContain($"value=\"{Auditor.PersonId}\" checked");
        (await Handler.GetJsonAsync($"/api/v1/factory-audits?application={id}")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ReportingWithoutAFindingForANonconformity_ShowsTheRefusal_AndTheAuditStaysPlanned()
    {
        var id = await TestedAsync();
        var (secondId, _) = await SecondAuditorAsync();
        var audit = await PlannedThroughApiAsync(id, secondId);
        var path = $"/audits/{audit.Str("id")}";
        var items = audit.GetProperty("checklist").EnumerateArray().Select(i => i.Str("id")).ToList();
        var form = ReportForm(items, "equipment");
        form[$"Items[{items.IndexOf("equipment")}].Finding"] = " ";

        using var response = await PostFormAsync(Auditor.Client, path, path + "?handler=report", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("id=\"audit-error\"");
        html.ShouldContain("needs a description");
        html.ShouldContain("id=\"audit-state\" data-state=\"planned\"");
        (await Handler.GetJsonAsync($"/api/v1/factory-audits/{audit.Str("id")}")).Str("state").ShouldBe("planned");
    }

    [Fact]
    public async Task ALabEngineer_GetsNoAccess_ToAnAuditOrItsList()
    {
        var id = await TestedAsync();
        var (secondId, _) = await SecondAuditorAsync();
        var audit = await PlannedThroughApiAsync(id, secondId);
        var engineer = fixture.As(Role.LabEngineer).Client;

        using var detail = await engineer.GetAsync($"/audits/{audit.Str("id")}");
        using var list = await engineer.GetAsync("/audits");
        var html = await detail.Content.ReadAsStringAsync();

        detail.StatusCode.ShouldBe(HttpStatusCode.Forbidden, html);
        html.ShouldContain("id=\"audit-refused\"");
        html.ShouldNotContain("Example Factory");
        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Certificates_InChinese_ShowChineseLabels()
    {
        using var client = await fixture.App.SignInAsync(fixture.As(Role.ApplicantUser).Email);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");

        var html = await client.GetStringAsync("/certificates");

        html.ShouldContain("lang=\"zh-CN\"");
        html.ShouldContain("<h1>证书</h1>");
        html.ShouldContain("id=\"nav-certificates\">证书<");
    }

    /// <summary>Submitted, accepted, tested and passed through the API: the application waits in factory_audit.</summary>
    private async Task<string> TestedAsync()
    {
        var id = await ApplicationJourney.SubmittedAsync(Applicant);
        await PostOkAsync(Handler, $"/api/v1/applications/{id}/accept", new { });
        var order = await PostOkAsync(Handler, $"/api/v1/applications/{id}/test-orders", new { lab = "lab-cttl" }, HttpStatusCode.Created);
        await TestingSteps.PassAsync(Applicant, fixture.As(Role.LabEngineer).Client, order);
        (await PostOkAsync(Handler, $"/api/v1/applications/{id}/complete-testing", new { })).Str("state").ShouldBe("factory_audit");
        return id;
    }

    private async Task<JsonElement> PlannedThroughApiAsync(string applicationId, Guid second) =>
        await PostOkAsync(Handler, $"/api/v1/applications/{applicationId}/factory-audits",
            new { auditors = new[] { Auditor.PersonId, second }, startsOn = Today, days = 2 }, HttpStatusCode.Created);

    private async Task<(Guid Id, HttpClient Client)> SecondAuditorAsync()
    {
        var client = await fixture.App.SignInAsync("auditor2@cqc.example");
        return (await client.PersonIdAsync(), client);
    }

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string url, object body, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.SendAsync(HttpMethod.Post, url, body);
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static Dictionary<string, string> PlanForm(params Guid[] auditors)
    {
        var form = new Dictionary<string, string> { ["AuditStartsOn"] = Today, ["AuditDays"] = "2" };
        for (var i = 0; i < auditors.Length; i++)
        {
            form[$"AuditTeam[{i}]"] = auditors[i].ToString();
        }

        return form;
    }

    /// <summary>Every item conforms but <paramref name="failing"/>, which has a minor finding due in a month.</summary>
    private static Dictionary<string, string> ReportForm(IReadOnlyList<string> items, string failing)
    {
        var form = new Dictionary<string, string>();
        for (var i = 0; i < items.Count; i++)
        {
            form[$"Items[{i}].Item"] = items[i];
            form[$"Items[{i}].Conforms"] = items[i] == failing ? "no" : "yes";
            form[$"Items[{i}].Notes"] = "Seen on site";
            form[$"Items[{i}].Grade"] = "minor";
            form[$"Items[{i}].Finding"] = items[i] == failing ? "Nameplate of the Pro model differs from the tested sample" : string.Empty;
            form[$"Items[{i}].Deadline"] = InAMonth;
        }

        return form;
    }

    private static async Task RedirectedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Posts a form the way a browser does: the token from the page the form is on, then the fields.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        fields[TokenField] = await CertaTestApp.AntiforgeryTokenAsync(client, formPage);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private async Task<HttpResponseMessage> AnswerAsync(string page, int finding, string correctiveAction, byte[] evidence)
    {
        var token = await CertaTestApp.AntiforgeryTokenAsync(Applicant, page);
        var file = new ByteArrayContent(evidence);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), TokenField },
            { new StringContent(finding.ToString(CultureInfo.InvariantCulture)), "FindingNo" },
            { new StringContent(correctiveAction), "FindingAnswer" },
            { file, "File", "nameplate.pdf" },
        };
        return await Applicant.PostAsync(page + "?handler=answerfinding", body);
    }

    [GeneratedRegex("href=\"/audits/([0-9a-f-]{36})\"")]
    private static partial Regex AuditLink();

    [GeneratedRegex("name=\"Items\\[\\d+\\]\\.Item\" value=\"([a-z_]+)\"")]
    private static partial Regex ChecklistItem();

    [GeneratedRegex("href=\"/certificates/([0-9a-f-]{36})\" class=\"code\" id=\"certificate-link\">([0-9]+)<")]
    private static partial Regex CertificateLink();
}
