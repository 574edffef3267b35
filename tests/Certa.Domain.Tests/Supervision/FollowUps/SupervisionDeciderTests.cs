using Certa.Domain.Certificates;
using Certa.Domain.Supervision.FollowUps;

namespace Certa.Domain.Tests.Supervision.FollowUps;

/// <summary>
/// Time travel through a certificate's follow-ups: the decider runs every morning on a fake clock and its decisions
/// are applied to a real certificate. Issued 2026-01-15, valid until 2031-01-14, due each 15 January from 2027.
/// </summary>
public sealed class SupervisionDeciderTests
{
    private static readonly DateOnly Issued = new(2026, 1, 15);
    private static readonly DateOnly FirstDue = new(2027, 1, 15);
    private static readonly DateOnly SecondDue = new(2028, 1, 15);

    [Fact]
    public void TwoYearsOfFollowUps_PassedOnTime_TakeNoAction()
    {
        var world = new SupervisedWorld(Issued);

        world.RunDaily(FirstDue.AddDays(-7));
        world.Pass(FirstDue);
        world.RunDaily(SecondDue.AddDays(20));
        world.Pass(SecondDue);
        world.RunDaily(new DateOnly(2028, 12, 31));

        world.Decisions.ShouldBeEmpty();
        world.Certificate.State.ShouldBe(CertificateState.Active);
    }

    [Fact]
    public void DrawInspectionOnTheDueDay_DoesNotMeetTheFollowUp_AndItsFailureSuspendsWithoutNamingADueDay()
    {
        var world = new SupervisedWorld(Issued);
        world.RunDaily(FirstDue);
        world.Unscheduled(passed: true);

        world.RunDaily(FirstDue.AddDays(31));
        world.Decisions.Single().Decision.RuleId.ShouldBe(FollowUpRuleIds.OverdueSuspends);

        var other = new SupervisedWorld(Issued);
        other.RunDaily(FirstDue.AddDays(-100));
        other.Unscheduled(passed: false);
        var suspension = other.RunToday().ShouldNotBeNull();
        suspension.RuleId.ShouldBe(FollowUpRuleIds.FailedSuspends);
        suspension.Reason.ShouldStartWith($"The supervision inspection of {FirstDue.AddDays(-100):yyyy-MM-dd} found non-conformities: Power supply");
        suspension.Reason.ShouldNotContain("due");
    }

    [Fact]
    public void OverdueFollowUp_SuspendsOnlyAfterTheGracePeriod_NamingTheDueDayAndTheGrace()
    {
        var world = new SupervisedWorld(Issued);

        world.RunDaily(FirstDue.AddDays(30));
        world.Decisions.ShouldBeEmpty();

        world.Clock.Advance(TimeSpan.FromDays(1));
        var suspension = world.RunToday().ShouldNotBeNull();

        suspension.Action.ShouldBe(SupervisionAction.Suspend);
        suspension.RuleId.ShouldBe(FollowUpRuleIds.OverdueSuspends);
        suspension.Reason.ShouldContain("2027-01-15");
        suspension.Reason.ShouldContain("30-day grace period");
        suspension.Deadline.ShouldBe(new DateOnly(2027, 2, 15).AddDays(90));
        world.Certificate.State.ShouldBe(CertificateState.Suspended);
        world.Certificate.SuspendedUntil.ShouldBe(suspension.Deadline);
    }

    [Fact]
    public void OverdueSuspension_NotCorrected_IsWithdrawnTheDayAfterItsDeadline()
    {
        var world = new SupervisedWorld(Issued);
        world.RunDaily(FirstDue.AddDays(31));
        var deadline = world.Decisions.ShouldHaveSingleItem().Decision.Deadline!.Value;

        world.RunDaily(deadline);
        world.Decisions.Count.ShouldBe(1);
        world.Clock.Advance(TimeSpan.FromDays(1));
        world.RunToday().ShouldNotBeNull().Action.ShouldBe(SupervisionAction.Withdraw);

        world.Certificate.State.ShouldBe(CertificateState.Withdrawn);
    }

