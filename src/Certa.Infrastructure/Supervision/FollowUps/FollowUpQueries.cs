using Certa.Domain.Supervision.FollowUps;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.Watches;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.FollowUps;

/// <summary>
/// The follow-ups bodies have to do: due (in the window before their due day) and overdue. Only the certificates whose
/// stored watch lists them by the day are read (<see cref="CertificateWatch.ListedFrom"/>), not the whole registry.
/// </summary>
public sealed class FollowUpQueries(CertaDbContext db, SupervisedCertificates supervised, FollowUpRules rules, CertificateWatchRebuild watches)
{
    /// <summary>Certificates read a batch at a time: a national registry has hundreds of thousands due in a window.</summary>
    public const int BatchSize = 2_000;

    /// <summary>
    /// The worklist at <paramref name="now"/> of one body, or of every body when <paramref name="bodyId"/> is none.
    /// Access is the caller's to check: statistics and the body's page both use it.
    /// </summary>
    public async Task<FollowUpWorklist> WorklistAsync(string? bodyId, DateTimeOffset now, CancellationToken ct)
    {
        await watches.EnsureCurrentAsync(ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var listed = db.CertificateWatches.AsNoTracking().Where(w => w.ListedFrom <= today && w.ValidUntil >= today);
        if (bodyId is not null)
        {
            listed = listed.Where(w => w.BodyId == bodyId);
        }

        var parts = new List<FollowUpWorklist>();
        Guid? after = null;
        while (true)
        {
            // Keyset pages by certificate: each page is an index range, however deep into the table it is.
            var page = after is { } last ? listed.Where(w => w.CertificateId.CompareTo(last) > 0) : listed;
            var ids = await page.OrderBy(w => w.CertificateId).Select(w => w.CertificateId).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }

            var batch = await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
            parts.Add(FollowUpWorklist.For(rules, await supervised.ForAsync(batch, ct), now));
            after = ids[^1];
            if (ids.Count < BatchSize)
            {
                break;
            }
        }

        return FollowUpWorklist.Concat(parts);
    }
}
