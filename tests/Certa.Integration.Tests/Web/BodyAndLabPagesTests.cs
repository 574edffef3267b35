using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Certa.Domain.Access;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Applications;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Web;

/// <summary>
/// The body's queue (/body/queue), the test orders on the application page and the lab portal
/// (/lab/orders, /lab/orders/{id}) through their real forms: the handler accepts from the queue and
/// orders tests from a designated lab, the lab receives and records results, a failure goes through a
/// corrective action and a retest, and testing completes; refusals show their reason and change nothing.
/// On each database: the queue and the lab's lists query enum and JSON columns.
/// </summary>
public abstract partial class BodyAndLabPagesTests(SignedInDemoFixture fixture)
{
    private const string TokenField = "__RequestVerificationToken";

    private HttpClient Applicant => fixture.As(Role.ApplicantUser).Client;

    private HttpClient Handler => fixture.As(Role.ApplicationHandler).Client;

    /// <summary>engineer@lab-cttl.example.</summary>
    private HttpClient Engineer => fixture.As(Role.LabEngineer).Client;

    [Fact]
    public async Task TheWholeTestingPath_FromTheQueue_ThroughAFailAndARetest_ToTheFactoryAudit()
    {
        var id = await ApplicationJourney.SubmittedAsync(Applicant);
        var page = $"/applications/{id}";

        var queue = await Handler.GetStringAsync("/body/queue?state=submitted");
        QueueRow(queue, id).ShouldContain("data-state=\"submitted\"");
        QueueRow(queue, id).ShouldContain($"href=\"{page}\"");
        (await PostFormAsync(Handler, page, "accept")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        QueueRow(await Handler.GetStringAsync("/body/queue?state=accepted"), id).ShouldContain("data-state=\"accepted\"");

        var accepted = await Handler.GetStringAsync(page);
        accepted.ShouldContain("id=\"order-tests-form\"");
        accepted.ShouldContain("<option value=\"lab-cttl\"");
        var standards = Checkboxes().Matches(accepted).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        standards.ShouldContain("GB 4943.1-2022");
        using (var ordered = await PostFormAsync(Handler, page, "ordertests", OrderForm("lab-cttl", standards)))
        {
            ordered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ordered.Content.ReadAsStringAsync());
        }

        var testing = await Handler.GetStringAsync(page);
        testing.ShouldContain("data-state=\"testing\"");
        var orderId = TestOrderRows().Matches(testing).Single().Groups[1].Value;
        (await Engineer.GetStringAsync("/lab/orders")).ShouldContain($"id=\"lab-order-{orderId}\"");
        (await Engineer.GetStringAsync($"/lab/orders/{orderId}")).ShouldContain("id=\"awaiting-dispatch\"");
        await DispatchAsync(page, orderId);
        await RecordAsync(orderId, failing: standards[0]);
        (await Engineer.GetStringAsync("/lab/orders?show=completed")).ShouldContain($"id=\"lab-order-{orderId}\"");
        var failedPage = WebUtility.HtmlDecode(await Engineer.GetStringAsync($"/lab/orders/{orderId}"));
        failedPage.ShouldContain("data-outcome=\"failed\"");
        failedPage.ShouldContain("§5.1 radiated emission");
        var asTheBody = await Handler.GetStringAsync($"/lab/orders/{orderId}");
        asTheBody.ShouldContain($"<a href=\"{page}\" id=\"order-back\"");
        asTheBody.ShouldNotContain("id=\"results-form\"");

        using (var early = await PostFormAsync(Handler, page, "completetesting"))
        {
            var html = await early.Content.ReadAsStringAsync();
            early.StatusCode.ShouldBe(HttpStatusCode.Conflict, html);
            html.ShouldContain("id=\"application-error\"");
            html.ShouldContain("data-state=\"testing\"");
        }

        var failed = await Handler.GetStringAsync(page);
        failed.ShouldContain($"id=\"retest-form-{orderId}\"");
        using (var retest = await PostFormAsync(Handler, page, "retest", new()
        {
            ["OrderId"] = orderId,
            ["CorrectiveAction"] = "Add a ferrite core to the display cable.",
            ["Deadline"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }))
        {
            retest.StatusCode.ShouldBe(HttpStatusCode.Redirect, await retest.Content.ReadAsStringAsync());
        }

        var retestId = TestOrderRows().Matches(await Handler.GetStringAsync(page)).Select(m => m.Groups[1].Value).Single(o => o != orderId);
        var retestPage = WebUtility.HtmlDecode(await Engineer.GetStringAsync($"/lab/orders/{retestId}"));
        retestPage.ShouldContain("id=\"order-retest-of\"");
        retestPage.ShouldContain("Add a ferrite core to the display cable.");
        await DispatchAsync(page, retestId);
        await RecordAsync(retestId, failing: null);
        using (var completed = await PostFormAsync(Handler, page, "completetesting"))
        {
            completed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await completed.Content.ReadAsStringAsync());
        }

        (await Handler.GetStringAsync(page)).ShouldContain("data-state=\"factory_audit\"");
        (await Handler.GetJsonAsync($"/api/v1/applications/{id}")).Str("state").ShouldBe("factory_audit");
        QueueRow(await Handler.GetStringAsync("/body/queue?state=factory_audit"), id).ShouldContain("data-state=\"factory_audit\"");
    }

