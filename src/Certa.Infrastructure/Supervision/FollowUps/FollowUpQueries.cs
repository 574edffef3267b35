using Certa.Domain.Certificates;
using Certa.Domain.Supervision.FollowUps;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.FollowUps;

/// <summary>The follow-ups bodies have to do: due (in the window before their due day) and overdue.</summary>
public sealed class FollowUpQueries(CertaDbContext db, SupervisedCertificates supervised, FollowUpRules rules)
{
    /// <summary>
    /// The worklist at <paramref name="now"/> of one body, or of every body when <paramref name="bodyId"/> is none.
    /// Access is the caller's to check: statistics and the body's page both use it.
    /// </summary>
    public async Task<FollowUpWorklist> WorklistAsync(string? bodyId, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var query = db.Certificates.AsNoTracking()
            .Where(c => (c.State == CertificateState.Active || c.State == CertificateState.Suspended) && c.ValidUntil >= today);
        if (bodyId is not null)
        {
            query = query.Where(c => c.BodyId == bodyId);
        }

        var certificates = await query.ToListAsync(ct);
        return FollowUpWorklist.For(rules, await supervised.ForAsync(certificates, ct), now);
    }
}
