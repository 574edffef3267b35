namespace Certa.Web.Statistics.Charts;

/// <summary>
/// What a chart shows, already in the reader's language: the categories (bars or points, in order), one or more series
/// of values over them, and the words a reader without the picture needs (title, description, axis names, "no data").
/// </summary>
/// <param name="Id">Unique on the page: the SVG's title and description are referred to by it (aria-labelledby).</param>
/// <param name="Title">What the chart shows, as its accessible name.</param>
/// <param name="Description">A sentence for a screen reader; the table under the chart holds the numbers.</param>
/// <param name="Categories">The bars' or points' names, in order.</param>
/// <param name="Series">The values, a series per colour.</param>
/// <param name="ValueAxis">What the values count.</param>
/// <param name="CategoryAxis">What the categories are.</param>
/// <param name="NoData">Shown instead of the chart when there is nothing to draw.</param>
public sealed record ChartData(string Id, string Title, string Description, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series,
    string ValueAxis, string CategoryAxis, string NoData)
{
    /// <summary>Nothing to draw: no categories, or every value zero.</summary>
    public bool IsEmpty => Categories.Count == 0 || Series.All(s => s.Values.All(v => v == 0));

    public decimal ValueAt(int series, int category) => category < Series[series].Values.Count ? Series[series].Values[category] : 0;

    /// <summary>Whether every value is a whole number (counts), so the axis steps by at least 1.</summary>
    public bool IsWhole => Series.All(s => s.Values.All(v => v == decimal.Truncate(v)));

    /// <summary>What one bar, segment or point says in its tooltip: <c>ccc · Suspended: 2</c>, or <c>ccc: 2</c> for a single series.</summary>
    public string Label(int series, int category) =>
        (Series.Count > 1 ? $"{Categories[category]} · {Series[series].Name}: " : $"{Categories[category]}: ") + SvgText.Value(ValueAt(series, category));
}

/// <summary>One series: its name (for the legend) and a value per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);
