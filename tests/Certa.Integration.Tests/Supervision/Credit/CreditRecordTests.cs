using System.Net;
using System.Text.Json;
using Certa.Domain.Access;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Supervision.Credit;
using Certa.Domain.Supervision.FollowUps;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Access;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Supervision.Credit;

/// <summary>
/// Credit records through the running app, on each database: the events committed facts cause (a suspension, a
/// withdrawal, an overdue follow-up, a failed inspection), each counted once; an officer's event through the API, and its
/// refusals; the public page and API; and a table that refuses to change what it holds. Each test has its own enterprise.
/// </summary>
public abstract class CreditRecordTests(SignedInDemoFixture fixture)
{
    private HttpClient Officer => fixture.As(Role.AuthorityOfficer).Client;

    private HttpClient Anyone => fixture.App.Client;

    private Task<List<CreditRecord>> RecordsOfAsync(string enterprise) =>
        fixture.App.QueryAsync(db => db.CreditRecords.AsNoTracking().Where(r => r.SubjectId == enterprise).ToListAsync());

    private async Task<JsonElement> CreditAsync(string enterprise) => await Anyone.GetJsonAsync($"/api/v1/credit/enterprise/{enterprise}");

    /// <summary>A new enterprise (an applicant organisation) holding a fresh certificate, so that no other test's events count for it.</summary>
    private async Task<Certificate> HolderWithCertificateAsync(string enterprise)
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            db.Organisations.Add(Organisation.Create(enterprise, OrganisationKind.Applicant, new LocalizedText($"Credit test {enterprise}"), null, "CN", DateTimeOffset.UtcNow));
            await db.CommitAsync(CommandContext.CommandLine(), DateTimeOffset.UtcNow, default);
        }

        return await CertificateSeed.IssueAsync(fixture.App.Services, enterprise);
    }

    private async Task<long> SequenceOfAsync(string action, Guid entity) =>
        await fixture.App.QueryAsync(db => db.AuditEvents.Where(e => e.Action == action && e.EntityId == entity.ToString()).Select(e => e.Sequence).SingleAsync());

    [Fact]
    public async Task ASuspensionThenAWithdrawal_EachAppendOneRecord_AndTheLevelFalls()
    {
        var certificate = await HolderWithCertificateAsync("credit-test-withdrawn");
        var clean = await CreditAsync("credit-test-withdrawn");
        (clean.GetProperty("score").GetDecimal(), clean.GetProperty("level").Str("id"), clean.GetProperty("events").GetArrayLength()).ShouldBe((100m, "A", 0));
        using (var none = await Anyone.GetAsync("/api/v1/credit/enterprise/no-such-enterprise"))
        {
            await none.ShouldBeProblemAsync(HttpStatusCode.NotFound, "credit-subject-not-found");
        }

        await CertificateHistorySeed.SuspendAsync(fixture.App.Services, certificate, "Follow-up found the safety label missing.",
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        var suspended = (await RecordsOfAsync("credit-test-withdrawn")).ShouldHaveSingleItem();
        suspended.Type.ShouldBe("certificate-suspended");
        suspended.SubjectKind.ShouldBe(CreditSubjectKind.Enterprise);
        suspended.Reference.ShouldBe(certificate.Number);
        suspended.RecordedBy.ShouldBe("system");
        suspended.CausedBy.ShouldBe(await SequenceOfAsync("certificate.suspended", certificate.Id));
        var afterSuspension = await CreditAsync("credit-test-withdrawn");
        afterSuspension.GetProperty("score").GetDecimal().ShouldBe(90m);
        afterSuspension.GetProperty("level").Str("id").ShouldBe("A");

        await CertificateHistorySeed.WithdrawAsync(fixture.App.Services, certificate, "Not corrected by the deadline.");
        var records = await RecordsOfAsync("credit-test-withdrawn");
        records.Select(r => r.Type).Order().ShouldBe(["certificate-suspended", "certificate-withdrawn"]);
        var afterWithdrawal = await CreditAsync("credit-test-withdrawn");
        afterWithdrawal.GetProperty("score").GetDecimal().ShouldBe(60m);
        afterWithdrawal.GetProperty("level").Str("id").ShouldBe("C");
        afterWithdrawal.GetProperty("flagsApplications").GetBoolean().ShouldBeTrue();
        afterWithdrawal.GetProperty("events").EnumerateArray().Select(e => e.Str("type")).ShouldBe(["certificate-withdrawn", "certificate-suspended"]);
    }

    [Fact]
    public async Task ASuspensionForAnOverdueFollowUp_AlsoCountsTheOverdueFollowUp_OnceEach()
    {
        var certificate = await HolderWithCertificateAsync("credit-test-overdue");
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            var now = DateTimeOffset.UtcNow;
            var loaded = await db.Certificates.SingleAsync(c => c.Id == certificate.Id);
            loaded.Suspend("The yearly follow-up is past its grace period.", DateOnly.FromDateTime(now.UtcDateTime).AddDays(30), now, FollowUpRuleIds.OverdueSuspends);
            await db.CommitAsync(new CommandContext(Actor.System, "credit-test"), now, default);
        }

        var records = await RecordsOfAsync("credit-test-overdue");
        records.Select(r => r.Type).Order().ShouldBe(["certificate-suspended", "follow-up-overdue"]);
        records.Select(r => r.CausedBy).Distinct().ShouldHaveSingleItem().ShouldBe(await SequenceOfAsync("certificate.suspended", certificate.Id));
        records.ShouldAllBe(r => r.Note!.Contains(FollowUpRuleIds.OverdueSuspends));
        (await CreditAsync("credit-test-overdue")).GetProperty("score").GetDecimal().ShouldBe(85m);
    }

    [Fact]
    public async Task AFailedInspection_AppendsOneRecord_AndTheSameFactCannotCountTwice()
    {
        var certificate = await HolderWithCertificateAsync("credit-test-failed");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Guid inspectionId;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            var now = DateTimeOffset.UtcNow;
            var inspection = Inspection.PlanFollowUp(Guid.CreateVersion7(), certificate, today.AddDays(10), today, [fixture.As(Role.Auditor).PersonId.ToString()], now);
            inspectionId = inspection.Id;
            db.Inspections.Add(inspection);
            await db.CommitAsync(CommandContext.CommandLine(), now, default);
            (await RecordsOfAsync("credit-test-failed")).ShouldBeEmpty("planning is no credit event");

            inspection.RecordFailed(today, ["The factory used an uncertified power supply."], "Critical component changed.", now);
            await db.CommitAsync(CommandContext.CommandLine(), now, default);
        }

        var failed = (await RecordsOfAsync("credit-test-failed")).ShouldHaveSingleItem();
        failed.Type.ShouldBe("inspection-failed");
        failed.CausedBy.ShouldBe(await SequenceOfAsync("inspection.failed", inspectionId));
        (await CreditAsync("credit-test-failed")).GetProperty("level").Str("id").ShouldBe("B");

        // Recording the result again is refused by the inspection, and a second row for the same fact by the table.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            var again = await db.Inspections.SingleAsync(i => i.Id == inspectionId);
            Should.Throw<Certa.Domain.Common.DomainException>(() => again.RecordFailed(today, ["Again."], null, DateTimeOffset.UtcNow));
            db.ChangeTracker.Clear();
            db.CreditRecords.Add(CreditRecord.Of(Guid.NewGuid(), failed.ToEvent(), "system", failed.CausedBy));
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        (await RecordsOfAsync("credit-test-failed")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task AnOfficersEvent_IsRecordedAndAudited_AndThePublicPageAndApiShowIt()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var response = await Officer.SendAsync(HttpMethod.Post, "/api/v1/credit/events",
            new { subject = "demo-display-maker", type = "false-documents", day = today, reference = "CASE-2026-17", note = "Forged test report." });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().ShouldBe("/api/v1/credit/enterprise/demo-display-maker");
        var recorded = await response.ReadJsonAsync();
        recorded.Str("recordedBy").ShouldStartWith("person:");

        var audit = await fixture.App.QueryAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "credit.recorded" && e.EntityId == recorded.Str("id")));
        audit.Organisation.ShouldBe("demo-display-maker");
        recorded.GetProperty("causedBy").GetInt64().ShouldBe(audit.Sequence);

        var credit = await CreditAsync("demo-display-maker");
        credit.GetProperty("level").Str("id").ShouldBe("D", "a serious event holds the level at the lowest");
        var e = credit.GetProperty("events").EnumerateArray().ShouldHaveSingleItem();
        (e.Str("type"), e.Str("reference"), e.GetProperty("serious").GetBoolean(), e.GetProperty("points").GetInt32()).ShouldBe(("false-documents", "CASE-2026-17", true, -50));

        var (status, html) = await fixture.App.GetPageAsync("/credit/enterprise/demo-display-maker", "en");
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("False documents or information provided");
        html.ShouldContain("CASE-2026-17");
        html.ShouldContain("data-level=\"D\"");
        var (_, zh) = await fixture.App.GetPageAsync("/credit/enterprise/demo-display-maker", "zh");
        zh.ShouldContain("提供虚假材料或信息");

        var (listStatus, list) = await fixture.App.GetPageAsync("/credit?kind=enterprise&level=D", "en");
        listStatus.ShouldBe(HttpStatusCode.OK);
        list.ShouldContain("id=\"credit-enterprise-demo-display-maker\"");
        (await Anyone.GetJsonAsync("/api/v1/credit?level=D")).EnumerateArray().ShouldContain(s => s.Str("id") == "demo-display-maker");
        (await Anyone.GetJsonAsync("/api/v1/credit?level=A&kind=body")).EnumerateArray().ShouldContain(s => s.Str("id") == "cvc-cert");
    }

    [Theory]
    [InlineData("demo-fan-works", "no-such-event", 0, HttpStatusCode.BadRequest, "credit-event-unknown")]
    [InlineData("demo-fan-works", "decision-overturned", 0, HttpStatusCode.BadRequest, "credit-event-wrong-subject")]
    [InlineData("cqc", "false-documents", 0, HttpStatusCode.BadRequest, "credit-event-wrong-subject")]
    [InlineData("no-such-organisation", "false-documents", 0, HttpStatusCode.BadRequest, "credit-subject-unknown")]
    [InlineData("demo-fan-works", "false-documents", 1, HttpStatusCode.BadRequest, "credit-day-future")]
    public async Task AnOfficersEvent_WithBadInput_IsRefused_AndNothingIsWritten(string subject, string type, int daysAhead, HttpStatusCode status, string code)
    {
        var before = await fixture.App.QueryAsync(async db => (await db.CreditRecords.CountAsync(), await db.AuditEvents.CountAsync()));
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead);
        using var response = await Officer.SendAsync(HttpMethod.Post, "/api/v1/credit/events", new { subject, type, day });
        await response.ShouldBeProblemAsync(status, code);
        (await fixture.App.QueryAsync(async db => (await db.CreditRecords.CountAsync(), await db.AuditEvents.CountAsync()))).ShouldBe(before);
    }

    [Fact]
    public async Task AnEnterprise_MayNotRecordCreditEvents()
    {
        using var response = await fixture.As(Role.ApplicantUser).Client.SendAsync(HttpMethod.Post, "/api/v1/credit/events",
            new { subject = "demo-fan-works", type = "false-documents", day = DateOnly.FromDateTime(DateTime.UtcNow) });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await RecordsOfAsync("demo-fan-works")).ShouldNotContain(r => r.Type == "false-documents");
    }

    [Fact]
    public async Task TheCreditRecordsTable_RefusesUpdateAndDelete()
    {
        var certificate = await HolderWithCertificateAsync("credit-test-append-only");
        await CertificateHistorySeed.WithdrawAsync(fixture.App.Services, certificate, "Withdrawn for the append-only test.");
        var record = (await RecordsOfAsync("credit-test-append-only")).ShouldHaveSingleItem();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlAsync($"UPDATE \"CreditRecords\" SET \"Note\" = 'changed' WHERE \"SubjectId\" = {record.SubjectId}"));
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"CreditRecords\" WHERE \"SubjectId\" = {record.SubjectId}"));
        (await RecordsOfAsync("credit-test-append-only")).ShouldHaveSingleItem().Note.ShouldBe(record.Note);
    }
}

[Collection("sqlite")]
public sealed class SqliteCreditRecordTests(SqliteSignedInDemoFixture fixture) : CreditRecordTests(fixture), IClassFixture<SqliteSignedInDemoFixture>;

[Collection("postgres")]
public sealed class PostgresCreditRecordTests(PostgresSignedInDemoFixture fixture) : CreditRecordTests(fixture), IClassFixture<PostgresSignedInDemoFixture>;
