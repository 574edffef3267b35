namespace Certa.Browser.Tests;

/// <summary>
/// The G-mark pages in a real browser: CQC's administrator registers a toy through the form and submits it, a GSO
/// officer finds it in the approval queue and approves it, CQC activates it and the page links the e-certificate and its
/// PDFs; the officer's queue in Chinese; no sideways scrolling on a phone. Screenshots are left beside the test assembly.
/// </summary>
public sealed class GmarkPortalTests(DemoBrowserFixture fixture) : IClassFixture<DemoBrowserFixture>
{
    private const string NotifiedBody = "admin@cqc.example";
    private const string GsoOfficer = "officer@gso.example";

    [Fact]
    public async Task ANotifiedBodyRegisters_AndAGsoOfficerApproves_ThenTheBodyActivates()
    {
        var body = await fixture.SignedInAsync(NotifiedBody);
        await body.GotoAsync("/gmark");
        await body.ClickAsync("#new-gmark");
        await body.SelectOptionAsync("#holder", "demo-laptop-maker");
        await body.SelectOptionAsync("#product-type", "gcc-gmark.TOY-01");
        await body.FillAsync("#product-name-en", "Plush bear");
        await body.FillAsync("#product-name-zh", "毛绒熊");
        await body.FillAsync("#main-model", "PB-BROWSER");
        await body.FillAsync("#trade-mark", "Bearly");
        await body.FillAsync("#hs-code", "95030090");
        await body.FillAsync("#age-grading", "3+");
        await body.FillAsync("#manufacturer-name-en", "Example Toys Ltd");
        await body.FillAsync("#manufacturer-address-en", "1 Toy Road, Shantou");
        await body.FillAsync("#factory-name-en", "Example Toy Factory");
        await body.FillAsync("#factory-address-en", "2 Toy Road, Shantou");
        await body.FillAsync("#target-countries", "SA AE");
        await body.FillAsync("#validity-years", "2");
        await body.ClickAsync("#register-gmark");
        (await body.InnerTextAsync("#gmark-error")).ShouldContain("at least 3 years");
        await body.ShotAsync("gmark-new-refused.png");

        await body.FillAsync("#validity-years", "3");
        await body.ClickAsync("#register-gmark");
        await body.WaitForURLAsync("**/gmark/*-*");
        var gcts = await body.InnerTextAsync("#gmark-gcts");
        gcts.ShouldStartWith("9901-");
        await body.ClickAsync("#submit-gmark");
        await body.WaitForSelectorAsync("#gmark-state[data-state=submitted]");
        var detail = body.Url;

        var officer = await fixture.SignedInAsync(GsoOfficer);
        await officer.GotoAsync("/gmark");
        await officer.ClickAsync($"#gmark-queue >> text={gcts}");
        await officer.WaitForSelectorAsync("#approve-gmark");
        await officer.ShotAsync("gmark-approval.png");
        await officer.ClickAsync("#approve-gmark");
        await officer.WaitForSelectorAsync("#gmark-state[data-state=approved]");

        await body.GotoAsync(detail);
        await body.ClickAsync("#activate-gmark");
        await body.WaitForSelectorAsync("#gmark-state[data-state=active]");
        (await body.GetAttributeAsync("#pdf-en", "href")).ShouldEndWith("/pdf?lang=en");
        await body.ShotAsync("gmark-active.png");

        var chinese = await fixture.SignedInAsync(GsoOfficer, locale: "zh-CN");
        await chinese.GotoAsync("/gmark");
        (await chinese.InnerTextAsync("h1")).ShouldBe("G标志电子证书");
        await chinese.ShotAsync("gmark-list-zh.png");
        var phone = await fixture.SignedInAsync(NotifiedBody, width: 375, height: 812);
        await phone.GotoAsync(detail);
        await phone.ShouldFitTheScreenAsync(detail);
        await phone.ShotAsync("phone-gmark.png");
    }
}
