using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Certa.Browser.Tests;

/// <summary>
/// The auditor's audit page and the certificate page in a real browser, on a desktop and a phone, in
/// English and Chinese: they render, and a phone does not scroll sideways. Screenshots are left beside
/// the test assembly for a person to look at.
/// </summary>
public sealed partial class CertificationPortalTests(DemoBrowserFixture fixture) : IClassFixture<DemoBrowserFixture>
{
    private const string Applicant = "applicant@demo-laptop-maker.example";
    private const string Handler = "handler@cqc.example";
    private const string Auditor = "auditor@cqc.example";
    private const string SecondAuditor = "auditor2@cqc.example";
    private static readonly byte[] Pdf = "%PDF-1.4\n% Certa browser test\n"u8.ToArray();

    [Fact]
    public async Task TheAuditAndTheCertificate_ReadWell_OnADesktopAndAPhone_InBothLanguages()
    {
        var (applicationId, auditId) = await AuditedWithAnAnsweredFindingAsync();

        var auditor = await fixture.SignedInAsync(SecondAuditor);
        await auditor.GotoAsync($"/audits/{auditId}");
        (await auditor.Locator("#close-form-1").CountAsync()).ShouldBe(1);
        await auditor.ShotAsync("audit.png");
        await (await PhoneAsync(SecondAuditor, $"/audits/{auditId}")).ShotAsync("phone-audit.png");

        var certificateId = await GrantedAsync(applicationId, auditId);
        var holder = await fixture.SignedInAsync(Applicant);
        await holder.GotoAsync($"/certificates/{certificateId}");
        (await holder.InnerTextAsync("#certificate-number")).ShouldMatch(@"^\d{16}$");
        await holder.ShotAsync("certificate.png");
        await holder.GotoAsync("/certificates");
        await holder.ShotAsync("certificates.png");
        var chinese = await fixture.SignedInAsync(Applicant, locale: "zh-CN");
        await chinese.GotoAsync($"/certificates/{certificateId}");
        (await chinese.InnerTextAsync("h1")).ShouldStartWith("证书");
        await chinese.ShotAsync("certificate-zh.png");
        await (await PhoneAsync(Applicant, $"/certificates/{certificateId}")).ShotAsync("phone-certificate.png");
        await (await PhoneAsync(Applicant, "/certificates")).ShotAsync("phone-certificates.png");
        await (await PhoneAsync(Handler, $"/applications/{applicationId}")).ShotAsync("phone-application-audit.png", from: "#factory-audit");
    }

