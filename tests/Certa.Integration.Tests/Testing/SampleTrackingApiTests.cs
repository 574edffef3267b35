using System.Net;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Demo;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Files;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Applications;
using Certa.Integration.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using static Certa.Integration.Tests.Testing.TestOrderJourney;

namespace Certa.Integration.Tests.Testing;

/// <summary>
/// The samples of a test order from the applicant's dispatch to the lab's return, the lab's report file,
/// and cancelling orders (by the body, or by withdrawing the application), on each database.
/// </summary>
public abstract class SampleTrackingApiTests(SignedInDemoFixture fixture)
{
    private HttpClient Applicant => fixture.As(Role.ApplicantUser).Client;

    private HttpClient Handler => fixture.As(Role.ApplicationHandler).Client;

    /// <summary>engineer@lab-cttl.example.</summary>
    private HttpClient Engineer => fixture.As(Role.LabEngineer).Client;

    private HttpClient Officer => fixture.As(Role.AuthorityOfficer).Client;

    private async Task<string> OrderedAsync()
    {
        var applicationId = await TestOrderJourney.AcceptedAsync(Applicant, Handler);
        return (await OrderAsync(Handler, applicationId)).Str("id");
    }

    /// <summary>Dispatched, received and passed against every standard.</summary>
    private async Task<string> CompletedAsync()
    {
        var applicationId = await TestOrderJourney.AcceptedAsync(Applicant, Handler);
        var order = await OrderAsync(Handler, applicationId);
        var id = order.Str("id");
        await ReceivedAsync(Applicant, Engineer, id);
        (await OkAsync(Engineer, $"/api/v1/test-orders/{id}/results", Results(order))).Str("state").ShouldBe("completed");
        return id;
    }

    private static string SampleState(JsonElement order) => order.GetProperty("sampleTracking").Str("state");

    private async Task<string[]> ActionsAsync(string orderId) =>
        [.. (await Officer.GetJsonAsync($"/api/v1/audit/events?entityType=test_order&entityId={orderId}&pageSize=100")).Items().Select(e => e.Str("action"))];

