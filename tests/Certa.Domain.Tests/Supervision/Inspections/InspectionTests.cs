using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Supervision.FollowUps;
using Certa.Domain.Supervision.Inspections;

namespace Certa.Domain.Tests.Supervision.Inspections;

public sealed class InspectionTests
{
    private static readonly DateTimeOffset T0 = new(2027, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(T0.UtcDateTime);
    private static readonly DateOnly DueOn = new(2027, 12, 1);

    private static Certificate Active()
    {
        var content = new CertificateContent("ccc", "cqc", "demo-laptop-maker", new LocalizedText("Maker Co.", "制造商"), new LocalizedText("1 Road", "一路1号"),
            new Party(new LocalizedText("Maker Co."), new LocalizedText("1 Road")), new Party(new LocalizedText("Factory"), new LocalizedText("2 Road")),
            "ccc.0902", ProductDetails.Of(new LocalizedText("Laptop"), "X14", [], "Example"), ["GB 4943.1-2022"]);
        return Certificate.IssueRegistered(Guid.NewGuid(), "2026010902000001", content, 5, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), 7, "test");
    }

    private static Inspection Planned(params string[] inspectors) =>
        Inspection.PlanFollowUp(Guid.NewGuid(), Active(), DueOn, Today, inspectors.Length == 0 ? ["auditor-1"] : inspectors, T0);

    [Fact]
    public void PlanFollowUp_TakesTheCertificatesFacts_AndIsPlanned()
    {
        var inspection = Planned(" auditor-1 ", "auditor-1", "auditor-2");

        inspection.State.ShouldBe(InspectionState.Planned);
        inspection.Kind.ShouldBe(InspectionKind.FollowUp);
        inspection.OrganisedBy.ShouldBe("cqc");
        inspection.EnterpriseId.ShouldBe("demo-laptop-maker");
        inspection.DueOn.ShouldBe(DueOn);
        inspection.Inspectors.ShouldBe(["auditor-1", "auditor-2"]);
        inspection.PendingEvents().Select(e => e.Action).ShouldBe(["inspection.planned"]);
    }

    [Fact]
    public void Plan_WithoutInspectors_OrInThePast_OrForAWithdrawnCertificate_IsRefused()
    {
        Should.Throw<DomainException>(() => Inspection.PlanFollowUp(Guid.NewGuid(), Active(), DueOn, Today, [" "], T0)).Code.ShouldBe("inspectors-required");
        Should.Throw<DomainException>(() => Inspection.PlanFollowUp(Guid.NewGuid(), Active(), DueOn, Today.AddDays(-1), ["a"], T0)).Code.ShouldBe("planned-in-past");
        var withdrawn = Active();
        withdrawn.Withdraw("Fraud", T0);
        Should.Throw<DomainException>(() => Inspection.PlanFollowUp(Guid.NewGuid(), withdrawn, DueOn, Today, ["a"], T0)).Code.ShouldBe("certificate-not-supervised");
    }

    [Fact]
    public void RecordFailed_KeepsTheFindings_AndCountsAsAFailedFollowUpOfItsDueDay()
    {
        var inspection = Planned();

        inspection.RecordFailed(Today, ["  Rating plate missing ", "", "Critical component changed"], "Two non-conformities.", T0);

        inspection.State.ShouldBe(InspectionState.Failed);
        inspection.Findings.ShouldBe(["Rating plate missing", "Critical component changed"]);
        inspection.RecordedAt.ShouldBe(T0);
        var record = inspection.ToFollowUpRecord();
        record.Outcome.ShouldBe(FollowUpOutcome.Failed);
        record.DueOn.ShouldBe(DueOn);
        record.PerformedOn.ShouldBe(Today);
    }

    [Fact]
    public void RecordFailed_WithoutAFinding_IsRefused_AndChangesNothing()
    {
        var inspection = Planned();

        Should.Throw<DomainException>(() => inspection.RecordFailed(Today, ["", "  "], null, T0)).Code.ShouldBe("findings-required");

        inspection.State.ShouldBe(InspectionState.Planned);
        inspection.PerformedOn.ShouldBeNull();
    }

    [Fact]
    public void Recording_ADayStillToCome_IsRefused()
    {
        var inspection = Planned();

        Should.Throw<DomainException>(() => inspection.RecordPassed(Today.AddDays(1), null, T0)).Code.ShouldBe("performed-in-future");
        inspection.State.ShouldBe(InspectionState.Planned);
    }

    [Fact]
    public void ACancelledOrRecordedInspection_TakesNoOtherResult()
    {
        var cancelled = Planned();
        cancelled.Cancel("Factory closed", T0);
        var passed = Planned();
        passed.RecordPassed(Today, "Conforms.", T0);

        Should.Throw<DomainException>(() => cancelled.RecordPassed(Today, null, T0)).Code.ShouldBe("inspection-not-planned");
        Should.Throw<DomainException>(() => passed.RecordFailed(Today, ["Late finding"], null, T0)).Code.ShouldBe("inspection-not-planned");
        Should.Throw<DomainException>(() => passed.Cancel("Changed our mind", T0)).Code.ShouldBe("inspection-not-planned");
        cancelled.State.ShouldBe(InspectionState.Cancelled);
        passed.State.ShouldBe(InspectionState.Passed);
        passed.ToFollowUpRecord().Outcome.ShouldBe(FollowUpOutcome.Passed);
    }

    [Fact]
    public void Cancel_NeedsAReason()
    {
        var inspection = Planned();

        Should.Throw<DomainException>(() => inspection.Cancel("  ", T0)).Code.ShouldBe("reason-required");
        inspection.State.ShouldBe(InspectionState.Planned);
    }
}
