using Microsoft.Playwright;

namespace Certa.Browser.Tests;

/// <summary>What a person does on the site, in a real browser.</summary>
public sealed class RegistryBrowsingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SwitchToChinese_SearchLaptop_ReachesPortableComputersWithGbStandards()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");

        await page.ClickAsync("#lang-switch");
        await page.WaitForURLAsync("**/");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("zh-CN");

        await page.FillAsync("form.search input[name=q]", "笔记本");
        await page.PressAsync("form.search input[name=q]", "Enter");
        await page.WaitForURLAsync("**/search?q=*");
        await page.ClickAsync("a[href='/product-types/ccc.0902']");
        await page.WaitForURLAsync("**/product-types/ccc.0902");

        (await page.InnerTextAsync("h1")).ShouldContain("便携式计算机");
        var body = await page.InnerTextAsync("main");
        body.ShouldContain("CNCA-C09-01:2023");
        body.ShouldContain("电子产品及安全附件");
        var standards = await page.Locator("#standards-table td.code a").AllInnerTextsAsync();
        standards.ShouldContain("GB 4943.1-2022");
        standards.ShouldContain("GB/T 9254.1-2021");
        standards.ShouldContain("GB 17625.1-2022");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "laptop-zh.png"), FullPage = true });
    }

    [Fact]
    public async Task ChosenLanguage_IsRememberedOnTheNextVisit()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/schemes");
        await page.ClickAsync("#lang-switch");
        await page.WaitForURLAsync("**/schemes");

        await page.GotoAsync("/standards");

        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("zh-CN");
        (await page.InnerTextAsync("h1")).ShouldBe("标准");
    }

    [Fact]
    public async Task ChineseBrowser_GetsChineseWithoutSwitching()
    {
        var page = await fixture.NewPageAsync(locale: "zh-CN");

        await page.GotoAsync("/");

        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("zh-CN");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/schemes/ccc")]
    [InlineData("/product-types/ccc.0902")]
    [InlineData("/bodies")]
    public async Task OnAPhone_PagesDoNotScrollSideways(string path)
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844);

        await page.GotoAsync(path);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, $"{path} is {overflow}px wider than a phone screen");
    }

    [Fact]
    public async Task UnverifiedFact_ShowsItsFlagWithExplanation()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/bodies");

        var flag = page.Locator(".badge.unverified").First;

        (await flag.InnerTextAsync()).ShouldBe("unverified");
        (await flag.GetAttributeAsync("title")).ShouldNotBeNullOrWhiteSpace();
    }
}

/// <summary>The advisor as a manufacturer uses it: describe the laptop, read why, change a feature.</summary>
public sealed class AdvisorBrowsingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("en-GB", "Show what is needed")]
    [InlineData("zh-CN", "查看所需认证")]
    public async Task Laptop_InEitherLanguage_ExplainsEachCertificationAndReactsToACellularModule(string locale, string evaluate)
    {
        var page = await fixture.NewPageAsync(locale: locale);
        await page.GotoAsync("/advisor");
        await page.SelectOptionAsync("#product", "laptop");
        await page.ClickAsync("#load-defaults");
        await page.WaitForURLAsync("**/advisor?*product=laptop*");

        await page.ClickAsync($"button:has-text('{evaluate}')");
        await page.WaitForSelectorAsync("#answer");

        foreach (var id in new[] { "cn-ccc", "cn-rohs", "cn-energy-label", "cn-srrc" })
        {
            (await page.Locator($"#req-{id}").CountAsync()).ShouldBe(1, id);
        }

        (await page.Locator("#out-cn-nal").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await page.Locator("#req-cn-ccc .atom").AllInnerTextsAsync()).ShouldContain("markets has \"CN\"");

        await page.CheckAsync("input[name='f.radio'][value='cellular']");
        await page.CheckAsync("input[name='f.public_telecom']");
        await page.ClickAsync("#evaluate");
        await page.WaitForSelectorAsync("#req-cn-nal");

        (await page.Locator("#out-cn-nal").CountAsync()).ShouldBe(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, $"advisor-{locale}.png"), FullPage = true });
    }
}
