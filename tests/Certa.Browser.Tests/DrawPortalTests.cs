using Certa.Testing;
using Microsoft.Playwright;

namespace Certa.Browser.Tests;

/// <summary>
/// The demo authority officer makes a "double random" draw on the page (5 % of the active CCC certificates, inspectors of two
/// bodies), sees its targets and their inspectors, records a failed inspection of one target, and the public draw page shows it.
/// </summary>
public sealed class DrawPortalTests(DemoBrowserFixture fixture) : IClassFixture<DemoBrowserFixture>
{
    private const string Officer = "officer@cnca.example";

    [Fact]
    public async Task TheOfficer_MakesADraw_RecordsAFailedInspection_AndThePublicSeesIt()
    {
        for (var i = 0; i < 3; i++)
        {
            await CertificateSeed.IssueAsync(fixture.App.Services);
        }

        var officer = await fixture.SignedInAsync(Officer);
        await officer.GotoAsync("/authority/draws");
        await officer.ClickAsync("#draw-new");
        await officer.WaitForURLAsync("**/authority/draws/new");
        await officer.CheckAsync("#choices-SchemeIds input[value='ccc']");
        await officer.CheckAsync("#choices-PoolBodyIds input[value='cqc']");
        await officer.CheckAsync("#choices-PoolBodyIds input[value='cvc-cert']");
        (await officer.InputValueAsync("#draw-percent")).ShouldBe("5");
        await officer.FillAsync("#draw-public-random", "drand round 5000000: 3f2a9c");
        await officer.ShotAsync("draw-new.png");

        await officer.ClickAsync("#draw-make");
        await officer.WaitForURLAsync("**/draws/cnca-*");
        await officer.WaitForSelectorAsync("#draw-made");
        var reference = await officer.InnerTextAsync("#draw-title");
        var rows = officer.Locator("#draw-targets tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        var first = rows.First;
        (await first.GetAttributeAsync("data-inspection-state")).ShouldBe("planned");
        (await first.Locator("td.inspectors").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await officer.InnerTextAsync("#draw-verify-command")).ShouldStartWith("certa draw verify draw-cnca-");
        await officer.ShotAsync("draw-made.png");

        var number = (await first.GetAttributeAsync("id"))!["target-".Length..];
        await first.Locator("a.inspection-link").ClickAsync();
        await officer.WaitForURLAsync("**/inspections/*");
        await RecordFailedAsync(officer, "Incoming inspection of the power adapter not carried out.");

        var anyone = await fixture.NewPageAsync();
        await anyone.GotoAsync($"/draws/{reference["Draw ".Length..]}");
        (await anyone.GetAttributeAsync($"#target-{number}", "data-inspection-state")).ShouldBe("failed");
        await anyone.ShotAsync("draw-public.png");
    }

    /// <summary>Records a failed result on the inspection page (<c>/inspections/{id}</c>) with one finding.</summary>
    private static async Task RecordFailedAsync(IPage page, string finding)
    {
        await page.CheckAsync("#record-form input[name=Outcome][value=failed]");
        await page.FillAsync("#findings", finding);
        await page.ClickAsync("#record-submit");
        await page.WaitForSelectorAsync("#inspection-state.state-failed");
    }
}
