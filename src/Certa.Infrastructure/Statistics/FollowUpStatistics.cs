using Certa.Infrastructure.Supervision.FollowUps;
using Certa.Infrastructure.Supervision.Watches;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Statistics;

/// <summary>
/// Certificates per body with a follow-up due now (in the window before its due day) and with one overdue, counted in SQL
/// from the stored watches the worklist reads (<see cref="FollowUpQueries.Listed"/>): the watch's next due day is made by
/// the domain's own rule, so the counts agree with the worklist without reading the certificates on it. A certificate two
/// follow-ups behind counts once, as overdue.
/// </summary>
public sealed class FollowUpStatistics(FollowUpQueries followUps, CertificateWatchRebuild watches, TimeProvider clock)
{
    public async Task<StatisticsTable> FollowUpsByBodyAsync(string? bodyId, CancellationToken ct)
    {
        await watches.EnsureCurrentAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var listed = followUps.Listed(today);
        if (bodyId is not null)
        {
            listed = listed.Where(w => w.BodyId == bodyId);
        }

        var counts = await listed.GroupBy(w => w.BodyId)
            .Select(g => new { Body = g.Key, Due = g.Count(w => w.NextDueOn >= today), Overdue = g.Count(w => w.NextDueOn < today) })
            .ToListAsync(ct);
        var rows = counts.ToDictionary(c => c.Body, c => (c.Due, c.Overdue), StringComparer.Ordinal);
        if (bodyId is not null)
        {
            rows.TryAdd(bodyId, (0, 0));
        }

        return new StatisticsTable("body", ["due", "overdue"],
            [.. rows.Select(r => new StatisticsRow(r.Key, [r.Value.Due, r.Value.Overdue]))
                .OrderByDescending(r => r.Values[1]).ThenBy(r => r.Key, StringComparer.Ordinal)]);
    }
}