    [Fact]
    public async Task AnOrderToALabNotDesignated_ShowsWhy_AndPlacesNothing()
    {
        // CTTL's CCC designation is category 8 (electronics); refrigerators (0701) are household appliances, category 7.
        var id = await ApplicationJourney.SubmittedAsync(Applicant, "ccc.0701");
        var page = $"/applications/{id}";
        (await PostFormAsync(Handler, page, "accept")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Handler.GetStringAsync(page)).ShouldNotContain("<option value=\"lab-cttl\"");

        using var response = await PostFormAsync(Handler, page, "ordertests", OrderForm("lab-cttl", ["GB 4706.1-2005"]));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("id=\"application-error\"");
        html.ShouldContain("(lab-cttl) is not designated in the registry to test ccc.0701");
        html.ShouldContain("data-state=\"accepted\"");
        (await Handler.GetJsonAsync($"/api/v1/test-orders?application={id}")).GetArrayLength().ShouldBe(0);
        (await Handler.GetJsonAsync($"/api/v1/applications/{id}")).Str("state").ShouldBe("accepted");
    }

    [Fact]
    public async Task AnotherLabsEngineer_GetsARefusalPage_AndCannotReceiveTheSamples()
    {
        var (_, orderId) = await OrderedAsync();
        using var cesi = await fixture.App.SignInAsync("engineer@lab-cesi.example");

        using var page = await cesi.GetAsync($"/lab/orders/{orderId}");
        var html = await page.Content.ReadAsStringAsync();
        var token = await CertaTestApp.AntiforgeryTokenAsync(cesi, "/lab/orders");
        using var receive = await cesi.PostAsync($"/lab/orders/{orderId}?handler=receive", new FormUrlEncodedContent(new Dictionary<string, string> { [TokenField] = token }));

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden, html);
        html.ShouldContain("id=\"lab-order-refused\"");
        html.ShouldNotContain("GB 4943.1-2022");
        receive.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await cesi.GetStringAsync("/lab/orders?show=all")).ShouldNotContain(orderId);
        (await Handler.GetJsonAsync($"/api/v1/test-orders/{orderId}")).Str("state").ShouldBe("ordered");
    }

    [Fact]
    public async Task AnUnknownOrder_IsANotFoundPage()
    {
        using var response = await Engineer.GetAsync($"/lab/orders/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("id=\"lab-order-refused\"");
    }

    [Fact]
    public async Task ResultsWithoutAVerdict_ShowTheReason_AndTheOrderStaysReceived()
    {
        var (applicationId, orderId) = await OrderedAsync();
        await DispatchAsync($"/applications/{applicationId}", orderId);
        var page = $"/lab/orders/{orderId}";
        (await PostFormAsync(Engineer, page, "receive")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await PostFormAsync(Engineer, page, "results", new() { ["Results[0].Standard"] = "GB 4943.1-2022", ["Results[0].Verdict"] = string.Empty });
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, html);
        html.ShouldContain("id=\"order-error\"");
        html.ShouldContain("Give a result for at least one standard.");
        html.ShouldContain("data-state=\"received\"");
    }

    [Fact]
    public async Task TheQueue_FlagsAnOverdueApplication_AndPutsItFirst()
    {
        var id = await ApplicationJourney.SubmittedAsync(Applicant);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            // The acceptance step lasts at most days, not months: submitted 60 days ago, it is overdue.
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            var key = Guid.Parse(id);
            var since = DateTimeOffset.UtcNow.AddDays(-60);
            await db.Applications.Where(a => a.Id == key).ExecuteUpdateAsync(s => s.SetProperty(a => a.StateChangedAt, since));
        }

        var queue = await Handler.GetStringAsync("/body/queue");

        QueueRow(queue, id).ShouldContain("data-overdue=\"true\"");
        QueueRow(queue, id).ShouldContain("class=\"badge late\"");
        queue.ShouldContain("id=\"queue-overdue\"");
        QueueRows().Matches(queue).First().Groups[1].Value.ShouldBe(id);
        int.Parse(CountOf().Match(queue).Groups[1].Value, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task TheQueue_InChinese()
    {
        var id = await ApplicationJourney.SubmittedAsync(Applicant);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/body/queue");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await Handler.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("lang=\"zh-CN\"");
        html.ShouldContain("认证待办队列");
        html.ShouldContain("已提交");
        html.ShouldContain($"id=\"queue-{id}\"");
    }

    [Theory]
    [InlineData(Role.ApplicantUser, "/body/queue", "queue-refused")]
    [InlineData(Role.LabEngineer, "/body/queue", "queue-refused")]
    [InlineData(Role.ApplicationHandler, "/lab/orders", "lab-orders-refused")]
    [InlineData(Role.ApplicantUser, "/lab/orders", "lab-orders-refused")]
    public async Task ThePortals_RefuseTheOtherSides(Role role, string path, string refusal)
    {
        using var response = await fixture.As(role).Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"id=\"{refusal}\"");
    }

    [Fact]
    public async Task TheNavigation_OffersTheQueueToTheBody_AndTheOrdersToTheLab()
    {
        var body = await Handler.GetStringAsync("/org");
        var lab = await Engineer.GetStringAsync("/org");

        body.ShouldContain("href=\"/body/queue\"");
        body.ShouldNotContain("href=\"/lab/orders\"");
        lab.ShouldContain("href=\"/lab/orders\"");
        lab.ShouldNotContain("href=\"/body/queue\"");
    }

    /// <summary>A submitted, accepted application with tests ordered from CTTL through the page.</summary>
    private async Task<(string Application, string Order)> OrderedAsync()
    {
        var id = await ApplicationJourney.SubmittedAsync(Applicant);
        var page = $"/applications/{id}";
        (await PostFormAsync(Handler, page, "accept")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var ordered = await PostFormAsync(Handler, page, "ordertests", OrderForm("lab-cttl", ["GB 4943.1-2022"]));
        ordered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ordered.Content.ReadAsStringAsync());
        return (id, TestOrderRows().Matches(await Handler.GetStringAsync(page)).Single().Groups[1].Value);
    }

    /// <summary>The applicant records, on the application page, that the order's samples are with a carrier.</summary>
    private async Task DispatchAsync(string applicationPage, string orderId)
    {
        var form = await Applicant.GetStringAsync(applicationPage);
        form.ShouldContain($"id=\"dispatch-form-{orderId}\"");
        using var dispatched = await PostFormAsync(Applicant, applicationPage, "dispatch",
            new() { ["OrderId"] = orderId, ["Carrier"] = "SF Express", ["TrackingNumber"] = "SF" + orderId[..8] });
        dispatched.StatusCode.ShouldBe(HttpStatusCode.Redirect, await dispatched.Content.ReadAsStringAsync());
        (await Engineer.GetStringAsync($"/lab/orders/{orderId}")).ShouldContain("data-samples=\"dispatched\"");
    }

    /// <summary>The lab receives the samples and records a result for each standard the page lists, failing one if named.</summary>
    private async Task RecordAsync(string orderId, string? failing)
    {
        var page = $"/lab/orders/{orderId}";
        using (var received = await PostFormAsync(Engineer, page, "receive"))
        {
            received.StatusCode.ShouldBe(HttpStatusCode.Redirect, await received.Content.ReadAsStringAsync());
        }

        var form = await Engineer.GetStringAsync(page);
        form.ShouldContain("data-state=\"received\"");
        var fields = new Dictionary<string, string>();
        foreach (var (standard, i) in ResultStandards().Matches(form).Select((m, i) => (WebUtility.HtmlDecode(m.Groups[1].Value), i)))
        {
            fields[$"Results[{i}].Standard"] = standard;
            fields[$"Results[{i}].Verdict"] = standard == failing ? "fail" : "pass";
            fields[$"Results[{i}].Notes"] = standard == failing ? "§5.1 radiated emission 3 dB over the limit" : string.Empty;
        }

        using var recorded = await PostFormAsync(Engineer, page, "results", fields);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync());
        (await Engineer.GetStringAsync(page)).ShouldContain($"data-outcome=\"{(failing is null ? "passed" : "failed")}\"");
    }

    private static Dictionary<string, string> OrderForm(string lab, IReadOnlyList<string> standards)
    {
        var form = new Dictionary<string, string>
        {
            ["Lab"] = lab,
            ["Samples[0].Model"] = "X14",
            ["Samples[0].Quantity"] = "2",
            ["Samples[1].Model"] = "X14 Pro",
            ["Samples[1].Quantity"] = "1",
        };
        for (var i = 0; i < standards.Count; i++)
        {
            // Standards[i] binds the same list as repeated Standards checkboxes do.
            form[$"Standards[{i}]"] = standards[i];
        }

        return form;
    }

    /// <summary>Posts a page's form the way a browser does: the token from the page, then the fields, to <c>?handler=</c>.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        fields[TokenField] = await CertaTestApp.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static string QueueRow(string html, string id)
    {
        var start = html.IndexOf($"<tr id=\"queue-{id}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"application {id} is not in the queue");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<tr id=\"test-order-([0-9a-f-]{36})\"")]
    private static partial Regex TestOrderRows();

    [GeneratedRegex("<tr id=\"queue-([0-9a-f-]{36})\"")]
    private static partial Regex QueueRows();

    [GeneratedRegex("id=\"queue-state-submitted\" data-count=\"(\\d+)\"")]
    private static partial Regex CountOf();

    [GeneratedRegex("type=\"checkbox\" name=\"Standards\" value=\"([^\"]+)\"")]
    private static partial Regex Checkboxes();

    [GeneratedRegex("name=\"Results\\[\\d+\\]\\.Standard\" value=\"([^\"]+)\"")]
    private static partial Regex ResultStandards();
}

[Collection("sqlite")]
public sealed class SqliteBodyAndLabPagesTests(SqliteSignedInDemoFixture fixture) : BodyAndLabPagesTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresBodyAndLabPagesTests(PostgresSignedInDemoFixture fixture) : BodyAndLabPagesTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
