using Certa.Domain.Certificates;
using Certa.Domain.Supervision.FollowUps;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.FollowUps;

/// <summary>
/// Builds what supervision decides on (<see cref="SupervisedCertificate"/>) from a certificate, its status history
/// (each suspension with its deadline and the rule that caused it) and its inspections. Cancelled inspections did not
/// happen and are left out; draws' inspections count with their outcome (<see cref="Inspection.ToFollowUpRecord"/>).
/// </summary>
public sealed class SupervisedCertificates(CertaDbContext db)
{
    /// <summary>The certificate as supervision sees it, from inspections already loaded.</summary>
    public static SupervisedCertificate Of(Certificate certificate, IEnumerable<Inspection> inspections) => new(
        certificate.Number,
        certificate.SchemeId,
        certificate.BodyId,
        certificate.IssuedOn,
        certificate.ValidUntil,
        certificate.State,
        // Certa does not class factories yet (CNCA-00C-003); every certificate follows its scheme's plain interval.
        null,
        [.. inspections.Where(i => i.CertificateId == certificate.Id && i.State != InspectionState.Cancelled)
            .OrderBy(i => i.PlannedAt).Select(i => i.ToFollowUpRecord())],
        [.. certificate.StatusHistory.Where(s => s.State == CertificateState.Suspended)
            .Select(s => new CertificateSuspension(DateOnly.FromDateTime(s.At.UtcDateTime), s.Deadline ?? certificate.ValidUntil, s.Rule))]);

    /// <summary>The certificates as supervision sees them, with their inspections read (not tracked) in one query.</summary>
    public async Task<IReadOnlyList<SupervisedCertificate>> ForAsync(IReadOnlyList<Certificate> certificates, CancellationToken ct)
    {
        var ids = certificates.Select(c => c.Id).ToList();
        var inspections = await db.Inspections.AsNoTracking().Where(i => ids.Contains(i.CertificateId)).ToListAsync(ct);
        var byCertificate = inspections.ToLookup(i => i.CertificateId);
        return [.. certificates.Select(c => Of(c, byCertificate[c.Id]))];
    }
}
