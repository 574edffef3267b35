using System.Net;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Applications;
using Certa.Integration.Tests.Fixtures;
using static Certa.Integration.Tests.Testing.TestOrderJourney;

namespace Certa.Integration.Tests.Testing;

/// <summary>Test orders through the API as the body, the labs and the applicant, on each database.</summary>
public abstract class TestOrderApiTests(SignedInDemoFixture fixture)
{
    private HttpClient Applicant => fixture.As(Role.ApplicantUser).Client;

    private HttpClient Handler => fixture.As(Role.ApplicationHandler).Client;

    /// <summary>engineer@lab-cttl.example.</summary>
    private HttpClient Engineer => fixture.As(Role.LabEngineer).Client;

    private HttpClient Officer => fixture.As(Role.AuthorityOfficer).Client;

    private Task<string> AcceptedAsync(string productType = "ccc.0902") => TestOrderJourney.AcceptedAsync(Applicant, Handler, productType);

    private async Task<JsonElement> TestedAsync(string applicationId, string? failing = null)
    {
        var order = await OrderAsync(Handler, applicationId);
        var id = order.Str("id");
        await ReceivedAsync(Applicant, Engineer, id);
        return await OkAsync(Engineer, $"/api/v1/test-orders/{id}/results", Results(order, failing == "first" ? Standards(order)[0] : failing));
    }

    [Fact]
    public async Task TheWholePath_OrderReceivePassAndComplete_MovesTheApplicationToTheFactoryAudit_AndIsAudited()
    {
        var applicationId = await AcceptedAsync();

        var order = await OrderAsync(Handler, applicationId);
        (await Applicant.GetJsonAsync($"/api/v1/applications/{applicationId}")).Str("state").ShouldBe("testing");
        order.Str("state").ShouldBe("ordered");
        Standards(order).ShouldContain("GB 4943.1-2022");
        var orderId = order.Str("id");
        (await Engineer.GetJsonAsync("/api/v1/test-orders")).EnumerateArray().Select(o => o.Str("id")).ShouldContain(orderId);
        (await ReceivedAsync(Applicant, Engineer, orderId)).Str("state").ShouldBe("received");
        var completed = await OkAsync(Engineer, $"/api/v1/test-orders/{orderId}/results", Results(order));
        using (var report = await UploadReportAsync(Engineer, orderId, ApplicationJourney.Pdf))
        {
            report.StatusCode.ShouldBe(HttpStatusCode.OK, await report.Content.ReadAsStringAsync());
            (await report.ReadJsonAsync()).GetProperty("report").Str("fileName").ShouldBe("CTTL-report.pdf");
        }

        var application = await OkAsync(Handler, $"/api/v1/applications/{applicationId}/complete-testing");

        completed.Str("state").ShouldBe("completed");
        completed.Str("outcome").ShouldBe("passed");
        application.Str("state").ShouldBe("factory_audit");
        var orderEvents = (await Officer.GetJsonAsync($"/api/v1/audit/events?entityType=test_order&entityId={orderId}&pageSize=100")).Items().ToList();
        orderEvents.Select(e => e.Str("action")).ShouldBe(
            ["test_order.placed", "test_order.samples_dispatched", "test_order.received", "test_order.results_recorded", "test_order.completed",
             "test_order.report_attached"], ignoreOrder: true);
        orderEvents.Single(e => e.Str("action") == "test_order.received").Str("actor").ShouldBe(fixture.As(Role.LabEngineer).AuditName);
        var applicationActions = (await Officer.GetJsonAsync($"/api/v1/audit/events?entityType=application&entityId={applicationId}&pageSize=100"))
            .Items().Select(e => e.Str("action")).ToList();
        applicationActions.ShouldContain("application.start_testing");
        applicationActions.ShouldContain("application.evaluator_noted");
        applicationActions.ShouldContain("application.complete_testing");
    }

