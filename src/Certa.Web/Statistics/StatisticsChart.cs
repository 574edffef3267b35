using Certa.Infrastructure.Statistics;
using Certa.Web.Localization;
using Certa.Web.Statistics.Charts;

namespace Certa.Web.Statistics;

/// <summary>A dataset drawn as its chart (SVG markup), with the words of the reader's language.</summary>
public static class StatisticsChart
{
    public static string Render(StatisticsDataset dataset, StatisticsTable table, StatisticsLabels labels, UiText text)
    {
        var columns = dataset.ChartColumns ?? table.Columns;
        var series = columns.Select(c => new ChartSeries(labels.Column(c), [.. table.Rows.Select(r => r.Values[Index(table, c)])])).ToList();
        var chart = new ChartData("chart-" + dataset.Id, text[$"stats.{dataset.Id}.title"], text[$"stats.{dataset.Id}.desc"],
            [.. table.Rows.Select(r => labels.Key(dataset.Keys, r.Key))], series, text[$"stats.{dataset.Id}.axis"], labels.KeyColumn(table), text["stats.nodata"]);
        return dataset.Chart switch
        {
            ChartKind.Bars => SvgBarChart.Render(chart),
            ChartKind.Lines => SvgLineChart.Render(chart),
        };
    }

    private static int Index(StatisticsTable table, string column)
    {
        var index = table.Columns.ToList().IndexOf(column);
        return index >= 0 ? index : throw new InvalidOperationException($"The chart asks for column '{column}', which the table has not: {string.Join(", ", table.Columns)}.");
    }
}
