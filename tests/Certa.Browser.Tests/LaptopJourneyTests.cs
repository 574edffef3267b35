using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Certa.Browser.Tests;

/// <summary>
/// Issue 6's whole journey, as a new user of the demo would walk it: the seed's laptop applied for under
/// CCC, then each demo person in turn through their own portal in a real browser (the applicant, CQC's
/// handler, CTTL's engineer, two auditors, the reviewer and the decider), one test failed and retested,
/// ending with the certificate the applicant sees. Nothing goes through the API.
/// </summary>
public sealed class LaptopJourneyTests(DemoBrowserFixture fixture) : IClassFixture<DemoBrowserFixture>
{
    private const string Applicant = "applicant@demo-laptop-maker.example";
    private const string Handler = "handler@cqc.example";
    private const string Engineer = "engineer@lab-cttl.example";
    private const string Auditor = "auditor@cqc.example";
    private const string Reviewer = "reviewer@cqc.example";
    private const string Decider = "decider@cqc.example";

    // The demo people's names (data/demo/world.yaml), as the audit plan and the reviewer list show them.
    private const string AuditorName = "Liu Yang";
    private const string SecondAuditorName = "Zhao Min";
    private const string ReviewerName = "Zhang Wei";

    [Fact]
    public async Task TheSeedsLaptop_GoesFromApplicationThroughAFailedTestAndItsRetest_ToTheCertificateTheApplicantSees()
    {
        var folder = Directory.CreateTempSubdirectory("certa-journey-");
        var pdf = Path.Combine(folder.FullName, "x14-technical-file.pdf");
        await File.WriteAllBytesAsync(pdf, "%PDF-1.4\n% Certa laptop journey\n"u8.ToArray());
        try
        {
            await WalkAsync(pdf);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task WalkAsync(string pdf)
    {
        var applicant = await fixture.SignedInAsync(Applicant);
        var applicationId = await ApplyAsync(applicant, pdf);
        var application = $"/applications/{applicationId}";
        await StateShouldBeAsync(applicant, "submitted");
        await ClockShouldShowAnEstimateAsync(applicant);

        var handler = await fixture.SignedInAsync(Handler);
        await handler.ClickAsync("#nav-queue");
        await handler.WaitForURLAsync("**/body/queue");
        (await handler.GetAttributeAsync($"#queue-{applicationId}", "data-state")).ShouldBe("submitted");
        await FollowAsync(handler, $"#queue-{applicationId} a[href='{application}']", Regex.Escape(application) + "$");
        await SubmitAsync(handler, "#accept-application", "done=accepted");
        await StateShouldBeAsync(handler, "accepted");
        (await handler.Locator("#order-lab option[value='lab-cttl']").CountAsync()).ShouldBe(1, "CTTL is designated for ccc.0902 and offered on the order form");
        await handler.SelectOptionAsync("#order-lab", "lab-cttl");
        await handler.FillAsync("#sample-0", "2");
        await handler.FillAsync("#sample-1", "1");
        await SubmitAsync(handler, "#order-tests", "done=tests_ordered");
        await StateShouldBeAsync(handler, "testing");
        var first = (await OrderIdsAsync(handler)).ShouldHaveSingleItem();

        await applicant.GotoAsync(application);
        await DispatchAsync(applicant, first, "SF1234567890");

        var engineer = await fixture.SignedInAsync(Engineer);
        var failed = await TestAsync(engineer, first, failFirstStandard: true);
        (await engineer.GetAttributeAsync("#order-outcome", "data-outcome")).ShouldBe("failed");

        await handler.GotoAsync(application);
        (await handler.GetAttributeAsync($"#test-order-{first}", "data-outcome")).ShouldBe("failed");
        (await handler.InnerTextAsync($"#test-order-{first}")).ShouldContain(failed);
        await handler.ShotAsync("journey-test-failed.png", from: "#test-orders");
        await handler.FillAsync($"#corrective-{first}", "Creepage distance on the power board widened to 4.0 mm; new boards fitted to the samples.");
        await SubmitAsync(handler, $"#retest-{first}", "done=retest_ordered");
        var retest = (await OrderIdsAsync(handler)).Except([first]).ShouldHaveSingleItem();

        await applicant.GotoAsync(application);
        (await applicant.InnerTextAsync($"#test-order-{first}")).ShouldContain("Creepage distance on the power board widened", Case.Sensitive,
            "the applicant sees what to put right before sending new samples");
        await DispatchAsync(applicant, retest, "SF1234567891");
        await TestAsync(engineer, retest, failFirstStandard: false);
        (await engineer.GetAttributeAsync("#order-outcome", "data-outcome")).ShouldBe("passed");
        (await engineer.InnerTextAsync("#order-retest-of")).ShouldContain("Creepage distance");

        await handler.GotoAsync(application);
        (await handler.GetAttributeAsync($"#test-order-{retest}", "data-outcome")).ShouldBe("passed");
        await SubmitAsync(handler, "#complete-testing", "done=testing_completed");
        await StateShouldBeAsync(handler, "factory_audit");
        await handler.CheckAsync($"#plan-auditors label:has-text('{AuditorName}') input");
        await handler.CheckAsync($"#plan-auditors label:has-text('{SecondAuditorName}') input");
        await handler.FillAsync("#audit-starts", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await handler.FillAsync("#audit-days", "2");
        await SubmitAsync(handler, "#plan-audit", "done=audit_planned");
        var auditHref = await handler.GetAttributeAsync("#audit-link", "href");
        auditHref.ShouldNotBeNull();
        var auditId = auditHref["/audits/".Length..];

        var auditor = await fixture.SignedInAsync(Auditor);
        await auditor.ClickAsync("#nav-audits");
        await auditor.WaitForURLAsync("**/audits");
        await FollowAsync(auditor, $"#audit-{auditId} a[href='{auditHref}'] >> nth=0", Regex.Escape(auditHref) + "$");
        var items = auditor.Locator("#report-form fieldset.report-item");
        (await items.CountAsync()).ShouldBeGreaterThan(0);
        foreach (var item in await items.AllAsync())
        {
            await item.Locator("input[type=radio][value=yes]").CheckAsync();
        }

        await SubmitAsync(auditor, "#report-submit", "done=reported");
        (await auditor.Locator("#report-form").CountAsync()).ShouldBe(0);

        await handler.GotoAsync(application);
        await SubmitAsync(handler, "#complete-audit", "done=audit_completed");
        await StateShouldBeAsync(handler, "review");
        var reviewerOption = handler.Locator("#assign-reviewer option", new PageLocatorOptions { HasText = ReviewerName });
        await handler.SelectOptionAsync("#assign-reviewer", (await reviewerOption.GetAttributeAsync("value"))!);
        await SubmitAsync(handler, "#assign-reviewer-submit", "done=reviewer_assigned");
        (await handler.InnerTextAsync("#review-reviewer")).ShouldBe(ReviewerName);

        var reviewer = await fixture.SignedInAsync(Reviewer);
        await reviewer.GotoAsync(application);
        await reviewer.CheckAsync("#review-form input[name=Recommendation][value=grant]");
        await reviewer.FillAsync("#review-notes-input", "All standards passed on retest after the corrective action; the factory audit found every item conforming.");
        await SubmitAsync(reviewer, "#review-submit", "done=reviewed");
        (await reviewer.GetAttributeAsync("#review-recommendation", "data-recommendation")).ShouldBe("grant");

        var decider = await fixture.SignedInAsync(Decider);
        await decider.GotoAsync(application);
        await SubmitAsync(decider, "#grant", "done=granted");
        await StateShouldBeAsync(decider, "granted");

        await applicant.GotoAsync(application);
        await StateShouldBeAsync(applicant, "granted");
        var number = await applicant.InnerTextAsync("#certificate-link");
        await applicant.ShotAsync("journey-application-granted.png");
        await applicant.ClickAsync("#nav-certificates");
        await applicant.WaitForURLAsync("**/certificates");
        var row = applicant.Locator("#certificates-table tbody tr", new PageLocatorOptions { HasText = number });
        (await row.GetAttributeAsync("data-state")).ShouldBe("active");
        await FollowAsync(applicant, $"#certificates-table a:has-text('{number}')", @"/certificates/[0-9a-f-]{36}$");
        (await applicant.InnerTextAsync("#certificate-number")).ShouldMatch(@"^\d{4}010902\d{6}$");
        (await applicant.InnerTextAsync("#certificate-number")).ShouldBe(number);
        (await applicant.InnerTextAsync("#certificate-product")).ShouldContain("X14");
        (await applicant.InnerTextAsync("#certificate-series")).ShouldContain("X14 Pro");
        // The first order failed one standard and passed two; the retest passed the third: all three are certified.
        var standards = await applicant.InnerTextAsync("#certificate-standards");
        foreach (var standard in new[] { "GB 4943.1-2022", "GB/T 9254.1-2021", "GB 17625.1-2022" })
        {
            standards.ShouldContain(standard);
        }

        await applicant.ShotAsync("journey-certificate.png");
    }

    /// <summary>The applicant finds the laptop's product type in the registry, follows "Apply for certification", fills the form, uploads every document and submits.</summary>
    private static async Task<string> ApplyAsync(IPage applicant, string pdf)
    {
        await applicant.GotoAsync("/product-types/ccc.0902");
        await FollowAsync(applicant, "#apply-link", @"/applications/new\?productType=ccc\.0902$");
        await applicant.SelectOptionAsync("#body", "cqc");
        await applicant.FillAsync("#product-name-en", "Laptop computer");
        await applicant.FillAsync("#product-name-zh", "笔记本电脑");
        await applicant.FillAsync("#main-model", "X14");
        await applicant.FillAsync("#series-0-model", "X14 Pro");
        await applicant.FillAsync("#series-0-differences", "Larger battery (72 Wh instead of 56 Wh); otherwise identical");
        await applicant.FillAsync("#manufacturer-name-en", "Shenzhen Example Computer Co., Ltd.");
        await applicant.FillAsync("#manufacturer-name-zh", "深圳示例电脑有限公司");
        await applicant.FillAsync("#manufacturer-address-en", "1 Example Road, Nanshan District, Shenzhen");
        await applicant.FillAsync("#factory-name-en", "Example Computer Factory");
        await applicant.FillAsync("#factory-address-en", "2 Factory Road, Dongguan");
        await SubmitAsync(applicant, "#create-application", @"/applications/[0-9a-f-]{36}$");
        var id = applicant.Url[(applicant.Url.LastIndexOf('/') + 1)..];
        await StateShouldBeAsync(applicant, "draft");
        (await applicant.InnerTextAsync("#series-models")).ShouldContain("X14 Pro");

        var documents = await applicant.Locator("#documents-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.id.substring('document-'.length))");
        documents.ShouldNotBeEmpty();
        foreach (var document in documents)
        {
            await applicant.SetInputFilesAsync($"[id='file-{document}']", pdf);
            await SubmitAsync(applicant, $"[id='upload-{document}'] button[type=submit]", "done=uploaded");
            (await applicant.GetAttributeAsync($"[id='document-{document}']", "data-attached")).ShouldBe("true", $"{document} was uploaded");
        }

        await SubmitAsync(applicant, "#submit-application", "done=submitted");
        return id;
    }

    /// <summary>The applicant, on the application page, records the samples of <paramref name="order"/> as sent.</summary>
    private static async Task DispatchAsync(IPage applicant, string order, string tracking)
    {
        await ClockShouldShowAnEstimateAsync(applicant);
        await applicant.FillAsync($"#carrier-{order}", "SF Express");
        await applicant.FillAsync($"#tracking-{order}", tracking);
        await SubmitAsync(applicant, $"#dispatch-{order}", "done=dispatched");
        (await applicant.GetAttributeAsync($"#test-order-{order} .sample-state", "data-samples")).ShouldBe("dispatched");
    }

    /// <summary>
    /// The lab engineer finds <paramref name="order"/> among the lab's open orders, receives its samples and
    /// records a result for every standard: all pass, or the first fails with clause notes. Returns the failed standard, if any.
    /// </summary>
    private static async Task<string> TestAsync(IPage engineer, string order, bool failFirstStandard)
    {
        await engineer.GotoAsync("/lab/orders");
        (await engineer.GetAttributeAsync($"#lab-order-{order}", "data-state")).ShouldBe("ordered");
        await FollowAsync(engineer, $"#lab-order-{order} a[href='/lab/orders/{order}'] >> nth=0", $"/lab/orders/{order}$");
        await SubmitAsync(engineer, "#receive-samples", "done=received");
        (await engineer.GetAttributeAsync("#order-state", "data-state")).ShouldBe("received");

        var rows = engineer.Locator("#results-form fieldset.result-row");
        var count = await rows.CountAsync();
        count.ShouldBeGreaterThan(0);
        var failed = string.Empty;
        for (var i = 0; i < count; i++)
        {
            var row = rows.Nth(i);
            if (failFirstStandard && i == 0)
            {
                failed = await row.Locator("legend").InnerTextAsync();
                await row.Locator("input[type=radio][value=fail]").CheckAsync();
                await row.Locator("textarea").FillAsync("Clause 5.4.2: creepage distance on the power board 2.1 mm, 2.5 mm required");
            }
            else
            {
                await row.Locator("input[type=radio][value=pass]").CheckAsync();
            }
        }

        await SubmitAsync(engineer, "#record-results", "done=recorded");
        (await engineer.GetAttributeAsync("#order-state", "data-state")).ShouldBe("completed");
        return failed;
    }

    /// <summary>Follows a link and waits for the page it leads to, which must match <paramref name="expected"/>.</summary>
    private static Task FollowAsync(IPage page, string link, string expected) => SubmitAsync(page, link, expected);

    /// <summary>
    /// Clicks <paramref name="button"/> and waits for the page the server answers with; the page's address
    /// must match <paramref name="expected"/>, else the test fails with the refusal the page shows.
    /// </summary>
    private static async Task SubmitAsync(IPage page, string button, string expected)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage _) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await page.ClickAsync(button);
            // Two cores shared with the server and six other browsers: give each post a minute and a half.
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        finally
        {
            page.Load -= OnLoad;
        }

        if (!Regex.IsMatch(page.Url, expected))
        {
            var alerts = await page.Locator("[role=alert]").AllInnerTextsAsync();
            page.Url.ShouldMatch(expected, $"{button} led to {page.Url}: {string.Join(" | ", alerts)}");
        }
    }

    private static async Task StateShouldBeAsync(IPage page, string state) =>
        (await page.GetAttributeAsync("#application-state", "data-state")).ShouldBe(state, $"the state badge on {page.Url}");

    private static async Task ClockShouldShowAnEstimateAsync(IPage page)
    {
        (await page.Locator("#application-clock").CountAsync()).ShouldBe(1, $"the clock on {page.Url}");
        (await page.InnerTextAsync("#clock-estimate")).ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
    }

    /// <summary>The application's test orders, as the ids of their rows, in the order placed.</summary>
    private static async Task<string[]> OrderIdsAsync(IPage page) =>
        await page.Locator("#test-orders-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.id.substring('test-order-'.length))");
}
