using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Supervision.Draws;
using Certa.Domain.Supervision.FollowUps;

namespace Certa.Domain.Supervision.Inspections;

/// <summary>
/// A supervision inspection of one certified product at its factory: a yearly follow-up planned by the body, or a
/// target of an authority's "double random" draw with the inspectors the draw chose. Planned, then performed with an
/// outcome and findings, which are public from the moment they are recorded; a failure counts against the
/// certificate (<see cref="SupervisionDecider"/>) and the enterprise's credit.
/// </summary>
public sealed class Inspection : Aggregate
{
    // Lists are replaced, never changed in place, so that a save sees every change.
    private IReadOnlyList<string> inspectors = [];
    private IReadOnlyList<string> findings = [];

    private Inspection()
    {
        OrganisedBy = CertificateNumber = EnterpriseId = BodyId = SchemeId = ProductTypeId = string.Empty;
    }

    public Guid Id { get; private set; }

    public InspectionKind Kind { get; private set; }

    /// <summary>The body (a follow-up) or the authority (a draw) that plans the inspection and records its result.</summary>
    public string OrganisedBy { get; private set; }

    /// <summary>The draw that chose the target; none for a follow-up.</summary>
    public Guid? DrawId { get; private set; }

    public Guid CertificateId { get; private set; }

    public string CertificateNumber { get; private set; }

    /// <summary>The certificate holder, whose factory is visited.</summary>
    public string EnterpriseId { get; private set; }

    /// <summary>The body that issued the certificate.</summary>
    public string BodyId { get; private set; }

    public string SchemeId { get; private set; }

    public string ProductTypeId { get; private set; }

    /// <summary>The due day of the yearly follow-up this inspection answers; none for a draw's inspection.</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>The inspectors, by person id.</summary>
    public IReadOnlyList<string> Inspectors => inspectors;

    public DateOnly PlannedOn { get; private set; }

    public InspectionState State { get; private set; }

    /// <summary>The day on site; none until the result is recorded.</summary>
    public DateOnly? PerformedOn { get; private set; }

    /// <summary>What did not conform; empty unless the inspection failed.</summary>
    public IReadOnlyList<string> Findings => findings;

    /// <summary>The inspectors' short account of what they saw, published with the result.</summary>
    public string? Summary { get; private set; }

    public string? CancelReason { get; private set; }

    public DateTimeOffset PlannedAt { get; private set; }

    /// <summary>When the result was recorded, and so published.</summary>
    public DateTimeOffset? RecordedAt { get; private set; }

    public int Version { get; private set; }

    public bool HasResult => State is InspectionState.Passed or InspectionState.Failed;

    public override string EntityType => "inspection";

    public override string EntityKey => Id.ToString();

    public override string? OwningOrganisation => OrganisedBy;

    /// <summary>Plans the yearly follow-up due on <paramref name="dueOn"/> of a live certificate, by its body.</summary>
    public static Inspection PlanFollowUp(Guid id, Certificate certificate, DateOnly dueOn, DateOnly plannedOn, IEnumerable<string> inspectorIds, DateTimeOffset at)
    {
        var inspection = New(id, InspectionKind.FollowUp, certificate.BodyId, null, certificate, plannedOn, inspectorIds, at);
        inspection.DueOn = dueOn;
        inspection.Record("inspection.planned", new { kind = "follow_up", certificate = certificate.Number, dueOn, plannedOn, inspectors = inspection.inspectors });
        return inspection;
    }

    /// <summary>Plans the inspection of one target of a draw, with the inspectors the draw chose, by the draw's authority.</summary>
    /// <exception cref="DomainException">The target is not the certificate, or the draw chose no inspectors for it.</exception>
    public static Inspection PlanFromDraw(Guid id, Draw draw, DrawTarget target, Certificate certificate, DateOnly plannedOn, DateTimeOffset at)
    {
        if (target.CertificateNumber != certificate.Number)
        {
            throw new ArgumentException($"The draw's target is certificate {target.CertificateNumber}, not {certificate.Number}.", nameof(certificate));
        }

        var inspection = New(id, InspectionKind.DoubleRandom, draw.AuthorityId, draw.Id, certificate, plannedOn, target.InspectorIds, at);
        inspection.Record("inspection.planned", new { kind = "double_random", draw = draw.Reference, certificate = certificate.Number, plannedOn, inspectors = inspection.inspectors });
        return inspection;
    }

    /// <summary>Records that the factory conformed; published at once.</summary>
    public void RecordPassed(DateOnly performedOn, string? summary, DateTimeOffset at)
    {
        RequirePlanned("have its result recorded");
        PerformedOn = PerformedDay(performedOn, at);
        Summary = Text(summary);
        State = InspectionState.Passed;
        RecordedAt = at;
        Version++;
        Record("inspection.passed", new { certificate = CertificateNumber, performedOn, summary = Summary });
    }

