using Certa.Domain.Certificates;
using Certa.Domain.Supervision.FollowUps;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.FollowUps;

/// <summary>The follow-ups bodies have to do: due (in the window before their due day) and overdue.</summary>
public sealed class FollowUpQueries(CertaDbContext db, SupervisedCertificates supervised, FollowUpRules rules)
{
    /// <summary>Live certificates read a batch at a time: a national registry has millions, and only their pending follow-ups are kept.</summary>
    public const int BatchSize = 2_000;

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

        var parts = new List<FollowUpWorklist>();
        Guid? after = null;
        while (true)
        {
            // Keyset pages by id: each page is an index range, however deep into the table it is.
            var page = after is { } last ? query.Where(c => c.Id.CompareTo(last) > 0) : query;
            var batch = await page.OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            parts.Add(FollowUpWorklist.For(rules, await supervised.ForAsync(batch, ct), now));
            after = batch[^1].Id;
            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        return FollowUpWorklist.Concat(parts);
    }
}
