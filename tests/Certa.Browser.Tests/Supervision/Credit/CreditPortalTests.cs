using Microsoft.Playwright;

namespace Certa.Browser.Tests.Supervision.Credit;

/// <summary>
/// The demo authority officer records a credit event on the page: a type for the wrong kind of organisation is refused with
/// its reason and the form as filled in; false documents for an enterprise take it to level D on its public credit page,
/// which anyone finds in the list filtered by level, on a phone too.
/// </summary>
public sealed class CreditPortalTests(DemoBrowserFixture fixture) : IClassFixture<DemoBrowserFixture>
{
    [Fact]
    public async Task TheOfficer_RecordsFalseDocuments_AndThePublicSeesTheEnterpriseAtD()
    {
        var officer = await fixture.SignedInAsync("officer@cnca.example");
        await officer.GotoAsync("/authority/credit/new");
        await officer.SelectOptionAsync("#credit-type", "decision-overturned");
        await officer.FillAsync("#credit-subject", "demo-fan-works");
        await officer.ClickAsync("#credit-record");
        (await officer.InnerTextAsync("#credit-error")).ShouldContain("'decision-overturned' is an event of bodies");
        (await officer.InputValueAsync("#credit-subject")).ShouldBe("demo-fan-works");

        await officer.SelectOptionAsync("#credit-type", "false-documents");
        await officer.FillAsync("#credit-reference", "CASE-FAN-1");
        await officer.FillAsync("#credit-note", "Forged test report submitted with a renewal.");
        await officer.ShotAsync("credit-new.png");
        await officer.ClickAsync("#credit-record");
        await officer.WaitForURLAsync("**/credit/enterprise/demo-fan-works?recorded=true");
        await officer.WaitForSelectorAsync("#credit-recorded");
        (await officer.GetAttributeAsync("#credit-level .credit-level", "data-level")).ShouldBe("D");
        (await officer.InnerTextAsync("#credit-events")).ShouldContain("CASE-FAN-1");
        await officer.ShotAsync("credit-subject.png");

        var anyone = await fixture.NewPageAsync(390, 844, "zh-CN");
        await anyone.GotoAsync("/credit?level=D");
        await anyone.ClickAsync("#credit-enterprise-demo-fan-works a");
        await anyone.WaitForURLAsync("**/credit/enterprise/demo-fan-works");
        (await anyone.InnerTextAsync("#credit-events")).ShouldContain("提供虚假材料或信息");
        await anyone.ShouldFitTheScreenAsync("/credit/enterprise/demo-fan-works");
        await anyone.ShotAsync("credit-public-phone.png");
    }
}