    [Fact]
    public void FailedFollowUp_Suspends_WithTheDeadline_ThenWithdraws_TheDayAfterTheDeadline_NotBefore()
    {
        var world = new SupervisedWorld(Issued);
        world.RunDaily(FirstDue.AddDays(-5));
        world.Fail(FirstDue, finding: "Power supply from an unlisted maker");

        var suspension = world.RunToday().ShouldNotBeNull();
        suspension.Action.ShouldBe(SupervisionAction.Suspend);
        suspension.RuleId.ShouldBe(FollowUpRuleIds.FailedSuspends);
        suspension.Deadline.ShouldBe(new DateOnly(2027, 1, 10).AddDays(90));
        suspension.Reason.ShouldContain("Power supply from an unlisted maker");
        suspension.Reason.ShouldContain("2027-04-10");

        world.RunDaily(new DateOnly(2027, 4, 10));
        world.Decisions.Count.ShouldBe(1);
        world.Certificate.State.ShouldBe(CertificateState.Suspended);

        world.Clock.Advance(TimeSpan.FromDays(1));
        var withdrawal = world.RunToday().ShouldNotBeNull();
        withdrawal.Action.ShouldBe(SupervisionAction.Withdraw);
        withdrawal.RuleId.ShouldBe(FollowUpRuleIds.DeadlinePassedWithdraws);
        withdrawal.Reason.ShouldContain("2027-04-10");
        world.Certificate.State.ShouldBe(CertificateState.Withdrawn);
    }

    [Fact]
    public void ReinspectionPassed_BeforeTheDeadline_IsNotWithdrawn_AndOnceRestoredNotSuspendedAgain()
    {
        var world = new SupervisedWorld(Issued);
        world.RunDaily(FirstDue);
        world.Fail(FirstDue);
        world.RunDaily(new DateOnly(2027, 3, 1));
        world.Pass(FirstDue);

        world.RunDaily(new DateOnly(2027, 8, 1));
        world.Decisions.ShouldHaveSingleItem().Decision.RuleId.ShouldBe(FollowUpRuleIds.FailedSuspends);
        world.Certificate.State.ShouldBe(CertificateState.Suspended);

        world.Certificate.Restore("Re-inspection of 2027-03-01 passed", new DateTimeOffset(2027, 3, 2, 9, 0, 0, TimeSpan.Zero));
        world.RunDaily(new DateOnly(2027, 12, 31));
        world.Decisions.Count.ShouldBe(1);
        world.Certificate.State.ShouldBe(CertificateState.Active);
    }

    [Fact]
    public void ReinspectionPassed_AfterTheDeadline_DoesNotSaveTheCertificate()
    {
        var world = new SupervisedWorld(Issued);
        world.RunDaily(FirstDue);
        world.Fail(FirstDue);
        world.RunToday();
        var deadline = world.Certificate.SuspendedUntil!.Value;

        world.JumpTo(deadline.AddDays(3));
        world.Pass(FirstDue);

        world.RunToday().ShouldNotBeNull().Action.ShouldBe(SupervisionAction.Withdraw);
    }

    [Fact]
    public void FailureThatReachesCertaLate_GetsTheFullPeriodFromToday_AndOneADayLate_TheSameDeadline()
    {
        var late = new SupervisedWorld(Issued);
        late.Fail(FirstDue, performedOn: FirstDue);
        late.JumpTo(FirstDue.AddDays(120));
        late.RunToday().ShouldNotBeNull().Deadline.ShouldBe(FirstDue.AddDays(210));

        var nextMorning = new SupervisedWorld(Issued);
        nextMorning.Fail(FirstDue, performedOn: FirstDue);
        nextMorning.JumpTo(FirstDue.AddDays(1));
        nextMorning.RunToday().ShouldNotBeNull().Deadline.ShouldBe(FirstDue.AddDays(90));
    }

    [Fact]
    public void CertificatePastItsValidity_Expires_TheDayAfterItsLastValidDay()
    {
        var world = new SupervisedWorld(Issued, validityYears: 1);

        world.RunDaily(new DateOnly(2027, 1, 14));
        world.Decisions.ShouldBeEmpty();
        world.Clock.Advance(TimeSpan.FromDays(1));
        var expiry = world.RunToday().ShouldNotBeNull();

        expiry.Action.ShouldBe(SupervisionAction.Expire);
        expiry.RuleId.ShouldBe(FollowUpRuleIds.ValidityEndsExpires);
        expiry.Reason.ShouldContain("2027-01-14");
        world.Certificate.State.ShouldBe(CertificateState.Expired);
    }

    [Fact]
    public void FailureNearTheEnd_HasItsDeadlineCutAtTheLastValidDay_ThenExpiresRatherThanWithdraws()
    {
        var world = new SupervisedWorld(Issued);
        world.PassEveryDueOnTime();

        world.JumpTo(new DateOnly(2030, 11, 1));
        world.Fail(new DateOnly(2030, 1, 15));
        world.RunToday().ShouldNotBeNull().Deadline.ShouldBe(world.Certificate.ValidUntil);

        world.RunDaily(world.Certificate.ValidUntil.AddDays(1));

        world.Decisions.Select(d => d.Decision.Action).ShouldBe([SupervisionAction.Suspend, SupervisionAction.Expire]);
    }

