using Certa.Domain.Certificates;
using Certa.Domain.Supervision.FollowUps;
using CsCheck;

namespace Certa.Domain.Tests.Supervision.FollowUps;

public sealed class SupervisionWatchTests
{
    private static readonly DateOnly Issued = new(2026, 3, 31);

    [Fact]
    public void NewCertificate_IsListedFromTheWindowBeforeItsFirstDueDay_AndActedOnAfterItsGrace()
    {
        var watch = SupervisionWatch.Of(SupervisedWorld.Ccc, SupervisedWorld.CertificateFacts(Issued)).ShouldNotBeNull();

        watch.NextDueOn.ShouldBe(new DateOnly(2027, 3, 31));
        watch.ListedFrom.ShouldBe(new DateOnly(2027, 3, 31).AddDays(-90));
        watch.ActsFrom.ShouldBe(new DateOnly(2027, 3, 31).AddDays(31));
    }

    [Fact]
    public void PassedFollowUp_MovesTheWatchToTheNextDueDay()
    {
        var facts = SupervisedWorld.CertificateFacts(Issued, followUps: FollowUpRecord.Passed(new DateOnly(2027, 3, 31), new DateOnly(2027, 2, 1)));

        SupervisionWatch.Of(SupervisedWorld.Ccc, facts).ShouldNotBeNull().NextDueOn.ShouldBe(new DateOnly(2028, 3, 31));
    }

    [Fact]
    public void EveryFollowUpDone_LeavesOnlyTheExpiry()
    {
        var facts = SupervisedWorld.CertificateFacts(Issued, validityYears: 2, followUps: FollowUpRecord.Passed(new DateOnly(2027, 3, 31), new DateOnly(2027, 3, 1)));

        var watch = SupervisionWatch.Of(SupervisedWorld.Ccc, facts).ShouldNotBeNull();

        watch.NextDueOn.ShouldBeNull();
        watch.ListedFrom.ShouldBe(new DateOnly(2028, 3, 31));
        watch.ActsFrom.ShouldBe(new DateOnly(2028, 3, 31));
    }

    [Fact]
    public void FailedFollowUp_IsActedOnTheDayItWasPerformed()
    {
        var facts = SupervisedWorld.CertificateFacts(Issued, followUps: FollowUpRecord.Failed(new DateOnly(2027, 3, 31), new DateOnly(2027, 3, 2), ["Label wrong"]));

        SupervisionWatch.Of(SupervisedWorld.Ccc, facts).ShouldNotBeNull().ActsFrom.ShouldBe(new DateOnly(2027, 3, 2));
    }

    [Theory]
    [InlineData(CertificateState.Withdrawn)]
    [InlineData(CertificateState.Expired)]
    [InlineData(CertificateState.Superseded)]
    public void CertificateNoLongerLive_IsNotWatched(CertificateState state) =>
        SupervisionWatch.Of(SupervisedWorld.Ccc, SupervisedWorld.CertificateFacts(Issued, state: state)).ShouldBeNull();

    /// <summary>
    /// The promise the stored watch makes: before <see cref="SupervisionWatch.ListedFrom"/> the worklist has nothing for the
    /// certificate and before <see cref="SupervisionWatch.ActsFrom"/> the decider decides nothing, on any day, for any facts.
    /// </summary>
    [Fact]
    public void BeforeItsDays_NeitherTheWorklistNorTheDeciderHasAnythingForTheCertificate() =>
        Gen.Int.Sample(seed =>
        {
            var (policy, facts, today) = RandomCase(new Random(seed));
            var watch = SupervisionWatch.Of(policy, facts);
            var now = new DateTimeOffset(today, new TimeOnly(2, 0), TimeSpan.Zero);
            var decided = SupervisionDecider.Decide(policy, facts, now) is not null;
            var worklist = FollowUpWorklist.For(new FollowUpRules([policy]), [facts], now);
            var listed = worklist.Due.Count + worklist.Overdue.Count > 0;
            return (!decided || (watch is not null && watch.ActsFrom <= today)) && (!listed || (watch is not null && watch.ListedFrom <= today));
        }, iter: 20_000);

    private static (FollowUpPolicy Policy, SupervisedCertificate Facts, DateOnly Today) RandomCase(Random r)
    {
        var policy = SupervisedWorld.MakePolicy(intervalMonths: r.Next(3, 25), windowDays: r.Next(0, 80), graceDays: r.Next(0, 80),
            overdueDeadlineDays: r.Next(1, 120), correctiveDays: r.Next(1, 120), scheme: FollowUpRules.DefaultScheme);
        var issued = new DateOnly(2024, 1, 1).AddDays(r.Next(0, 1500));
        var validUntil = issued.AddYears(r.Next(1, 6)).AddDays(-1);
        var today = issued.AddDays(r.Next(0, validUntil.DayNumber - issued.DayNumber + 60));
        var states = new[] { CertificateState.Active, CertificateState.Active, CertificateState.Suspended, CertificateState.Withdrawn };
        var draft = new SupervisedCertificate("2026010902000001", FollowUpRules.DefaultScheme, "cqc", issued, validUntil, states[r.Next(states.Length)],
            null, [], []);
        var followUps = new List<FollowUpRecord>();
        foreach (var due in FollowUpSchedule.For(policy, draft).Where(_ => r.Next(3) > 0))
        {
            var on = due.AddDays(r.Next(-100, 120));
            followUps.Add(r.Next(5) switch
            {
                0 => FollowUpRecord.Failed(due, on, ["Label wrong"]),
                1 => FollowUpRecord.NotPerformed(due, plannedOn: on),
                _ => FollowUpRecord.Passed(due, on),
            });
        }

        if (r.Next(4) == 0)
        {
            var on = issued.AddDays(r.Next(0, 900));
            followUps.Add((r.Next(2) == 0 ? FollowUpRecord.Passed(on, on) : FollowUpRecord.Failed(on, on, ["Wrong fuse"])) with { AnswersDueDay = false });
        }

        var suspensions = Enumerable.Range(0, r.Next(0, 3))
            .Select(_ => issued.AddDays(r.Next(0, 1200)))
            .Select(on => new CertificateSuspension(on, on.AddDays(r.Next(1, 120)), r.Next(3) switch
            {
                0 => null,
                1 => FollowUpRuleIds.OverdueSuspends,
                _ => FollowUpRuleIds.FailedSuspends,
            }));

        // What Certa can know on the day: nothing performed or suspended after it.
        var facts = draft with
        {
            FollowUps = [.. followUps.Where(f => f.PerformedOn is not { } p || p <= today)],
            Suspensions = [.. suspensions.Where(s => s.On <= today)],
        };
        return (policy, facts, today);
    }
}
