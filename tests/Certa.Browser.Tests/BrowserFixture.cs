using Certa.Infrastructure.Persistence;
using Certa.Testing;
using Microsoft.Playwright;

namespace Certa.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download: <c>/usr/bin/chromium</c>, or
/// <c>CERTA_CHROMIUM</c>) against a real Certa on SQLite.
/// </summary>
public abstract class BrowserFixtureBase(bool demo) : IAsyncLifetime
{
    private IPlaywright? playwright;

    public CertaTestApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await CertaTestApp.StartAsync(DatabaseProvider.Sqlite, demo: demo);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CERTA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine has no network: keep Chromium from reaching out at all.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        // The suite shares two cores with builds and databases; waits are generous so that slowness is not failure.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>The registry only.</summary>
public sealed class BrowserFixture() : BrowserFixtureBase(demo: false);

/// <summary>The registry and the demo world (data/demo/world.yaml), so people can sign in.</summary>
public sealed class DemoBrowserFixture() : BrowserFixtureBase(demo: true);
