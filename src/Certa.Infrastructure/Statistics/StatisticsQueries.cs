using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Statistics;

/// <summary>
/// The numbers behind the statistics dashboards, each a GROUP BY in the database so that a registry of millions of
/// certificates sends back a few dozen rows. Each method's <c>bodyId</c> narrows every dataset to one certification
/// body; none means every body. Who may ask for which body is the caller's to check.
/// </summary>
public sealed class StatisticsQueries(CertaDbContext db, TimeProvider clock)
{
    private static readonly IReadOnlyList<CertificateState> CertificateStates = Enum.GetValues<CertificateState>();

    /// <summary>Certificates per scheme, split by state.</summary>
    public async Task<StatisticsTable> CertificatesBySchemeAsync(string? bodyId, CancellationToken ct)
    {
        var groups = await Certificates(bodyId).GroupBy(c => new { c.SchemeId, c.State })
            .Select(g => new { Key = g.Key.SchemeId, g.Key.State, Count = g.LongCount() }).ToListAsync(ct);
        return ByState("scheme", groups.Select(g => (g.Key, g.State, g.Count)));
    }

    /// <summary>Certificates per issuing body, split by state.</summary>
    public async Task<StatisticsTable> CertificatesByBodyAsync(string? bodyId, CancellationToken ct)
    {
        var groups = await Certificates(bodyId).GroupBy(c => new { c.BodyId, c.State })
            .Select(g => new { Key = g.Key.BodyId, g.Key.State, Count = g.LongCount() }).ToListAsync(ct);
        return ByState("body", groups.Select(g => (g.Key, g.State, g.Count)));
    }

