using Microsoft.Playwright;

namespace Certa.Browser.Tests;

/// <summary>An admin invites a colleague, who joins through the link; all in a real browser.</summary>
public sealed class InviteFlowTests(DemoBrowserFixture fixture) : IClassFixture<DemoBrowserFixture>
{
    private const string Admin = "admin@cqc.example";

    [Fact]
    public async Task AdminInvitesReviewer_ReviewerJoinsThroughTheLink_AndSeesOnlyWhatAReviewerMay()
    {
        var page = await fixture.SignedInAsync(Admin);

        await page.GotoAsync("/org/people");
        await page.FillAsync("#invite-email", "new.reviewer@cqc.example");
        await page.CheckAsync("#role-reviewer");
        await page.ClickAsync("#invite-submit");
        var link = await page.Locator("#invitation-link").GetAttributeAsync("href");
        link.ShouldNotBeNull();
        (await page.InnerTextAsync("#invitation-link")).ShouldBe(link);
        (await page.InnerTextAsync("#invitations-table")).ShouldContain("new.reviewer@cqc.example");
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync(fixture.App.Address.ToString());

        await page.GotoAsync(link);
        await page.FillAsync("#invitation-form input[name=DisplayName]", "Gao Yan");
        await page.FillAsync("#invitation-form input[name=Password]", "Reviewer-Passw0rd-2026");
        await page.FillAsync("#invitation-form input[name=ConfirmPassword]", "Reviewer-Passw0rd-2026");
        await page.ClickAsync("#invitation-form button[type=submit]");
        await page.WaitForURLAsync("**/org");

        (await page.InnerTextAsync("#me-name")).ShouldBe("Gao Yan");
        (await page.InnerTextAsync("#me-email")).ShouldBe("new.reviewer@cqc.example");
        (await page.InnerTextAsync("#me-roles")).ShouldContain("Reviewer");
        (await page.InnerTextAsync("#org-name")).ShouldBe("China Quality Certification Centre");
        (await page.Locator("#link-people").CountAsync()).ShouldBe(0);

        var people = await page.GotoAsync("/org/people");
        people!.Status.ShouldBe(403);
        (await page.InnerTextAsync("#people-refused")).ShouldNotBeEmpty();
        (await page.Locator("#people-table").CountAsync()).ShouldBe(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "reviewer-people-refused.png"), FullPage = true });
    }

    [Theory]
    [InlineData("/org")]
    [InlineData("/org/people")]
    [InlineData("/org/api-keys")]
    [InlineData("/audit")]
    public async Task OnAPhone_AdminPagesDoNotScrollSideways(string path)
    {
        var page = await fixture.SignedInAsync(Admin, width: 375, height: 812);

        await page.GotoAsync(path);

        await page.ShouldFitTheScreenAsync(path);
    }
}