    [Fact]
    public void FailureOnTheLastValidDay_LeavesNoRoomForASuspension_AndExpiresNext()
    {
        var world = new SupervisedWorld(Issued);
        world.PassEveryDueOnTime();

        world.JumpTo(world.Certificate.ValidUntil);
        world.Fail(new DateOnly(2030, 1, 15));

        world.RunDaily(world.Certificate.ValidUntil.AddDays(1));

        world.Decisions.ShouldHaveSingleItem().Decision.Action.ShouldBe(SupervisionAction.Expire);
    }

    [Fact]
    public void SameFactsAndDay_GiveTheSameDecision_AndOnceApplied_Nothing()
    {
        var world = new SupervisedWorld(Issued);
        world.JumpTo(FirstDue.AddDays(40));
        var facts = world.Facts;

        var first = SupervisionDecider.Decide(world.Policy, facts, world.Clock.GetUtcNow());
        SupervisionDecider.Decide(world.Policy, facts, world.Clock.GetUtcNow()).ShouldBe(first);

        world.RunToday().ShouldBe(first);
        world.RunToday().ShouldBeNull();
        world.Clock.Advance(TimeSpan.FromDays(1));
        world.RunToday().ShouldBeNull();
    }

    [Fact]
    public void WithdrawnCertificate_GetsNothing_EvenPastItsValidity()
    {
        var world = new SupervisedWorld(Issued);
        world.RunDaily(new DateOnly(2027, 6, 1));
        world.Certificate.State.ShouldBe(CertificateState.Withdrawn);

        world.RunDaily(new DateOnly(2031, 6, 1));

        world.Decisions.Select(d => d.Decision.Action).ShouldBe([SupervisionAction.Suspend, SupervisionAction.Withdraw]);
    }

    [Fact]
    public void SuspensionByHand_PastItsDeadline_IsLeftToTheBody()
    {
        var world = new SupervisedWorld(Issued);
        world.JumpTo(new DateOnly(2026, 6, 1));
        world.SuspendByHand(new DateOnly(2026, 7, 1));

        world.RunDaily(new DateOnly(2026, 12, 31));

        world.Decisions.ShouldBeEmpty();
        world.Certificate.State.ShouldBe(CertificateState.Suspended);
    }

    [Fact]
    public void RestoredByHand_AfterAnOverdueSuspension_IsNotSuspendedAgainForThatDueDay_ButIsForTheNextMissedOne()
    {
        var world = new SupervisedWorld(Issued);
        world.RunDaily(FirstDue.AddDays(31));
        world.Certificate.Restore("Follow-up planned with the factory", world.Clock.GetUtcNow().AddHours(1));

        world.RunDaily(SecondDue.AddDays(30));
        world.Decisions.Count.ShouldBe(1);
        world.Clock.Advance(TimeSpan.FromDays(1));

        world.RunToday().ShouldNotBeNull().Reason.ShouldContain("2028-01-15");
    }

    [Fact]
    public void DecideAll_UsesEachCertificatesSchemePolicy_OrTheDefault()
    {
        var strict = SupervisedWorld.MakePolicy(graceDays: 0);
        var rules = new FollowUpRules([strict, SupervisedWorld.MakePolicy(graceDays: 60, scheme: FollowUpRules.DefaultScheme)]);
        var ccc = new SupervisedWorld(Issued).Facts;
        var other = ccc with { Number = "G-1", SchemeId = "cqc-mark" };

        var decisions = SupervisionDecider.DecideAll(rules, [ccc, other], new DateTimeOffset(FirstDue.AddDays(10), TimeOnly.MinValue, TimeSpan.Zero));

        decisions.ShouldHaveSingleItem().CertificateNumber.ShouldBe(ccc.Number);
    }

    [Fact]
    public void Decision_AppliedToAnotherCertificate_IsRefused()
    {
        var world = new SupervisedWorld(Issued, validityYears: 1);
        var expiry = SupervisionDecision.Expire("2026010902000999", "test");

        Should.Throw<ArgumentException>(() => expiry.ApplyTo(world.Certificate, world.Clock.GetUtcNow())).Message.ShouldContain("2026010902000999");
    }

}
