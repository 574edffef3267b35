using System.Globalization;
using Microsoft.Playwright;

namespace Certa.Browser.Tests;

/// <summary>
/// The self-declaration form and the public filing record in a real browser, on a desktop and a phone:
/// the applicant files a self-declaration B through the form, anyone opens its record without signing in,
/// the applicant withdraws it and the record shows why; a phone does not scroll sideways. Screenshots are left beside the test assembly for a person to look at.
/// </summary>
public sealed class DeclarationPortalTests(DemoBrowserFixture fixture) : IClassFixture<DemoBrowserFixture>
{
    private const string Applicant = "applicant@demo-laptop-maker.example";
    private const string FuseLinks = "/declarations/new?productType=ccc.0205%2B0207";

    [Fact]
    public async Task TheFilingForm_AndThePublicRecord_ReadWell_OnADesktopAndAPhone()
    {
        var page = await fixture.SignedInAsync(Applicant);
        await page.GotoAsync(FuseLinks);
        await page.FillAsync("#product-name-en", "Cylindrical fuse-link");
        await page.FillAsync("#product-name-zh", "圆筒形熔断体");
        await page.FillAsync("#main-model", "RT18-32");
        await page.FillAsync("#series-0-model", "RT18-16");
        await page.FillAsync("#series-0-differences", "Rated current 16 A");
        await page.FillAsync("#manufacturer-name-en", "Shanghai Example Fuse Co., Ltd.");
        await page.FillAsync("#manufacturer-name-zh", "上海示例熔断器有限公司");
        await page.FillAsync("#manufacturer-address-en", "8 Example Road, Songjiang, Shanghai");
        await page.FillAsync("#factory-name-en", "Example Fuse Factory");
        await page.FillAsync("#factory-address-en", "9 Factory Road, Jiaxing, Zhejiang");
        await page.SelectOptionAsync("#lab", "lab-tilva");
        await page.FillAsync("#report-number", "TR-2026-0042");
        await page.FillAsync("#report-issued-on", DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.SetInputFilesAsync("#report-file", new FilePayload { Name = "type-test.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% Certa browser test\n"u8.ToArray() });
        await page.ShotAsync("declaration-new.png");
        await page.ClickAsync("#file-declaration");
        await page.WaitForURLAsync("**/declarations/*-*");
        var number = await page.InnerTextAsync("#declaration-number");
        number.ShouldStartWith("SD");
        await page.ShotAsync("declaration.png");
        await (await PhoneAsync(FuseLinks)).ShotAsync("phone-declaration-new.png");

        var anonymous = await fixture.NewPageAsync();
        await anonymous.GotoAsync($"/filings/{number}");
        (await anonymous.InnerTextAsync("#filing-number")).ShouldBe(number);
        await anonymous.ShotAsync("filing.png");
        var phone = await fixture.NewPageAsync(375, 812);
        await phone.GotoAsync($"/filings/{number}");
        await phone.ShouldFitTheScreenAsync($"/filings/{number}");
        await phone.ShotAsync("phone-filing.png");
        var chinese = await fixture.NewPageAsync(locale: "zh-CN");
        await chinese.GotoAsync($"/filings/{number}");
        (await chinese.InnerTextAsync("h1")).ShouldStartWith("备案记录");
        await chinese.ShotAsync("filing-zh.png");

        await page.FillAsync("#reason", "Model discontinued");
        await page.ClickAsync("#withdraw-declaration");
        await page.WaitForSelectorAsync("#declaration-withdrawn-because");
        await phone.ReloadAsync();
        (await phone.InnerTextAsync("#filing-withdrawn-because")).ShouldContain("Model discontinued");
        await phone.ShouldFitTheScreenAsync($"/filings/{number}");
        await phone.ShotAsync("phone-filing-withdrawn.png");
    }

    /// <summary>A signed-in phone showing <paramref name="path"/>, which must not be wider than its screen.</summary>
    private async Task<IPage> PhoneAsync(string path)
    {
        var phone = await fixture.SignedInAsync(Applicant, width: 375, height: 812);
        await phone.GotoAsync(path);
        await phone.ShouldFitTheScreenAsync(path);
        return phone;
    }
}
