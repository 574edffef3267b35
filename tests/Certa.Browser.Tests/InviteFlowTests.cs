using Microsoft.Playwright;

namespace Certa.Browser.Tests;

/// <summary>An admin invites a colleague, who joins through the link; all in a real browser.</summary>
public sealed class InviteFlowTests(DemoBrowserFixture fixture) : IClassFixture<DemoBrowserFixture>
{
    private const string Admin = "admin@cqc.example";

    [Fact]
    public async Task AdminInvitesReviewer_ReviewerJoinsThroughTheLink_AndSeesOnlyWhatAReviewerMay()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, Admin, fixture.App.PasswordOf(Admin));

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
        var page = await fixture.NewPageAsync(width: 375, height: 812);
        await SignInAsync(page, Admin, fixture.App.PasswordOf(Admin));

        await page.GotoAsync(path);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, $"{path} is {overflow}px wider than a phone screen");
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#login-form input[name=Email]", email);
        await page.FillAsync("#login-form input[name=Password]", password);
        await page.ClickAsync("#login-form button[type=submit]");
        // Sign-in hashes the password on purpose slowly; on a busy 2-core machine give it time.
        try
        {
            await page.WaitForURLAsync("**/org", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load, Timeout = 90_000 });
        }
        catch (TimeoutException e)
        {
            // In CI (session 11) this wait ran out twice with the browser already at /org (waiting for "commit" after it had
            // happened): it now waits for "load", and says where the browser was and what it showed if it runs out again.
            var shown = await page.Locator("main").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 5_000 });
            throw new TimeoutException($"Sign-in as {email} did not reach /org; the browser is at {page.Url} showing: {shown[..Math.Min(shown.Length, 500)]}", e);
        }
    }
}
