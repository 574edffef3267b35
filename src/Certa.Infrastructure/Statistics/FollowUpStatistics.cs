using Certa.Infrastructure.Supervision.FollowUps;

namespace Certa.Infrastructure.Statistics;

/// <summary>
/// Follow-ups per body from the follow-up worklist (<see cref="FollowUpQueries"/>): how many are due now and how many are
/// overdue. The worklist is the one rule of what is due; counting it again in SQL would be a second rule to keep in step.
/// </summary>
public sealed class FollowUpStatistics(FollowUpQueries followUps, TimeProvider clock)
{
    public async Task<StatisticsTable> FollowUpsByBodyAsync(string? bodyId, CancellationToken ct)
    {
        var worklist = await followUps.WorklistAsync(bodyId, clock.GetUtcNow(), ct);
        var due = worklist.Due.CountBy(p => p.BodyId).ToDictionary(StringComparer.Ordinal);
        var overdue = worklist.Overdue.CountBy(p => p.BodyId).ToDictionary(StringComparer.Ordinal);
        var bodies = due.Keys.Union(overdue.Keys, StringComparer.Ordinal);
        if (bodyId is not null)
        {
            bodies = bodies.Append(bodyId).Distinct(StringComparer.Ordinal);
        }

        return new StatisticsTable("body", ["due", "overdue"],
            [.. bodies.Select(b => new StatisticsRow(b, [due.GetValueOrDefault(b), overdue.GetValueOrDefault(b)]))
                .OrderByDescending(r => r.Values[1]).ThenBy(r => r.Key, StringComparer.Ordinal)]);
    }
}
