using Certa.Domain.Certificates;
using Certa.Domain.Supervision.FollowUps;

namespace Certa.Domain.Tests.Supervision.FollowUps;

public sealed class FollowUpWorklistTests
{
    private static readonly FollowUpRules Rules = new([SupervisedWorld.Ccc, SupervisedWorld.MakePolicy(scheme: FollowUpRules.DefaultScheme)]);
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 2, 0, 0, TimeSpan.Zero);

    private static SupervisedCertificate Certificate(string number, string body, DateOnly issuedOn, CertificateState state = CertificateState.Active,
        params FollowUpRecord[] followUps) =>
        SupervisedWorld.CertificateFacts(issuedOn, number, body, state, followUps: followUps);

    [Fact]
    public void FollowUpsInsideTheWindow_AreDue_ThosePastTheirDay_Overdue_PerBody()
    {
        var certificates = new[]
        {
            Certificate("C-OVERDUE", "cqc", new DateOnly(2026, 1, 15)),
            Certificate("C-DONE", "cqc", new DateOnly(2026, 1, 20), CertificateState.Active, FollowUpRecord.Passed(new DateOnly(2027, 1, 20), new DateOnly(2027, 1, 5))),
            Certificate("C-DUE", "cqc", new DateOnly(2026, 4, 10)),
            Certificate("C-LATER", "cqc", new DateOnly(2026, 6, 1)),
            Certificate("O-DUE", "ccap", new DateOnly(2026, 3, 1)),
            Certificate("C-WITHDRAWN", "cqc", new DateOnly(2026, 1, 10), CertificateState.Withdrawn),
        };

        var worklist = FollowUpWorklist.For(Rules, certificates, Now);

        worklist.Due.Select(p => p.CertificateNumber).ShouldBe(["O-DUE", "C-DUE"]);
        worklist.Overdue.Select(p => p.CertificateNumber).ShouldBe(["C-OVERDUE"]);
        var overdue = worklist.Overdue.Single();
        overdue.DueOn.ShouldBe(new DateOnly(2027, 1, 15));
        overdue.LastGraceDay.ShouldBe(new DateOnly(2027, 2, 14));
        worklist.Due.First(p => p.CertificateNumber == "C-DUE").OpensOn.ShouldBe(new DateOnly(2027, 4, 10).AddDays(-90));

        var cqc = worklist.ForBody("cqc");
        cqc.Due.Select(p => p.CertificateNumber).ShouldBe(["C-DUE"]);
        cqc.Overdue.Select(p => p.CertificateNumber).ShouldBe(["C-OVERDUE"]);
        worklist.ForBody("ccap").Overdue.ShouldBeEmpty();
    }

    [Fact]
    public void PlannedFollowUp_ShowsItsPlannedDay_AndStaysDueUntilPerformed()
    {
        var planned = FollowUpRecord.NotPerformed(new DateOnly(2027, 4, 10), plannedOn: new DateOnly(2027, 3, 20));

        var due = FollowUpWorklist.For(Rules, [Certificate("C-DUE", "cqc", new DateOnly(2026, 4, 10), CertificateState.Active, planned)], Now).Due;

        due.ShouldHaveSingleItem().PlannedOn.ShouldBe(new DateOnly(2027, 3, 20));
    }

    [Fact]
    public void SuspendedCertificate_StillListsItsOverdueFollowUp()
    {
        var suspended = Certificate("C-SUSPENDED", "cqc", new DateOnly(2026, 1, 1), CertificateState.Suspended);

        FollowUpWorklist.For(Rules, [suspended], Now).Overdue.ShouldHaveSingleItem().State.ShouldBe(CertificateState.Suspended);
    }

}
