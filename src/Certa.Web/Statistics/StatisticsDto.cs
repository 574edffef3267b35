using Certa.Infrastructure.Statistics;

namespace Certa.Web.Statistics;

/// <summary>
/// A dataset in the API: which, for whom (<c>body</c>, none for every body), over how many months (monthly datasets), and
/// its rows as objects named like the CSV's columns: <c>{"scheme": "ccc", "active": 12, …}</c>.
/// </summary>
public sealed record StatisticsDto(string Dataset, string? Body, int? Months, DateTimeOffset AsOf, string KeyColumn, IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyDictionary<string, object>> Rows)
{
    public static StatisticsDto From(StatisticsDataset dataset, string? body, int months, DateTimeOffset asOf, StatisticsTable table) =>
        new(dataset.Id, body, dataset.Monthly ? months : null, asOf, table.KeyColumn, table.Columns,
            [.. table.Rows.Select(r => (IReadOnlyDictionary<string, object>)table.Columns.Select((c, i) => (c, (object)r.Values[i]))
                .Prepend((table.KeyColumn, r.Key)).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal))]);
}

/// <summary>One entry of the list of datasets: its id and where to read it.</summary>
public sealed record StatisticsDatasetLink(string Dataset, bool Monthly, string Json, string Csv);
