using Certa.Domain.Applications;
using Certa.Domain.Audits;
using Certa.Domain.Common;

namespace Certa.Domain.Tests.Audits;

public sealed class FactoryAuditTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day0 = DateOnly.FromDateTime(T0.UtcDateTime);
    private static readonly AssignedAuditor Liu = new(Guid.Parse("00000000-0000-0000-0000-0000000000a1"), "Liu Yang", "CCAA-A-001");
    private static readonly AssignedAuditor Zhao = new(Guid.Parse("00000000-0000-0000-0000-0000000000a2"), "Zhao Min", "CCAA-A-002");

    private static readonly AuditRule Ccc = AuditRule.Of("ccc", 2, 2, 3,
    [
        new ChecklistItem("quality_system", new LocalizedText("Quality system")),
        new ChecklistItem("product_consistency", new LocalizedText("Production matches the tested samples")),
    ]);

    private static Application Accepted()
    {
        var application = Application.Draft(Guid.NewGuid(), "demo-laptop-maker", "cqc", "ccc", "ccc.0902",
            ProductDetails.Of(new LocalizedText("Laptop"), "X14", [], null),
            Party.Of(new LocalizedText("Maker"), new LocalizedText("1 Road"), "manufacturer"),
            Party.Of(new LocalizedText("Factory"), new LocalizedText("2 Road"), "factory"),
            [], T0);
        application.Submit(T0);
        application.Accept(T0);
        return application;
    }

    private static FactoryAudit Planned(Application? application = null) =>
        FactoryAudit.Plan(Guid.NewGuid(), application ?? Accepted(), [Liu, Zhao], Day0.AddDays(5), 2, Ccc, T0);

    private static IReadOnlyList<ChecklistResult> AllConform() =>
        [new("quality_system", true, null), new("product_consistency", true, "Samples match")];

    [Fact]
    public void Plan_NotesTheAuditorsAsEvaluators()
    {
        var application = Accepted();

        var audit = Planned(application);

        audit.State.ShouldBe(FactoryAuditState.Planned);
        application.Evaluators.ShouldBe([Liu.PersonId, Zhao.PersonId]);
        audit.Checklist.Count.ShouldBe(2);
    }

    [Fact]
    public void Plan_WithOneAuditor_IsRefused_TheSchemeAsksForTwo() =>
        Should.Throw<DomainException>(() => FactoryAudit.Plan(Guid.NewGuid(), Accepted(), [Liu], Day0.AddDays(5), 2, Ccc, T0))
            .Code.ShouldBe("too-few-auditors");

    [Fact]
    public void Plan_WithTheSameAuditorTwice_IsRefused() =>
        Should.Throw<DomainException>(() => FactoryAudit.Plan(Guid.NewGuid(), Accepted(), [Liu, Liu], Day0.AddDays(5), 2, Ccc, T0))
            .Code.ShouldBe("duplicate-auditor");

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Plan_WithDaysOutsideTheSchemesRange_IsRefused(int days) =>
        Should.Throw<DomainException>(() => FactoryAudit.Plan(Guid.NewGuid(), Accepted(), [Liu, Zhao], Day0.AddDays(5), days, Ccc, T0))
            .Code.ShouldBe("audit-days-invalid");

    [Fact]
    public void Plan_ForADraft_IsRefused()
    {
        var draft = Application.Draft(Guid.NewGuid(), "a", "cqc", "ccc", "ccc.0902", ProductDetails.Of(new LocalizedText("Laptop"), "X14", [], null),
            Party.Of(new LocalizedText("M"), new LocalizedText("1"), "manufacturer"), Party.Of(new LocalizedText("F"), new LocalizedText("2"), "factory"), [], T0);

        Should.Throw<DomainException>(() => Planned(draft)).Code.ShouldBe("application-not-auditable");
    }

    [Fact]
    public void Report_WithoutFindings_PassesAtOnce()
    {
        var audit = Planned();

        audit.Report(Liu.PersonId, AllConform(), [], T0.AddDays(6));

        audit.State.ShouldBe(FactoryAuditState.Passed);
        audit.PendingEvents().Select(e => e.Action).ShouldBe(["factory_audit.planned", "factory_audit.reported", "factory_audit.passed"]);
    }

    [Fact]
    public void Report_BeforeTheAuditStarts_IsRefused() =>
        Should.Throw<DomainException>(() => Planned().Report(Liu.PersonId, AllConform(), [], T0.AddDays(1))).Code.ShouldBe("audit-not-started");

    [Fact]
    public void Report_BySomeoneNotOnTheTeam_IsRefused() =>
        Should.Throw<DomainException>(() => Planned().Report(Guid.NewGuid(), AllConform(), [], T0.AddDays(6))).Kind.ShouldBe(RefusalKind.Forbidden);

    [Fact]
    public void Report_WithAnItemMissing_IsRefusedNamingIt()
    {
        var refused = Should.Throw<DomainException>(() => Planned().Report(Liu.PersonId, [new("quality_system", true, null)], [], T0.AddDays(6)));

        refused.Code.ShouldBe("checklist-incomplete");
        refused.Message.ShouldContain("product_consistency");
    }

    [Fact]
    public void Report_ANonconformingItemWithoutAFinding_IsRefused() =>
        Should.Throw<DomainException>(() => Planned().Report(Liu.PersonId, [new("quality_system", true, null), new("product_consistency", false, null)], [], T0.AddDays(6)))
            .Code.ShouldBe("finding-required");

    [Fact]
    public void AFinding_IsAnswered_Rejected_AnsweredAgain_AndClosed_ThenTheAuditPasses()
    {
        var audit = Planned();
        audit.Report(Liu.PersonId, [new("quality_system", true, null), new("product_consistency", false, "Label differs")],
            [new NewFinding("product_consistency", FindingGrade.Minor, "Nameplate differs from the tested sample", Day0.AddDays(40))], T0.AddDays(6));
        audit.State.ShouldBe(FactoryAuditState.FindingsOpen);

        Should.Throw<DomainException>(() => audit.CloseFinding(Zhao.PersonId, 1, T0.AddDays(7))).Code.ShouldBe("finding-not-answered");
        audit.Answer(1, new FindingEvidence("New nameplate", new string('c', 64), "nameplate.pdf", T0.AddDays(10)));
        audit.RejectEvidence(Zhao.PersonId, 1, "The photo is unreadable");
        audit.Findings[0].State.ShouldBe(FindingState.Open);
        audit.Answer(1, new FindingEvidence("New nameplate, clearer photo", new string('d', 64), "nameplate2.pdf", T0.AddDays(12)));
        audit.CloseFinding(Zhao.PersonId, 1, T0.AddDays(13));

        audit.State.ShouldBe(FactoryAuditState.Passed);
        audit.Findings[0].ClosedBy.ShouldBe(Zhao.PersonId);
        audit.Findings[0].Evidence!.Sha256.ShouldBe(new string('d', 64));
    }

    [Fact]
    public void AFinding_WithADeadlineThatHasPassed_IsRefused() =>
        Should.Throw<DomainException>(() => Planned().Report(Liu.PersonId, [new("quality_system", false, null), new("product_consistency", true, null)],
            [new NewFinding("quality_system", FindingGrade.Major, "No internal audit", Day0)], T0.AddDays(6))).Code.ShouldBe("deadline-in-the-past");

    [Fact]
    public void Finding_IsOverdue_AfterItsDeadline_UntilClosed()
    {
        var finding = new Finding(1, "quality_system", FindingGrade.Major, "x", Day0, FindingState.Open, null, null, null, null);

        finding.IsOverdue(Day0).ShouldBeFalse();
        finding.IsOverdue(Day0.AddDays(1)).ShouldBeTrue();
        (finding with { State = FindingState.Closed }).IsOverdue(Day0.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void APassedAudit_CannotBeCancelled()
    {
        var audit = Planned();
        audit.Report(Liu.PersonId, AllConform(), [], T0.AddDays(6));

        Should.Throw<DomainException>(() => audit.Cancel("withdrawn", T0.AddDays(7))).Code.ShouldBe("audit-closed");
    }
}