    [Fact]
    public async Task AFail_OpensACorrectiveActionAndARetest_AndTheRetestsPassCompletesTesting()
    {
        var applicationId = await AcceptedAsync();
        var failed = await TestedAsync(applicationId, failing: "first");
        failed.Str("outcome").ShouldBe("failed");
        using (var refused = await Handler.PostAsync($"/api/v1/applications/{applicationId}/complete-testing", null))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "test-orders-failed");
        }

        var retest = await OkAsync(Handler, $"/api/v1/test-orders/{failed.Str("id")}/retest",
            new { correctiveAction = "Add a ferrite core to the display cable.", deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, HttpStatusCode.Created);
        retest.Str("retestOf").ShouldBe(failed.Str("id"));
        Standards(retest).ShouldBe([Standards(failed)[0]]);
        var superseded = await Handler.GetJsonAsync($"/api/v1/test-orders/{failed.Str("id")}");
        superseded.GetProperty("superseded").GetBoolean().ShouldBeTrue();
        superseded.GetProperty("correctiveAction").Str("retestOrderId").ShouldBe(retest.Str("id"));
        using (var stillOpen = await Handler.PostAsync($"/api/v1/applications/{applicationId}/complete-testing", null))
        {
            await stillOpen.ShouldBeProblemAsync(HttpStatusCode.Conflict, "test-orders-open");
        }

        await ReceivedAsync(Applicant, Engineer, retest.Str("id"));
        (await OkAsync(Engineer, $"/api/v1/test-orders/{retest.Str("id")}/results", Results(retest))).Str("outcome").ShouldBe("passed");
        (await OkAsync(Handler, $"/api/v1/applications/{applicationId}/complete-testing")).Str("state").ShouldBe("factory_audit");
        (await Officer.GetJsonAsync($"/api/v1/audit/events?entityType=test_order&entityId={failed.Str("id")}&pageSize=100"))
            .Items().Select(e => e.Str("action")).ShouldContain("test_order.corrective_action_opened");
    }

    [Fact]
    public async Task CompleteTesting_WithAnOpenOrder_Is409_AndTheApplicationStaysInTesting()
    {
        var applicationId = await AcceptedAsync();
        await OrderAsync(Handler, applicationId);

        using var response = await Handler.PostAsync($"/api/v1/applications/{applicationId}/complete-testing", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "test-orders-open");
        (await Handler.GetJsonAsync($"/api/v1/applications/{applicationId}")).Str("state").ShouldBe("testing");
    }

    [Fact]
    public async Task AnOrderToALabNotDesignatedForTheProductType_Is400_NamingTheLabAndProduct()
    {
        // CTTL's CCC designation is category 8 (electronics); refrigerators (0701) are household appliances, category 7.
        var applicationId = await AcceptedAsync("ccc.0701");

        using var response = await Handler.PostAsync($"/api/v1/applications/{applicationId}/test-orders", Json.Body(new { lab = "lab-cttl" }));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "lab-not-designated");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("lab-cttl");
        body.ShouldContain("ccc.0701");
        (await Handler.GetJsonAsync($"/api/v1/applications/{applicationId}")).Str("state").ShouldBe("accepted");
        (await Handler.GetJsonAsync($"/api/v1/test-orders?application={applicationId}")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task AnOrderToAnOrganisationThatIsNoLab_Is400()
    {
        var applicationId = await AcceptedAsync();

        using var response = await Handler.PostAsync($"/api/v1/applications/{applicationId}/test-orders", Json.Body(new { lab = "cqc" }));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "unknown-lab");
    }

    [Fact]
    public async Task AnotherLab_NeitherSeesNorRecordsOnTheOrder()
    {
        var applicationId = await AcceptedAsync();
        var order = await OrderAsync(Handler, applicationId);
        var id = order.Str("id");
        using var cesi = await fixture.App.SignInAsync("engineer@lab-cesi.example");

        using var get = await cesi.GetAsync($"/api/v1/test-orders/{id}");
        using var receive = await cesi.PostAsync($"/api/v1/test-orders/{id}/receive", null);
        using var results = await cesi.SendAsync(HttpMethod.Post, $"/api/v1/test-orders/{id}/results", Results(order));
        var listed = await cesi.GetJsonAsync("/api/v1/test-orders");

        await get.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "other-organisation");
        await receive.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "other-organisation");
        await results.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "other-organisation");
        listed.EnumerateArray().Select(o => o.Str("id")).ShouldNotContain(id);
        (await Handler.GetJsonAsync($"/api/v1/test-orders/{id}")).Str("state").ShouldBe("ordered");
    }

    [Fact]
    public async Task TheLab_CannotSeeTheApplicationItself_NorOrderTests()
    {
        var applicationId = await AcceptedAsync();

        using var application = await Engineer.GetAsync($"/api/v1/applications/{applicationId}");
        using var order = await Engineer.PostAsync($"/api/v1/applications/{applicationId}/test-orders", Json.Body(new { lab = "lab-cttl" }));

        application.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        order.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheApplicant_CannotOrderTests()
    {
        var applicationId = await AcceptedAsync();

        using var response = await Applicant.PostAsync($"/api/v1/applications/{applicationId}/test-orders", Json.Body(new { lab = "lab-cttl" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Handler.GetJsonAsync($"/api/v1/applications/{applicationId}")).Str("state").ShouldBe("accepted");
    }

    [Fact]
    public async Task AnOrderBeforeAcceptance_Is409()
    {
        var applicationId = (await ApplicationJourney.DraftAsync(Applicant)).Str("id");

        using var response = await Handler.PostAsync($"/api/v1/applications/{applicationId}/test-orders", Json.Body(new { lab = "lab-cttl" }));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "application-not-testable");
    }

    [Fact]
    public async Task ResultsBeforeTheSamplesArrive_Are409()
    {
        var applicationId = await AcceptedAsync();
        var order = await OrderAsync(Handler, applicationId);

        using var response = await Engineer.SendAsync(HttpMethod.Post, $"/api/v1/test-orders/{order.Str("id")}/results", Results(order));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "test-order-ordered");
    }
}

[Collection("sqlite")]
public sealed class SqliteTestOrderApiTests(SqliteSignedInDemoFixture fixture) : TestOrderApiTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresTestOrderApiTests(PostgresSignedInDemoFixture fixture) : TestOrderApiTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
