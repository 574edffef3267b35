using System.Globalization;
using System.Net;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Domain.Certificates;
using Certa.Domain.Supervision.FollowUps;
using Certa.Domain.Supervision.Inspections;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;

namespace Certa.Integration.Tests.Supervision.Inspections;

/// <summary>
/// Follow-up inspections through the API, on each database: the body plans one with its registered auditor and records
/// it; a failure suspends the certificate in the same request, naming the rule in the audit trail; bad input is refused
/// with problem details and writes nothing.
/// </summary>
public abstract class InspectionApiTests(SignedInDemoFixture fixture)
{
    private HttpClient Body => fixture.As(Role.BodyAdmin).Client;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A certificate issued a year ago less a week, so its first follow-up is due in a week; planned for today.</summary>
    private async Task<(Certificate Certificate, JsonElement Inspection)> PlannedAsync()
    {
        var issued = DateTimeOffset.UtcNow.AddYears(-1).AddDays(7);
        var certificate = await CertificateSeed.IssueAsync(ClockedServices.At(fixture.App.Services, issued));
        using var response = await Body.PostAsync("/api/v1/inspections", Json.Body(new
        {
            certificate = certificate.Number,
            dueOn = Day(certificate.IssuedOn.AddYears(1)),
            plannedOn = Day(Today),
            inspectors = new[] { await AuditorAsync() },
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (certificate, await response.ReadJsonAsync());
    }

    private Task<Guid> AuditorAsync() =>
        fixture.App.QueryAsync(db => db.People.Where(p => p.Email == "auditor@cqc.example").Select(p => p.Id).SingleAsync());

    private async Task<HttpResponseMessage> RecordAsync(JsonElement inspection, object result) =>
        await Body.PostAsync($"/api/v1/inspections/{inspection.Str("id")}/result", Json.Body(result));

    [Fact]
    public async Task PlannedFollowUp_RecordedPassed_IsPublished_AndLeavesTheCertificateActive()
    {
        var (certificate, planned) = await PlannedAsync();
        planned.Str("state").ShouldBe("planned");
        planned.Str("kind").ShouldBe("follow_up");
        planned.Str("organisedBy").ShouldBe("cqc");

        using var response = await RecordAsync(planned, new { outcome = "passed", performedOn = Day(Today), summary = "Production conforms." });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var recorded = await response.ReadJsonAsync();
        recorded.Str("state").ShouldBe("passed");
        recorded.GetProperty("recordedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await Body.GetJsonAsync($"/api/v1/inspections/{planned.Str("id")}")).Str("state").ShouldBe("passed");
        (await fixture.App.QueryAsync(db => db.Certificates.SingleAsync(c => c.Id == certificate.Id))).State.ShouldBe(CertificateState.Active);
        var worklist = await Body.GetJsonAsync("/api/v1/bodies/cqc/follow-ups");
        worklist.GetProperty("due").EnumerateArray().ShouldNotContain(p => p.Str("certificate") == certificate.Number);
    }

    [Fact]
    public async Task FailedFollowUp_SuspendsTheCertificateAtOnce_WithItsDeadline_AndTheRuleInTheAuditEntry()
    {
        var (certificate, planned) = await PlannedAsync();

        using var response = await RecordAsync(planned, new { outcome = "failed", performedOn = Day(Today), findings = new[] { "Critical component changed without notice" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).GetProperty("findings")[0].GetString().ShouldBe("Critical component changed without notice");
        var stored = await fixture.App.QueryAsync(db => db.Certificates.SingleAsync(c => c.Id == certificate.Id));
        stored.State.ShouldBe(CertificateState.Suspended);
        stored.SuspendedUntil.ShouldBe(Today.AddDays(90));
        stored.StatusHistory[^1].Rule.ShouldBe(FollowUpRuleIds.FailedSuspends);
        var audit = await fixture.App.QueryAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == "certificate" && e.EntityId == certificate.Id.ToString() && e.Action == "certificate.suspended").ToListAsync());
        audit.Count.ShouldBe(1);
        audit[0].Details.ShouldContain(FollowUpRuleIds.FailedSuspends);
        audit[0].Actor.ShouldStartWith("person:");
        var failed = await fixture.App.QueryAsync(db => db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.EntityId == planned.Str("id") && e.Action == "inspection.failed"));
        failed.CorrelationId.ShouldBe(audit[0].CorrelationId, "the result and the suspension are one transaction");
    }

    [Fact]
    public async Task BadResults_AreRefusedWithProblemDetails_AndChangeNothing()
    {
        var (certificate, planned) = await PlannedAsync();

        await ShouldRefuseAsync(planned, new { outcome = "failed", performedOn = Day(Today), findings = Array.Empty<string>() }, 400, "findings-required");
        await ShouldRefuseAsync(planned, new { outcome = "passed", performedOn = Day(Today.AddDays(1)) }, 400, "performed-in-future");
        await ShouldRefuseAsync(planned, new { outcome = "maybe", performedOn = Day(Today) }, 400, "outcome-invalid");
        using (var cancel = await Body.PostAsync($"/api/v1/inspections/{planned.Str("id")}/cancel", Json.Body(new { reason = "Factory closed for the holiday" })))
        {
            cancel.StatusCode.ShouldBe(HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync());
        }

        await ShouldRefuseAsync(planned, new { outcome = "failed", performedOn = Day(Today), findings = new[] { "Too late" } }, 409, "inspection-not-planned");

        var inspection = await fixture.App.QueryAsync(db => db.Inspections.AsNoTracking().SingleAsync(i => i.Id == Guid.Parse(planned.Str("id"))));
        inspection.State.ShouldBe(InspectionState.Cancelled);
        inspection.Findings.ShouldBeEmpty();
        (await fixture.App.QueryAsync(db => db.Certificates.SingleAsync(c => c.Id == certificate.Id))).State.ShouldBe(CertificateState.Active);
    }

    [Fact]
    public async Task Planning_WithAPersonWhoIsNoAuditorOfTheBody_OrOnADayThatIsNoDueDay_IsRefused()
    {
        var certificate = await CertificateSeed.IssueAsync(fixture.App.Services);
        var reviewer = fixture.As(Role.Reviewer).PersonId;
        var before = await fixture.App.QueryAsync(db => db.Inspections.CountAsync());

        using var notAuditor = await Body.PostAsync("/api/v1/inspections", Json.Body(new
        {
            certificate = certificate.Number, dueOn = Day(certificate.IssuedOn.AddYears(1)), plannedOn = Day(Today), inspectors = new[] { reviewer },
        }));
        using var notDue = await Body.PostAsync("/api/v1/inspections", Json.Body(new
        {
            certificate = certificate.Number, dueOn = Day(certificate.IssuedOn.AddDays(100)), plannedOn = Day(Today), inspectors = new[] { await AuditorAsync() },
        }));

        notAuditor.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notAuditor.ReadJsonAsync()).Str("code").ShouldBe("not-an-auditor-of-the-body");
        notDue.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notDue.ReadJsonAsync()).Str("code").ShouldBe("not-a-due-day");
        (await fixture.App.QueryAsync(db => db.Inspections.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task AnotherBody_MayNeitherRecordNorSeeTheInspection()
    {
        var (_, planned) = await PlannedAsync();
        using var other = await fixture.App.SignInAsync("admin@cvc-cert.example");

        using var record = await other.PostAsync($"/api/v1/inspections/{planned.Str("id")}/result", Json.Body(new { outcome = "passed", performedOn = Day(Today) }));
        using var read = await other.GetAsync($"/api/v1/inspections/{planned.Str("id")}");

        record.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        read.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ThePage_RecordsAFailure_ThenShowsTheResultAndTheSuspendedCertificate()
    {
        var (certificate, planned) = await PlannedAsync();
        var page = $"/inspections/{planned.Str("id")}";
        (await Body.GetStringAsync(page)).ShouldContain("id=\"record-form\"");
        var token = await CertaTestApp.AntiforgeryTokenAsync(Body, page);

        using var response = await Body.PostAsync($"{page}?handler=record", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Outcome"] = "failed",
            ["PerformedOn"] = Day(Today),
            ["Findings"] = "Rating plate missing\nCritical component changed",
            ["Summary"] = "Two non-conformities.",
            ["__RequestVerificationToken"] = token,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var shown = await Body.GetStringAsync(response.Headers.Location!.ToString());
        shown.ShouldContain("Critical component changed");
        shown.ShouldContain("data-state=\"suspended\"");
        shown.ShouldContain(FollowUpRuleIds.FailedSuspends);
        shown.ShouldNotContain("id=\"record-form\"");
        (await fixture.App.QueryAsync(db => db.Certificates.SingleAsync(c => c.Id == certificate.Id))).State.ShouldBe(CertificateState.Suspended);
    }

    [Fact]
    public async Task ThePage_RefusesAFailureWithoutFindings_WithItsReason_AndChangesNothing()
    {
        var (_, planned) = await PlannedAsync();
        var page = $"/inspections/{planned.Str("id")}";
        var token = await CertaTestApp.AntiforgeryTokenAsync(Body, page);

        using var response = await Body.PostAsync($"{page}?handler=record", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Outcome"] = "failed",
            ["PerformedOn"] = Day(Today),
            ["Findings"] = "  ",
            ["__RequestVerificationToken"] = token,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("id=\"inspection-error\"");
        (await fixture.App.QueryAsync(db => db.Inspections.AsNoTracking().SingleAsync(i => i.Id == Guid.Parse(planned.Str("id"))))).State
            .ShouldBe(InspectionState.Planned);
    }

    private async Task ShouldRefuseAsync(JsonElement inspection, object result, int status, string code)
    {
        using var response = await RecordAsync(inspection, result);
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadJsonAsync()).Str("code").ShouldBe(code);
    }
}

[Collection("sqlite")]
public sealed class SqliteInspectionApiTests(SqliteSignedInDemoFixture fixture) : InspectionApiTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresInspectionApiTests(PostgresSignedInDemoFixture fixture) : InspectionApiTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
