using Microsoft.Playwright;

namespace Certa.Browser.Tests;

/// <summary>What the portal tests do in every page: sign a demo person in, check that a phone does not scroll sideways, leave a screenshot.</summary>
public static class PortalPages
{
    /// <summary>A new page signed in as <paramref name="email"/> (a demo person) through the real form.</summary>
    public static async Task<IPage> SignedInAsync(this BrowserFixtureBase fixture, string email, int width = 1280, int height = 900, string locale = "en-GB")
    {
        var page = await fixture.NewPageAsync(width, height, locale);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#login-form input[name=Email]", email);
        await page.FillAsync("#login-form input[name=Password]", fixture.App.PasswordOf(email));
        await page.ClickAsync("#login-form button[type=submit]");
        // Sign-in hashes the password on purpose slowly; on a busy 2-core machine give it time.
        try
        {
            await page.WaitForURLAsync("**/org", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load, Timeout = 90_000 });
        }
        catch (TimeoutException e)
        {
            // In CI (session 11) this wait ran out twice with the browser already at /org (it waited for "commit" after it had
            // happened): it now waits for "load", and says where the browser was and what it showed if it runs out again.
            var shown = await page.Locator("main").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 5_000 });
            throw new TimeoutException($"Sign-in as {email} did not reach /org; the browser is at {page.Url} showing: {shown[..Math.Min(shown.Length, 500)]}", e);
        }

        return page;
    }

    /// <summary>Asserts that the page, opened at <paramref name="path"/>, is no wider than its screen.</summary>
    public static async Task ShouldFitTheScreenAsync(this IPage page, string path)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, $"{path} is {overflow}px wider than the screen");
    }

    /// <summary>Leaves a screenshot beside the test assembly: the whole page, or a screen's height of it from the element <paramref name="from"/> on.</summary>
    public static async Task ShotAsync(this IPage page, string name, string? from = null)
    {
        var options = new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, name), FullPage = true };
        if (from is not null && await page.Locator(from).BoundingBoxAsync() is { } box)
        {
            var viewport = page.ViewportSize!;
            options.Clip = new Clip { X = 0, Y = box.Y, Width = viewport.Width, Height = viewport.Height };
        }

        await page.ScreenshotAsync(options);
    }
}
