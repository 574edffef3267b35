using Certa.Domain.Common;
using Certa.Domain.Supervision.FollowUps;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.Watches;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.FollowUps;

/// <summary>One page of a body's worklist, the cursor of the next (none on the last) and how many certificates the whole worklist has.</summary>
public sealed record FollowUpWorklistPage(FollowUpWorklist Worklist, FollowUpCursor? Next, int DueTotal, int OverdueTotal);

/// <summary>
/// The follow-ups bodies have to do: due (in the window before their due day) and overdue. Only the certificates whose
/// stored watch lists them by the day are read (<see cref="CertificateWatch.ListedFrom"/>), a page at a time in order of
/// their next due day, never the whole registry: at a national registry's size a body has tens of thousands due at once.
/// </summary>
public sealed class FollowUpQueries(CertaDbContext db, SupervisedCertificates supervised, FollowUpRules rules, CertificateWatchRebuild watches)
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1_000;

    /// <summary>
    /// The watches of certificates on the worklist at <paramref name="today"/>. The bound on the next due day adds nothing
    /// to the listing day but lets the database read one range of the (body, next due day) index.
    /// </summary>
    public IQueryable<CertificateWatch> Listed(DateOnly today)
    {
        var horizon = today.AddDays(rules.All.Max(p => p.WindowDays));
        return db.CertificateWatches.AsNoTracking()
            .Where(w => w.NextDueOn != null && w.NextDueOn <= horizon && w.ListedFrom <= today && w.ValidUntil >= today);
    }

    /// <summary>
    /// The page of <paramref name="bodyId"/>'s worklist at <paramref name="now"/> after <paramref name="after"/>: at most
    /// <paramref name="limit"/> certificates, overdue first, then by due day. Access is the caller's to check.
    /// </summary>
    /// <exception cref="DomainException">The limit is out of range (<c>limit-invalid</c>).</exception>
    public async Task<FollowUpWorklistPage> PageAsync(string bodyId, DateTimeOffset now, FollowUpCursor? after, int limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw DomainException.Invalid("limit-invalid", $"A page lists 1 to {MaxLimit} certificates, not {limit}.", "limit");
        }

        await watches.EnsureCurrentAsync(ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var listed = Listed(today).Where(w => w.BodyId == bodyId);
        var (due, overdue) = await CountsAsync(listed, today, ct);
        if (after is { } cursor)
        {
            listed = listed.Where(w => w.NextDueOn > cursor.DueOn || (w.NextDueOn == cursor.DueOn && w.CertificateId.CompareTo(cursor.CertificateId) > 0));
        }

        var rows = await listed.OrderBy(w => w.NextDueOn).ThenBy(w => w.CertificateId).Take(limit + 1)
            .Select(w => new { w.CertificateId, w.NextDueOn }).ToListAsync(ct);
        var page = rows.Take(limit).ToList();
        var ids = page.Select(r => r.CertificateId).ToList();
        var certificates = await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var worklist = FollowUpWorklist.For(rules, await supervised.ForAsync(certificates, ct), now);
        var next = rows.Count > limit ? new FollowUpCursor(page[^1].NextDueOn!.Value, page[^1].CertificateId) : null;
        return new FollowUpWorklistPage(worklist, next, due, overdue);
    }

    /// <summary>Certificates of <paramref name="listed"/> with a follow-up due (not yet past its day) and overdue.</summary>
    private static async Task<(int Due, int Overdue)> CountsAsync(IQueryable<CertificateWatch> listed, DateOnly today, CancellationToken ct)
    {
        var counts = await listed.GroupBy(_ => 1)
            .Select(g => new { Due = g.Count(w => w.NextDueOn >= today), Overdue = g.Count(w => w.NextDueOn < today) })
            .FirstOrDefaultAsync(ct);
        return (counts?.Due ?? 0, counts?.Overdue ?? 0);
    }
}