    /// <summary>Certificates per state, every state listed.</summary>
    public async Task<StatisticsTable> CertificatesByStateAsync(string? bodyId, CancellationToken ct)
    {
        var counts = await Certificates(bodyId).GroupBy(c => c.State).Select(g => new { g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new StatisticsTable("state", ["count"],
            [.. CertificateStates.Select(s => new StatisticsRow(Name(s), [counts.GetValueOrDefault(s)]))]);
    }

    /// <summary>Certificates issued in each of the last <paramref name="months"/> months, the current one included.</summary>
    public async Task<StatisticsTable> CertificatesIssuedPerMonthAsync(string? bodyId, int months, CancellationToken ct)
    {
        var window = MonthWindow.Ending(clock.GetUtcNow(), months);
        var counts = await Certificates(bodyId).Where(c => c.IssuedOn >= window.FirstDay)
            .GroupBy(c => new { c.IssuedOn.Year, c.IssuedOn.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.LongCount() }).ToListAsync(ct);
        var byMonth = counts.ToDictionary(c => MonthWindow.Key(c.Year, c.Month), c => c.Count, StringComparer.Ordinal);
        return new StatisticsTable("month", ["issued"], [.. window.Keys.Select(m => new StatisticsRow(m, [byMonth.GetValueOrDefault(m)]))]);
    }

    /// <summary>Applications per state, every state listed.</summary>
    public async Task<StatisticsTable> ApplicationsByStateAsync(string? bodyId, CancellationToken ct)
    {
        var query = db.Applications.AsNoTracking();
        if (bodyId is not null)
        {
            query = query.Where(a => a.BodyId == bodyId);
        }

        var counts = await query.GroupBy(a => a.State).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new StatisticsTable("state", ["count"],
            [.. Enum.GetValues<ApplicationState>().Select(s => new StatisticsRow(ApplicationWorkflow.Name(s), [counts.GetValueOrDefault(s)]))]);
    }

    /// <summary>
    /// For each state an application passes through (not the final ones), how many stays in it have ended, and the median
    /// and 90th percentile of their length in days (to a tenth of a day, nearest rank).
    /// </summary>
    public async Task<StatisticsTable> ApplicationStepTimesAsync(string? bodyId, CancellationToken ct)
    {
        var buckets = await StepTimeSql.HistogramAsync(db, bodyId, ct);
        var states = Enum.GetValues<ApplicationState>();
        return new StatisticsTable("state", ["completed", "median_days", "p90_days"],
            [.. states.Where(s => !s.IsFinal()).Select(state =>
            {
                IReadOnlyList<(decimal, long)> histogram = [.. buckets.Where(b => b.State == (int)state).Select(b => (b.Tenths / 10m, b.Count))];
                return new StatisticsRow(ApplicationWorkflow.Name(state),
                    [histogram.Sum(h => h.Item2), Percentiles.Of(histogram, 0.5m), Percentiles.Of(histogram, 0.9m)]);
            })]);
    }

    /// <summary>
    /// Inspections per month of the last <paramref name="months"/> by state: a performed one in the month it was performed,
    /// a planned or cancelled one in the month it was planned for.
    /// </summary>
    public async Task<StatisticsTable> InspectionOutcomesPerMonthAsync(string? bodyId, int months, CancellationToken ct)
    {
        var window = MonthWindow.Ending(clock.GetUtcNow(), months);
        var groups = await Inspections(bodyId)
            .Select(i => new { i.State, Day = i.PerformedOn ?? i.PlannedOn })
            .Where(i => i.Day >= window.FirstDay)
            .GroupBy(i => new { i.State, i.Day.Year, i.Day.Month })
            .Select(g => new { g.Key.State, g.Key.Year, g.Key.Month, Count = g.LongCount() }).ToListAsync(ct);
        var cells = groups.ToLookup(g => MonthWindow.Key(g.Year, g.Month), StringComparer.Ordinal);
        return new StatisticsTable("month", InspectionColumns,
            [.. window.Keys.Select(m => new StatisticsRow(m, InspectionValues(cells[m].Select(c => (c.State, c.Count)))))]);
    }

    /// <summary>Inspections per kind (follow-up, double random) by state, over all time.</summary>
    public async Task<StatisticsTable> InspectionOutcomesByKindAsync(string? bodyId, CancellationToken ct)
    {
        var groups = await Inspections(bodyId).GroupBy(i => new { i.Kind, i.State })
            .Select(g => new { g.Key.Kind, g.Key.State, Count = g.LongCount() }).ToListAsync(ct);
        return new StatisticsTable("kind", InspectionColumns,
            [.. Enum.GetValues<InspectionKind>().Select(k => new StatisticsRow(SnakeCaseNames.Of(k.ToString()),
                InspectionValues(groups.Where(g => g.Kind == k).Select(g => (g.State, g.Count)))))]);
    }

    private static IReadOnlyList<string> InspectionColumns => [.. Enum.GetValues<InspectionState>().Select(s => SnakeCaseNames.Of(s.ToString()))];

    private static decimal[] InspectionValues(IEnumerable<(InspectionState State, long Count)> cells)
    {
        var counts = cells.ToLookup(c => c.State);
        return [.. Enum.GetValues<InspectionState>().Select(s => (decimal)counts[s].Sum(c => c.Count))];
    }

    private IQueryable<Certificate> Certificates(string? bodyId)
    {
        var query = db.Certificates.AsNoTracking();
        return bodyId is null ? query : query.Where(c => c.BodyId == bodyId);
    }

    private IQueryable<Inspection> Inspections(string? bodyId)
    {
        var query = db.Inspections.AsNoTracking();
        return bodyId is null ? query : query.Where(i => i.BodyId == bodyId);
    }

    /// <summary>Rows per key, a column per certificate state, largest total first.</summary>
    private static StatisticsTable ByState(string keyColumn, IEnumerable<(string Key, CertificateState State, long Count)> groups)
    {
        var rows = groups.GroupBy(g => g.Key, StringComparer.Ordinal)
            .Select(k => new StatisticsRow(k.Key, [.. CertificateStates.Select(s => (decimal)k.Where(g => g.State == s).Sum(g => g.Count))]))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Key, StringComparer.Ordinal);
        return new StatisticsTable(keyColumn, [.. CertificateStates.Select(Name)], [.. rows]);
    }

    private static string Name(CertificateState state) => SnakeCaseNames.Of(state.ToString());
}