    [Fact]
    public async Task TheSamplesJourney_PlanDispatchReceiveTestReturn_IsShownToTheApplicantAndAudited()
    {
        var applicationId = await TestOrderJourney.AcceptedAsync(Applicant, Handler);
        var order = await OkAsync(Handler, $"/api/v1/applications/{applicationId}/test-orders", new
        {
            lab = "lab-cttl",
            samples = new[] { new { model = "X14", quantity = 2, basis = "critical components list rev. 3" } },
        }, HttpStatusCode.Created);
        var id = order.Str("id");

        var seen = await Applicant.GetJsonAsync($"/api/v1/test-orders/{id}");
        var dispatched = await OkAsync(Applicant, $"/api/v1/test-orders/{id}/dispatch", Parcel("SF0001"));
        var received = await OkAsync(Engineer, $"/api/v1/test-orders/{id}/receive");
        var tested = await OkAsync(Engineer, $"/api/v1/test-orders/{id}/results", Results(order));
        var returned = await OkAsync(Engineer, $"/api/v1/test-orders/{id}/return-samples", new { carrier = "EMS", trackingNumber = "EE123456789CN" });

        seen.GetProperty("samples")[0].Str("basis").ShouldBe("critical components list rev. 3");
        SampleState(seen).ShouldBe("planned");
        (await Applicant.GetJsonAsync($"/api/v1/test-orders?application={applicationId}")).EnumerateArray().Select(o => o.Str("id")).ShouldBe([id]);
        SampleState(dispatched).ShouldBe("dispatched");
        dispatched.GetProperty("sampleTracking").GetProperty("dispatch").Str("trackingNumber").ShouldBe("SF0001");
        dispatched.GetProperty("sampleTracking").GetProperty("dispatch").Str("sentOn").ShouldBe(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        SampleState(received).ShouldBe("received");
        received.GetProperty("sampleTracking").GetProperty("receivedAt").ValueKind.ShouldBe(JsonValueKind.String);
        SampleState(tested).ShouldBe("tested");
        SampleState(returned).ShouldBe("returned");
        returned.GetProperty("sampleTracking").GetProperty("return").Str("carrier").ShouldBe("EMS");
        (await ActionsAsync(id)).ShouldBe(["test_order.placed", "test_order.samples_dispatched", "test_order.received", "test_order.results_recorded",
            "test_order.completed", "test_order.samples_returned"], ignoreOrder: true);
    }

    [Fact]
    public async Task AfterTesting_TheLabRetainsTheSamplesUntilADay()
    {
        var id = await CompletedAsync();
        var until = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var retained = await OkAsync(Engineer, $"/api/v1/test-orders/{id}/retain-samples", new { until });

        SampleState(retained).ShouldBe("retained");
        retained.GetProperty("sampleTracking").Str("retainedUntil").ShouldBe(until);
        (await ActionsAsync(id)).ShouldContain("test_order.samples_retained");
    }

    [Fact]
    public async Task Dispatch_ByAnotherApplicant_Is403_AndItNeitherSeesNorChangesTheOrder()
    {
        var id = await OrderedAsync();
        using var other = await SignInNewApplicantAsync();

        using var dispatch = await other.SendAsync(HttpMethod.Post, $"/api/v1/test-orders/{id}/dispatch", Parcel());
        using var read = await other.GetAsync($"/api/v1/test-orders/{id}");
        var listed = await other.GetJsonAsync("/api/v1/test-orders");

        await dispatch.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "other-organisation");
        await read.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "other-organisation");
        listed.GetArrayLength().ShouldBe(0);
        SampleState(await Handler.GetJsonAsync($"/api/v1/test-orders/{id}")).ShouldBe("planned");
    }

    [Fact]
    public async Task Dispatch_ByTheLab_IsRefused()
    {
        var id = await OrderedAsync();

        using var byEngineer = await Engineer.SendAsync(HttpMethod.Post, $"/api/v1/test-orders/{id}/dispatch", Parcel());
        using var byLabAdmin = await fixture.As(Role.OrganisationAdmin).Client.SendAsync(HttpMethod.Post, $"/api/v1/test-orders/{id}/dispatch", Parcel());

        byEngineer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The demo's organisation admin is the lab's: it may dispatch samples, but only of its own applications.
        await byLabAdmin.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "other-organisation");
    }

    [Fact]
    public async Task Dispatch_Twice_Is409_AndWithoutATrackingNumber_Is400()
    {
        var id = await OrderedAsync();

        using var incomplete = await Applicant.SendAsync(HttpMethod.Post, $"/api/v1/test-orders/{id}/dispatch", new { carrier = "SF Express" });
        await DispatchAsync(Applicant, id);
        using var again = await Applicant.SendAsync(HttpMethod.Post, $"/api/v1/test-orders/{id}/dispatch", Parcel("SF0002"));

        await incomplete.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "tracking-number-required");
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "samples-already-dispatched");
    }

    [Fact]
    public async Task Receive_BeforeTheApplicantDispatched_Is409()
    {
        var id = await OrderedAsync();

        using var response = await Engineer.PostAsync($"/api/v1/test-orders/{id}/receive", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "samples-not-dispatched");
        (await Handler.GetJsonAsync($"/api/v1/test-orders/{id}")).Str("state").ShouldBe("ordered");
    }

    [Fact]
    public async Task ReturnOrRetain_BeforeTheOrderCompletes_Is409()
    {
        var id = await OrderedAsync();
        await ReceivedAsync(Applicant, Engineer, id);

        using var returned = await Engineer.SendAsync(HttpMethod.Post, $"/api/v1/test-orders/{id}/return-samples", Parcel());
        using var retained = await Engineer.SendAsync(HttpMethod.Post, $"/api/v1/test-orders/{id}/retain-samples", new { until = "2099-01-01" });

        await returned.ShouldBeProblemAsync(HttpStatusCode.Conflict, "test-order-received");
        await retained.ShouldBeProblemAsync(HttpStatusCode.Conflict, "test-order-received");
        SampleState(await Engineer.GetJsonAsync($"/api/v1/test-orders/{id}")).ShouldBe("received");
    }

    [Fact]
    public async Task TheReport_UploadedByTheLab_IsDownloadedByEveryoneWhoMaySeeTheOrder_ButNotByAnotherLab()
    {
        var id = await CompletedAsync();
        var content = "%PDF-1.7\n% CTTL test report\n"u8.ToArray();

        using var uploaded = await UploadReportAsync(Engineer, id, content, "CTTL-2026-0042.pdf");
        using var cesi = await fixture.App.SignInAsync("engineer@lab-cesi.example");
        using var refused = await cesi.GetAsync($"/api/v1/test-orders/{id}/report");

        uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        var report = (await uploaded.ReadJsonAsync()).GetProperty("report");
        report.Str("fileName").ShouldBe("CTTL-2026-0042.pdf");
        report.Str("sha256").ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
        foreach (var reader in new[] { Engineer, Handler, Officer, Applicant })
        {
            using var download = await reader.GetAsync($"/api/v1/test-orders/{id}/report");
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(content);
        }

        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "other-organisation");
        (await ActionsAsync(id)).ShouldContain("test_order.report_attached");
    }

    [Theory]
    [InlineData("empty", "file-empty")]
    [InlineData("text", "file-type-not-allowed")]
    [InlineData("too-big", "file-too-large")]
    public async Task ABadReport_Is400_AndNothingIsStoredOrChanged(string kind, string code)
    {
        var id = await OrderedAsync();
        await ReceivedAsync(Applicant, Engineer, id);
        var before = await Engineer.GetJsonAsync($"/api/v1/test-orders/{id}");
        var filesBefore = ApplicationJourney.FilesOnDisk(fixture.App);
        byte[] content = kind switch
        {
            "empty" => [],
            "text" => "Test report: all passed."u8.ToArray(),
            _ => [.. "%PDF-"u8.ToArray(), .. new byte[DocumentRules.MaxBytes - 4]],
        };

        using var response = await UploadReportAsync(Engineer, id, content);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        ApplicationJourney.FilesOnDisk(fixture.App).ShouldBe(filesBefore);
        var after = await Engineer.GetJsonAsync($"/api/v1/test-orders/{id}");
        after.GetProperty("report").ValueKind.ShouldBe(JsonValueKind.Null);
        after.Int("version").ShouldBe(before.Int("version"));
        using var download = await Engineer.GetAsync($"/api/v1/test-orders/{id}/report");
        await download.ShouldBeProblemAsync(HttpStatusCode.NotFound, "report-not-found");
    }

    [Fact]
    public async Task AReport_BeforeTheSamplesArrive_Is409_AndStoresNothing()
    {
        var id = await OrderedAsync();
        var filesBefore = ApplicationJourney.FilesOnDisk(fixture.App);

        using var response = await UploadReportAsync(Engineer, id, "%PDF-1.7\n% too early\n"u8.ToArray());

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "test-order-ordered");
        ApplicationJourney.FilesOnDisk(fixture.App).ShouldBe(filesBefore);
    }

    [Fact]
    public async Task Results_NamingAReportThatIsNotStored_Are400()
    {
        var id = await OrderedAsync();
        var order = await ReceivedAsync(Applicant, Engineer, id);

        using var response = await Engineer.SendAsync(HttpMethod.Post, $"/api/v1/test-orders/{id}/results",
            Results(order, report: new { sha256 = new string('a', 64), fileName = "ghost.pdf" }));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "report-not-stored");
        (await Engineer.GetJsonAsync($"/api/v1/test-orders/{id}")).Str("state").ShouldBe("received");
    }

    [Fact]
    public async Task Cancel_ByTheBody_ClosesTheOrder_AndTheLabReturnsTheSamplesItHas()
    {
        var id = await OrderedAsync();
        await ReceivedAsync(Applicant, Engineer, id);

        using var byApplicant = await Applicant.SendAsync(HttpMethod.Post, $"/api/v1/test-orders/{id}/cancel", new { reason = "No longer needed." });
        using var withoutReason = await Handler.SendAsync(HttpMethod.Post, $"/api/v1/test-orders/{id}/cancel", new { reason = " " });
        var cancelled = await OkAsync(Handler, $"/api/v1/test-orders/{id}/cancel", new { reason = "Wrong standards ordered." });
        using var again = await Handler.SendAsync(HttpMethod.Post, $"/api/v1/test-orders/{id}/cancel", new { reason = "Again." });
        var returned = await OkAsync(Engineer, $"/api/v1/test-orders/{id}/return-samples", Parcel("SF0003"));

        byApplicant.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await withoutReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reason-required");
        cancelled.Str("state").ShouldBe("cancelled");
        cancelled.Str("cancelReason").ShouldBe("Wrong standards ordered.");
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "test-order-closed");
        SampleState(returned).ShouldBe("returned");
    }

    [Fact]
    public async Task WithdrawingTheApplication_CancelsItsOpenOrders_ButNotACompletedOne()
    {
        var applicationId = await TestOrderJourney.AcceptedAsync(Applicant, Handler);
        var open = (await OrderAsync(Handler, applicationId)).Str("id");
        var received = (await OrderAsync(Handler, applicationId)).Str("id");
        await ReceivedAsync(Applicant, Engineer, received);
        var completed = await OrderAsync(Handler, applicationId);
        await ReceivedAsync(Applicant, Engineer, completed.Str("id"));
        await OkAsync(Engineer, $"/api/v1/test-orders/{completed.Str("id")}/results", Results(completed));

        (await OkAsync(Applicant, $"/api/v1/applications/{applicationId}/withdraw", new { reason = "Model discontinued." })).Str("state").ShouldBe("withdrawn");

        foreach (var id in new[] { open, received })
        {
            var order = await Handler.GetJsonAsync($"/api/v1/test-orders/{id}");
            order.Str("state").ShouldBe("cancelled");
            order.Str("cancelReason").ShouldBe("application withdrawn: Model discontinued.");
            var cancelled = (await Officer.GetJsonAsync($"/api/v1/audit/events?entityType=test_order&entityId={id}&pageSize=100"))
                .Items().Single(e => e.Str("action") == "test_order.cancelled");
            cancelled.Str("actor").ShouldBe(fixture.As(Role.ApplicantUser).AuditName);
        }

        (await Handler.GetJsonAsync($"/api/v1/test-orders/{completed.Str("id")}")).Str("state").ShouldBe("completed");
    }

    [Fact]
    public async Task AWithdrawalThatIsRefused_CancelsNoOrder()
    {
        var id = await OrderedAsync();
        var applicationId = (await Handler.GetJsonAsync($"/api/v1/test-orders/{id}")).Str("application");

        using var response = await Applicant.SendAsync(HttpMethod.Post, $"/api/v1/applications/{applicationId}/withdraw", new { reason = " " });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await Handler.GetJsonAsync($"/api/v1/test-orders/{id}")).Str("state").ShouldBe("ordered");
    }

    /// <summary>A second applicant organisation with one applicant user, made the way <c>certa</c> would.</summary>
    private async Task<HttpClient> SignInNewApplicantAsync()
    {
        var organisation = $"other-maker-{Guid.NewGuid():N}"[..24];
        var email = $"applicant@{organisation}.example";
        var password = DemoWorld.NewPassword();
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var who = CommandContext.CommandLine();
            await scope.ServiceProvider.GetRequiredService<OrganisationCommands>().CreateAsync(who,
                new NewOrganisation(organisation, OrganisationKind.Applicant, new LocalizedText("Other Maker Ltd."), null, "CN"), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<PeopleCommands>().AddAsync(who, organisation, "Other Applicant", email, [Role.ApplicantUser],
                password, CancellationToken.None);
        }

        return await fixture.App.SignInAsync(email, password);
    }
}

[Collection("sqlite")]
public sealed class SqliteSampleTrackingApiTests(SqliteSignedInDemoFixture fixture) : SampleTrackingApiTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresSampleTrackingApiTests(PostgresSignedInDemoFixture fixture) : SampleTrackingApiTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