    /// <summary>Records what did not conform; published at once.</summary>
    /// <exception cref="DomainException">No finding says what failed.</exception>
    public void RecordFailed(DateOnly performedOn, IEnumerable<string> nonConformities, string? summary, DateTimeOffset at)
    {
        RequirePlanned("have its result recorded");
        var said = nonConformities.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).ToList();
        if (said.Count == 0)
        {
            throw DomainException.Invalid("findings-required", "A failed inspection needs at least one finding saying what did not conform.", "findings");
        }

        if (said.FirstOrDefault(f => f.Length > MaxText) is { } tooLong)
        {
            throw DomainException.Invalid("finding-too-long", $"A finding is at most {MaxText} characters; one has {tooLong.Length}.", "findings");
        }

        PerformedOn = PerformedDay(performedOn, at);
        findings = said;
        Summary = Text(summary);
        State = InspectionState.Failed;
        RecordedAt = at;
        Version++;
        Record("inspection.failed", new { certificate = CertificateNumber, performedOn, findings, summary = Summary });
    }

    public void Cancel(string reason, DateTimeOffset at)
    {
        RequirePlanned("be cancelled");
        CancelReason = Text(reason) ?? throw DomainException.Invalid("reason-required", "Say why the inspection is cancelled.", "reason");
        State = InspectionState.Cancelled;
        RecordedAt = at;
        Version++;
        Record("inspection.cancelled", new { certificate = CertificateNumber, reason = CancelReason });
    }

    /// <summary>
    /// The inspection as the follow-up rules see it. A draw's inspection answers no due day (it does not replace the
    /// yearly follow-up), but its outcome counts: a failure suspends, a pass corrects a suspension.
    /// </summary>
    public FollowUpRecord ToFollowUpRecord()
    {
        var dueOn = DueOn ?? PerformedOn ?? PlannedOn;
        var record = State switch
        {
            InspectionState.Passed => FollowUpRecord.Passed(dueOn, PerformedOn!.Value, PlannedOn),
            InspectionState.Failed => FollowUpRecord.Failed(dueOn, PerformedOn!.Value, findings, PlannedOn),
            _ => FollowUpRecord.NotPerformed(dueOn, State == InspectionState.Planned ? PlannedOn : null),
        };
        return record with { AnswersDueDay = DueOn is not null };
    }

    public override object AuditState() => new
    {
        Id,
        kind = SnakeCaseNames.Of(Kind.ToString()),
        OrganisedBy,
        DrawId,
        CertificateNumber,
        EnterpriseId,
        BodyId,
        DueOn,
        inspectors,
        PlannedOn,
        state = SnakeCaseNames.Of(State.ToString()),
        PerformedOn,
        findings,
        Summary,
        CancelReason,
        Version,
    };

    private const int MaxText = 2000;

    private static Inspection New(Guid id, InspectionKind kind, string organisedBy, Guid? drawId, Certificate certificate, DateOnly plannedOn,
        IEnumerable<string> inspectorIds, DateTimeOffset at)
    {
        if (certificate.State is not (CertificateState.Active or CertificateState.Suspended))
        {
            throw DomainException.Conflict("certificate-not-supervised",
                $"Certificate {certificate.Number} is {SnakeCaseNames.Of(certificate.State.ToString())}; only an active or suspended certificate is inspected.");
        }

        var team = inspectorIds.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (team.Count == 0)
        {
            throw DomainException.Invalid("inspectors-required", $"The inspection of certificate {certificate.Number} needs at least one inspector.", "inspectors");
        }

        if (plannedOn < DateOnly.FromDateTime(at.UtcDateTime))
        {
            throw DomainException.Invalid("planned-in-past", $"An inspection is planned for today or later, not {plannedOn:yyyy-MM-dd}.", "plannedOn");
        }

        return new Inspection
        {
            Id = id,
            Kind = kind,
            OrganisedBy = organisedBy,
            DrawId = drawId,
            CertificateId = certificate.Id,
            CertificateNumber = certificate.Number,
            EnterpriseId = certificate.HolderId,
            BodyId = certificate.BodyId,
            SchemeId = certificate.SchemeId,
            ProductTypeId = certificate.ProductTypeId,
            inspectors = team,
            PlannedOn = plannedOn,
            State = InspectionState.Planned,
            PlannedAt = at,
        };
    }

    private void RequirePlanned(string what)
    {
        if (State != InspectionState.Planned)
        {
            throw DomainException.Conflict("inspection-not-planned",
                $"The inspection of certificate {CertificateNumber} is {SnakeCaseNames.Of(State.ToString())}; only a planned inspection can {what}.");
        }
    }

    private static DateOnly PerformedDay(DateOnly performedOn, DateTimeOffset at) =>
        performedOn <= DateOnly.FromDateTime(at.UtcDateTime)
            ? performedOn
            : throw DomainException.Invalid("performed-in-future", $"An inspection is recorded once performed; {performedOn:yyyy-MM-dd} is still to come.", "performedOn");

    private static string? Text(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : value.Trim().Length <= MaxText ? value.Trim()
        : throw DomainException.Invalid("text-too-long", $"At most {MaxText} characters, not {value.Trim().Length}.", "summary");
}
