using System.Globalization;
using Microsoft.Playwright;

namespace Certa.Browser.Tests;

/// <summary>The certificate's life on its page in a real browser: suspended and restored through the forms, its PDF downloaded, its public record read on a phone in Chinese.</summary>
public sealed partial class CertificationPortalTests
{
    private const string Decider = "decider@cqc.example";

    [Fact]
    public async Task ACertificate_IsSuspendedAndRestoredOnItsPage_ItsPdfDownloads_AndItsPublicRecordReadsOnAPhoneInChinese()
    {
        var (applicationId, auditId) = await AuditedWithAnAnsweredFindingAsync();
        var certificateId = await GrantedAsync(applicationId, auditId);
        var body = await fixture.SignedInAsync(Decider);
        await body.GotoAsync($"/certificates/{certificateId}");
        var number = await body.InnerTextAsync("#certificate-number");

        await body.FillAsync("#suspend-reason", "Nameplate of X14 Pro differs from the tested sample");
        await body.FillAsync("#suspend-deadline", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await SubmitAsync(body, "#suspend-certificate", "done=suspended");
        (await body.GetAttributeAsync("#certificate-state", "data-state")).ShouldBe("suspended");
        await body.ShotAsync("certificate-suspended.png");
        await body.FillAsync("#restore-reason", "New nameplates fitted and checked");
        await SubmitAsync(body, "#restore-certificate", "done=restored");
        (await body.GetAttributeAsync("#certificate-state", "data-state")).ShouldBe("active");
        await body.ShotAsync("certificate-restored.png", from: "#status-history");

        var pdf = await body.APIRequest.GetAsync((await body.GetAttributeAsync("#download-pdf-en", "href"))!);
        pdf.Status.ShouldBe(200);
        pdf.Headers["content-type"].ShouldStartWith("application/pdf");

        await body.GotoAsync($"/verify/{number}");
        await body.ShotAsync("verify.png");
        var admin = await fixture.SignedInAsync("admin@cqc.example");
        await admin.GotoAsync("/org/signing-keys");
        (await admin.Locator("#signing-keys-table tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await admin.ShotAsync("signing-keys.png");

        var phone = await fixture.NewPageAsync(375, 812, "zh-CN");
        var verify = $"/verify/{number}";
        await phone.GotoAsync(verify);
        (await phone.InnerTextAsync("h1")).ShouldStartWith("证书查询");
        (await phone.GetAttributeAsync("#verify-verdict", "data-state")).ShouldBe("active");
        await phone.ShouldFitTheScreenAsync(verify);
        await phone.ShotAsync("phone-verify-zh.png");
    }

    private static async Task SubmitAsync(IPage page, string button, string done)
    {
        await page.ClickAsync(button);
        await page.WaitForURLAsync($"**{done}", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
    }
}
