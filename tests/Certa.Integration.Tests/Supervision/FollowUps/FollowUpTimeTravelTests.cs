using Certa.Domain.Certificates;
using Certa.Domain.Supervision.FollowUps;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Certa.Integration.Tests.Supervision.FollowUps;

/// <summary>
/// Certificates through years of supervision on a clock the test moves, on each database, with the default follow-up
/// rules (data/supervision/follow-up.yaml: yearly, 30 days' grace, 90 days to correct). Each automatic action is a
/// certificate event and an audit entry by Certa itself naming its rule, and a second round the same day does nothing.
/// </summary>
public abstract class FollowUpTimeTravelTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Certificate_PassingItsFollowUpEachYear_StaysActiveThroughTwoYears()
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var certificate = await world.IssueAsync();

        foreach (var year in new[] { 1, 2 })
        {
            var dueOn = certificate.IssuedOn.AddYears(year);
            world.Clock.MoveTo(dueOn.AddDays(-20));
            var inspection = await world.PlanAsync(certificate, dueOn);
            world.Clock.MoveTo(dueOn.AddDays(-5));
            await world.RecordAsync(inspection, passed: true);
            world.Clock.MoveTo(dueOn.AddDays(45));

            var round = await world.RoundAsync();

            round.Suspended.ShouldBe(0, $"year {year}");
            (await world.CertificateAsync(certificate)).State.ShouldBe(CertificateState.Active, $"year {year}");
        }

        (await world.ActionsAsync(certificate)).ShouldBeEmpty();
    }

    [Fact]
    public async Task FollowUpNotPerformed_SuspendsTheCertificate_TheDayAfterItsGrace_OnceAndByItsRule()
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var certificate = await world.IssueAsync();
        var dueOn = certificate.IssuedOn.AddYears(1);

        world.Clock.MoveTo(dueOn.AddDays(30));
        (await world.RoundAsync()).Suspended.ShouldBe(0, "the last day of grace");
        world.Clock.MoveTo(dueOn.AddDays(31));
        (await world.RoundAsync()).Suspended.ShouldBe(1);
        (await world.RoundAsync()).Suspended.ShouldBe(0, "a second round the same day");

        var stored = await world.CertificateAsync(certificate);
        stored.State.ShouldBe(CertificateState.Suspended);
        stored.SuspendedUntil.ShouldBe(dueOn.AddDays(31 + 90));
        var actions = await world.ActionsAsync(certificate);
        actions.Select(a => a.Action).ShouldBe(["certificate.suspended"]);
        actions[0].Actor.ShouldBe("system");
        actions[0].Details.ShouldContain(FollowUpRuleIds.OverdueSuspends);
    }

    [Fact]
    public async Task FailedFollowUp_SuspendsAtOnce_AndWithdrawsTheDayAfterItsDeadline()
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var certificate = await world.IssueAsync();
        var dueOn = certificate.IssuedOn.AddYears(1);
        world.Clock.MoveTo(dueOn.AddDays(-10));
        var inspection = await world.PlanAsync(certificate, dueOn);
        await world.RecordAsync(inspection, passed: false, "Marking on the rating plate missing");
        (await world.CertificateAsync(certificate)).State.ShouldBe(CertificateState.Suspended);

        world.Clock.MoveTo(dueOn.AddDays(-10 + 90));
        (await world.RoundAsync()).Withdrawn.ShouldBe(0, "the deadline itself");
        world.Clock.MoveTo(dueOn.AddDays(-10 + 91));
        (await world.RoundAsync()).Withdrawn.ShouldBe(1);

        (await world.CertificateAsync(certificate)).State.ShouldBe(CertificateState.Withdrawn);
        var actions = await world.ActionsAsync(certificate);
        actions.Select(a => a.Action).ShouldBe(["certificate.suspended", "certificate.withdrawn"]);
        actions[0].Details.ShouldContain(FollowUpRuleIds.FailedSuspends);
        actions[1].Details.ShouldContain(FollowUpRuleIds.DeadlinePassedWithdraws);
        actions[1].Actor.ShouldBe("system");
    }

    [Fact]
    public async Task TheScheduledJob_ExpiresACertificate_AfterItsLastValidDay_NamingTheRule()
    {
        await using var world = await SupervisionWorld.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Certa:Supervision:Scheduler"] = "true",
            ["Certa:Supervision:RunAtStart"] = "false",
        });
        var certificate = await world.IssueAsync(years: 1);
        world.Clock.MoveTo(certificate.ValidUntil.AddDays(1));
        var scheduler = await world.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.TriggerJob(SupervisionJob.Key);

        var expired = await Eventually.Async(async () => (await world.CertificateAsync(certificate)).State == CertificateState.Expired);
        expired.ShouldBeTrue("the job should have expired the certificate");
        var actions = await world.ActionsAsync(certificate);
        actions.Select(a => a.Action).ShouldBe(["certificate.expired"]);
        actions[0].Details.ShouldContain(FollowUpRuleIds.ValidityEndsExpires);
        actions[0].Actor.ShouldBe("system");
    }
}

[Collection("sqlite")]
public sealed class SqliteFollowUpTimeTravelTests() : FollowUpTimeTravelTests(DatabaseProvider.Sqlite);

[Collection("postgres")]
public sealed class PostgresFollowUpTimeTravelTests() : FollowUpTimeTravelTests(DatabaseProvider.Postgres);
