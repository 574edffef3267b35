using System.Globalization;
using Certa.Testing;
using Microsoft.Playwright;

namespace Certa.Browser.Tests;

/// <summary>The public verify page on a phone in Chinese, as someone who scanned a certificate's QR code reads it, then asks again with the form.</summary>
public sealed class VerifyPortalTests(DemoBrowserFixture fixture) : IClassFixture<DemoBrowserFixture>
{
    [Fact]
    public async Task OnAPhoneInChinese_TheQrAddressShowsTheVerdictFirst_AndTheFormCatchesAWrongModel()
    {
        var number = (await CertificateSeed.IssueAsync(fixture.App.Services)).Number;
        var phone = await fixture.NewPageAsync(375, 740, "zh-CN");
        var qr = $"/verify/{number}";

        await phone.GotoAsync(qr);

        (await phone.GetAttributeAsync("#verify-verdict", "data-valid")).ShouldBe("true");
        (await phone.InnerTextAsync("#verify-headline")).ShouldStartWith("有效");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the page scrolls sideways");
        var verdictTop = (await phone.Locator("#verify-verdict").BoundingBoxAsync())!.Y;
        verdictTop.ShouldBeLessThan(740, "the verdict is on the first screen");
        await phone.ShotAsync("phone-verify-qr-zh.png");

        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await AskAsync(phone, number, yesterday, model: null);
        (await phone.GetAttributeAsync("#verify-verdict", "data-code")).ShouldBe("not-yet-issued");
        (await phone.InnerTextAsync("#verify-findings")).ShouldContain("尚不存在");

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await AskAsync(phone, number, today, model: "X15");
        phone.Url.ShouldEndWith($"/verify/{number}?at={today}&model=X15");
        (await phone.GetAttributeAsync("#verify-model", "data-covered")).ShouldBe("false");
        (await phone.InnerTextAsync("#verify-model")).ShouldContain("本证书不覆盖型号 X15");
        (await phone.InnerTextAsync("#verify-headline")).ShouldStartWith("无效");
        foreach (var proof in await phone.Locator("details.verify-proof summary").AllAsync())
        {
            await proof.ClickAsync();
        }

        await phone.ShouldFitTheScreenAsync(phone.Url);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/verify-zh.png", FullPage = true });
    }

    /// <summary>Fills the form at the foot of the page and submits it, as a reader does: the page then is the number's own address.</summary>
    private static async Task AskAsync(IPage page, string number, string day, string? model)
    {
        await page.FillAsync("#verify-form-number", number);
        await page.FillAsync("#verify-form-at", day);
        await page.FillAsync("#verify-form-model", model ?? string.Empty);
        await page.ClickAsync("#verify-submit");
        await page.WaitForURLAsync($"**/verify/{number}?at={day}*", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
    }
}