    /// <summary>Through the API: tested and passed, the audit planned and reported with one finding, which the applicant answered.</summary>
    private async Task<(string Application, string Audit)> AuditedWithAnAnsweredFindingAsync()
    {
        using var applicant = await fixture.App.SignInAsync(Applicant);
        var draft = await PostAsync(applicant, "/api/v1/applications", new
        {
            body = "cqc",
            scheme = "ccc",
            productType = "ccc.0902",
            product = new { nameEn = "Laptop", nameZh = "笔记本电脑", mainModel = "X14", seriesModels = new[] { new { model = "X14 Pro", differences = "Larger battery" } } },
            manufacturer = new { nameEn = "Shenzhen Example Computer Co., Ltd.", nameZh = "深圳示例电脑有限公司", addressEn = "1 Example Road, Shenzhen" },
            factory = new { nameEn = "Example Factory", nameZh = "示例工厂", addressEn = "2 Factory Road, Dongguan" },
        });
        var id = draft.GetProperty("id").GetString()!;
        foreach (var document in draft.GetProperty("requiredDocuments").EnumerateArray().Select(d => d.GetString()!))
        {
            using var upload = await applicant.PutAsync($"/api/v1/applications/{id}/documents/{document}?fileName={document}.pdf", new ByteArrayContent(Pdf));
            upload.EnsureSuccessStatusCode();
        }

        await PostAsync(applicant, $"/api/v1/applications/{id}/submit", new { });
        using var handler = await fixture.App.SignInAsync(Handler);
        await PostAsync(handler, $"/api/v1/applications/{id}/accept", new { });
        var order = await PostAsync(handler, $"/api/v1/applications/{id}/test-orders", new { lab = "lab-cttl" });
        var orderId = order.GetProperty("id").GetString();
        await PostAsync(applicant, $"/api/v1/test-orders/{orderId}/dispatch", new { carrier = "SF Express", trackingNumber = "SF1234567890" });
        using var engineer = await fixture.App.SignInAsync("engineer@lab-cttl.example");
        await PostAsync(engineer, $"/api/v1/test-orders/{orderId}/receive", new { });
        await PostAsync(engineer, $"/api/v1/test-orders/{orderId}/results",
            new { results = order.GetProperty("standards").EnumerateArray().Select(s => new { standard = s.GetString(), passed = true }) });
        await PostAsync(handler, $"/api/v1/applications/{id}/complete-testing", new { });
        var planning = await fixture.SignedInAsync(Handler);
        await planning.GotoAsync($"/applications/{id}");
        (await planning.Locator("#plan-audit-form").CountAsync()).ShouldBe(1);
        await planning.ShotAsync("application-plan-audit.png", from: "#factory-audit");
        await (await PhoneAsync(Handler, $"/applications/{id}")).ShotAsync("phone-application-plan-audit.png", from: "#factory-audit");

        using var first = await fixture.App.SignInAsync(Auditor);
        using var second = await fixture.App.SignInAsync(SecondAuditor);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var audit = await PostAsync(handler, $"/api/v1/applications/{id}/factory-audits",
            new { auditors = new[] { await PersonAsync(first), await PersonAsync(second) }, startsOn = today, days = 2 });
        var auditId = audit.GetProperty("id").GetString()!;
        await PostAsync(first, $"/api/v1/factory-audits/{auditId}/report", new
        {
            checklist = audit.GetProperty("checklist").EnumerateArray().Select(i => i.GetProperty("id").GetString())
                .Select(item => new { item, conforms = item != "product_consistency", notes = item == "equipment" ? "Calibration records for 2026 seen" : null }),
            findings = new[]
            {
                new { item = "product_consistency", grade = "minor", description = "Nameplate of X14 Pro differs from the tested sample",
                    deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            },
        });
        using var evidence = new ByteArrayContent(Pdf);
        using var answered = await applicant.PutAsync(
            $"/api/v1/factory-audits/{auditId}/findings/1/evidence?correctiveAction=New%20nameplates%20printed%20and%20fitted&fileName=nameplate-photos.pdf", evidence);
        answered.EnsureSuccessStatusCode();
        return (id, auditId);
    }

    /// <summary>Through the API: the finding closed, the step closed, reviewed and granted. Returns the certificate's id.</summary>
    private async Task<string> GrantedAsync(string applicationId, string auditId)
    {
        using var second = await fixture.App.SignInAsync(SecondAuditor);
        await PostAsync(second, $"/api/v1/factory-audits/{auditId}/findings/1/close", new { });
        using var handler = await fixture.App.SignInAsync(Handler);
        await PostAsync(handler, $"/api/v1/applications/{applicationId}/complete-factory-audit", new { });
        using var reviewer = await fixture.App.SignInAsync("reviewer@cqc.example");
        await PostAsync(handler, $"/api/v1/applications/{applicationId}/reviewer", new { reviewer = await PersonAsync(reviewer) });
        await PostAsync(reviewer, $"/api/v1/applications/{applicationId}/review", new { recommendation = "grant", notes = "Tests passed; the finding is closed." });
        var deciding = await fixture.SignedInAsync("decider@cqc.example");
        await deciding.GotoAsync($"/applications/{applicationId}");
        (await deciding.Locator("#grant-form").CountAsync()).ShouldBe(1);
        await deciding.ShotAsync("application-decision.png", from: "#decision");
        using var decider = await fixture.App.SignInAsync("decider@cqc.example");
        var decision = await PostAsync(decider, $"/api/v1/applications/{applicationId}/decision", new { decision = "grant" });
        return decision.GetProperty("certificate").GetProperty("id").GetString()!;
    }

    private static async Task<Guid> PersonAsync(HttpClient client)
    {
        var actor = JsonDocument.Parse(await client.GetStringAsync("/api/v1/me")).RootElement.GetProperty("actor").GetString()!;
        return Guid.Parse(actor["person:".Length..]);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A phone showing <paramref name="path"/>, which must not be wider than its screen.</summary>
    private async Task<IPage> PhoneAsync(string email, string path)
    {
        var phone = await fixture.SignedInAsync(email, width: 375, height: 812);
        await phone.GotoAsync(path);
        await phone.ShouldFitTheScreenAsync(path);
        return phone;
    }
}
