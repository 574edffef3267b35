using System.Globalization;
using System.Text;
using Certa.Testing;
using Microsoft.Playwright;

namespace Certa.Browser.Tests;

/// <summary>The public bulk verify page on a phone with script turned off, as a marketplace's checker uses it: a file chosen, checked, downloaded.</summary>
public sealed class VerifyBulkPortalTests(DemoBrowserFixture fixture) : IClassFixture<DemoBrowserFixture>
{
    [Fact]
    public async Task OnAPhoneWithoutScript_AnUploadedCsv_IsSummarisedFirst_AndDownloadsAsCsv()
    {
        var number = (await CertificateSeed.IssueAsync(fixture.App.Services)).Number;
        var csv = new FilePayload
        {
            Name = "listings.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"number,model,holder\n{number},X14,\n{number},X99,\nNO-SUCH-NUMBER\n\"never closed\n"),
        };
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 375, Height = 740 },
            JavaScriptEnabled = false,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(60_000);
        var phone = await context.NewPageAsync();
        await phone.GotoAsync("/verify");

        await phone.ClickAsync("#verify-bulk-link");
        await phone.WaitForURLAsync("**/verify/bulk");
        await phone.SetInputFilesAsync("#bulk-file", csv);
        await phone.ClickAsync("#bulk-check");
        await phone.WaitForSelectorAsync("#bulk-summary");

        (await phone.GetAttributeAsync("#bulk-summary", "data-lines")).ShouldBe("4");
        (await phone.InnerTextAsync("#bulk-count-valid")).ShouldBe("1 valid");
        (await phone.InnerTextAsync("#bulk-count-notvalid")).ShouldBe("1 not valid");
        (await phone.InnerTextAsync("#bulk-count-unknown")).ShouldBe("1 unknown");
        (await phone.InnerTextAsync("#bulk-count-unreadable")).ShouldBe("1 unreadable");
        (await phone.InnerTextAsync("#bulk-reasons tr[data-code='model-not-covered']")).ShouldContain("Model not covered");
        (await phone.Locator("#bulk-summary").BoundingBoxAsync())!.Y.ShouldBeLessThan(740, "the summary is on the first screen");
        (await phone.Locator("#bulk-table tbody tr").CountAsync()).ShouldBe(4);
        (await phone.InnerTextAsync("#bulk-table tr[data-line='5']")).ShouldContain("Line 5 opens a quoted field that is never closed.");
        await phone.ShouldFitTheScreenAsync("/verify/bulk");
        await phone.ShotAsync("phone-verify-bulk.png");

        await phone.SetInputFilesAsync("#bulk-file", csv);
        var download = await phone.RunAndWaitForDownloadAsync(() => phone.ClickAsync("#bulk-download"));
        download.SuggestedFilename.ShouldBe($"certa-verification-{DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync())).ToList();
        lines[0].ShouldBe("line,number,valid,code,state,valid_until,message");
        lines.Skip(1).Select(l => l.Split(',')[0] + " " + l.Split(',')[3]).ShouldBe(["2 valid", "3 model-not-covered", "4 unknown-number", "5 line-invalid"]);

        await phone.ClickAsync("#bulk-back");
        await phone.WaitForURLAsync("**/verify");
    }
}
