using Certa.Domain.Access;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Supervision.FollowUps;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Audits;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.Inspections;

/// <summary>
/// Supervision inspections: the body plans a certificate's yearly follow-up with its registered auditors; the
/// organiser (the body, or the authority for a draw's inspection) records the result or cancels. Recording a result
/// also applies what the follow-up rules now call for, in the same transaction: a failure suspends the certificate at
/// once (<see cref="FollowUpRuleIds.FailedSuspends"/>), with its deadline and the rule in the audit entry.
/// </summary>
public sealed class InspectionCommands(CertaDbContext db, AuditorCommands auditors, FollowUpRules rules, TimeProvider clock)
{
    /// <summary>Plans the follow-up due on <paramref name="dueOn"/> (a due day of the certificate's schedule) with auditors of its body.</summary>
    public async Task<Inspection> PlanFollowUpAsync(CommandContext who, string certificateNumber, DateOnly dueOn, DateOnly plannedOn,
        IReadOnlyList<Guid> inspectorIds, CancellationToken ct)
    {
        var number = certificateNumber?.Trim() ?? string.Empty;
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, ct)
            ?? throw DomainException.NotFound("certificate-not-found", $"There is no certificate {number}.");
        who.Actor.Require(Permission.InspectionsManage, certificate.BodyId);
        var inspections = await db.Inspections.AsNoTracking().Where(i => i.CertificateId == certificate.Id).ToListAsync(ct);
        var supervised = SupervisedCertificates.Of(certificate, inspections);
        var schedule = FollowUpSchedule.For(rules.For(certificate.SchemeId), supervised);
        if (!schedule.Contains(dueOn))
        {
            throw DomainException.Invalid("not-a-due-day",
                $"Certificate {number} has no follow-up due on {dueOn:yyyy-MM-dd}; its due days are {string.Join(", ", schedule.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}.",
                "dueOn");
        }

        if (inspections.FirstOrDefault(i => i.DueOn == dueOn && i.State is InspectionState.Planned or InspectionState.Passed) is { } taken)
        {
            throw DomainException.Conflict(taken.State == InspectionState.Planned ? "follow-up-already-planned" : "follow-up-already-passed",
                $"The follow-up of certificate {number} due on {dueOn:yyyy-MM-dd} is {SnakeCaseNames.Of(taken.State.ToString())} already (inspection {taken.Id}).");
        }

        // Registered, active and competent for the product type on the day: the same check as a factory audit's team.
        await auditors.TeamAsync(certificate.BodyId, inspectorIds, certificate.ProductTypeId, plannedOn, ct);
        var now = clock.GetUtcNow();
        var inspection = Inspection.PlanFollowUp(Guid.CreateVersion7(now), certificate, dueOn, plannedOn, inspectorIds.Select(i => i.ToString("D")), now);
        db.Inspections.Add(inspection);
        await db.CommitAsync(who, now, ct);
        return inspection;
    }

    /// <summary>Records the result, published at once, and applies what the follow-up rules now call for on the certificate.</summary>
    public async Task<Inspection> RecordResultAsync(CommandContext who, Guid inspectionId, InspectionResult result, CancellationToken ct)
    {
        var inspection = await LoadAsync(inspectionId, ct);
        who.Actor.Require(Permission.InspectionsRecord, inspection.OrganisedBy);
        var now = clock.GetUtcNow();
        if (result.Passed)
        {
            inspection.RecordPassed(result.PerformedOn, result.Summary, now);
        }
        else
        {
            inspection.RecordFailed(result.PerformedOn, result.Findings ?? [], result.Summary, now);
        }

        var certificate = await db.Certificates.FirstAsync(c => c.Id == inspection.CertificateId, ct);
        var others = await db.Inspections.AsNoTracking().Where(i => i.CertificateId == certificate.Id && i.Id != inspection.Id).ToListAsync(ct);
        var supervised = SupervisedCertificates.Of(certificate, [.. others, inspection]);
        SupervisionDecider.Decide(rules.For(certificate.SchemeId), supervised, now)?.ApplyTo(certificate, now);
        await db.CommitAsync(who, now, ct);
        return inspection;
    }

    public async Task<Inspection> CancelAsync(CommandContext who, Guid inspectionId, string reason, CancellationToken ct)
    {
        var inspection = await LoadAsync(inspectionId, ct);
        who.Actor.Require(Permission.InspectionsManage, inspection.OrganisedBy);
        var now = clock.GetUtcNow();
        inspection.Cancel(reason, now);
        await db.CommitAsync(who, now, ct);
        return inspection;
    }

    private async Task<Inspection> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Inspections.FirstOrDefaultAsync(i => i.Id == id, ct)
        ?? throw DomainException.NotFound("inspection-not-found", $"There is no inspection {id}.");
}
