namespace Certa.Infrastructure.Statistics;

/// <summary>
/// One dataset of the statistics dashboards as a small table of numbers: a row per key (a scheme, a body, a state, a
/// month), a column per series (a state, an outcome, a count). Aggregated in the database; only the table travels.
/// </summary>
/// <param name="KeyColumn">What the keys are: <c>scheme</c>, <c>body</c>, <c>state</c>, <c>month</c>…</param>
/// <param name="Columns">The series, in their display order (snake_case names, as in the API and CSV).</param>
/// <param name="Rows">The keys in their display order.</param>
public sealed record StatisticsTable(string KeyColumn, IReadOnlyList<string> Columns, IReadOnlyList<StatisticsRow> Rows)
{
    public bool IsEmpty => Rows.All(r => r.Values.All(v => v == 0));
}

/// <summary>One key's values, one per column of its table.</summary>
public sealed record StatisticsRow(string Key, IReadOnlyList<decimal> Values)
{
    public decimal Total => Values.Sum();
}
