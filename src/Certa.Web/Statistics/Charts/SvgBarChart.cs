using System.Text;

namespace Certa.Web.Statistics.Charts;

/// <summary>
/// Horizontal bars, one row per category, so long names (bodies, schemes, in Chinese too) stay readable on a phone and
/// the chart grows downwards rather than squeezing. With several series the bar is stacked, segment by segment in the
/// legend's order, each value written inside its segment when it fits; the total follows the bar.
/// </summary>
public static class SvgBarChart
{
    private const double LabelWidth = 150;
    private const double PlotLeft = 158;
    private const double PlotRight = SvgFrame.Width - 48;
    private const double RowHeight = 28;
    private const double BarHeight = 20;

    public static string Render(ChartData chart)
    {
        if (chart.IsEmpty)
        {
            return SvgFrame.NoData(chart);
        }

        var totals = Enumerable.Range(0, chart.Categories.Count)
            .Select(c => Enumerable.Range(0, chart.Series.Count).Sum(s => Math.Max(0, chart.ValueAt(s, c)))).ToList();
        var scale = NiceScale.For(totals.Max(), chart.IsWhole);
        var (legend, legendHeight) = SvgFrame.LegendLayout(chart, 0);
        var rowsTop = legendHeight + 26;
        var axisY = rowsTop + chart.Categories.Count * RowHeight + 4;
        var svg = SvgFrame.Open(chart, axisY + 46);
        SvgFrame.Legend(svg, chart, legend);
        svg.Append("<text x=\"0\" y=\"").Append(SvgText.N(rowsTop - 10)).Append("\" font-weight=\"600\">").Append(SvgText.Escape(chart.CategoryAxis)).Append("</text>");
        Axis(svg, scale, rowsTop - 4, axisY, chart.ValueAxis);
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            Row(svg, chart, c, totals[c], scale, rowsTop + c * RowHeight);
        }

        return SvgFrame.Close(svg);
    }

    private static void Row(StringBuilder svg, ChartData chart, int c, decimal total, NiceScale scale, double top)
    {
        var category = chart.Categories[c];
        var middle = top + RowHeight / 2;
        var shown = SvgText.Fit(category, LabelWidth - 4, 14);
        svg.Append("<g class=\"row\">");
        if (shown != category)
        {
            svg.Append("<title>").Append(SvgText.Escape(category)).Append("</title>");
        }

        svg.Append("<text x=\"").Append(SvgText.N(LabelWidth)).Append("\" y=\"").Append(SvgText.N(middle + 4)).Append("\" text-anchor=\"end\">")
            .Append(SvgText.Escape(shown)).Append("</text>");
        var sum = 0m;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var value = chart.ValueAt(s, c);
            if (value <= 0)
            {
                continue;
            }

            var x = X(scale, sum);
            sum += value;
            Segment(svg, chart, c, s, value, x, X(scale, sum) - x, middle);
        }

        svg.Append("<text x=\"").Append(SvgText.N(X(scale, sum) + 5)).Append("\" y=\"").Append(SvgText.N(middle + 4)).Append("\" class=\"total\" font-weight=\"600\">")
            .Append(SvgText.Value(total)).Append("</text></g>");
    }

    private static void Segment(StringBuilder svg, ChartData chart, int c, int s, decimal value, double x, double width, double middle)
    {
        svg.Append("<g class=\"bar\"><title>").Append(SvgText.Escape(chart.Label(s, c))).Append("</title>");
        svg.Append("<rect x=\"").Append(SvgText.N(x)).Append("\" y=\"").Append(SvgText.N(middle - BarHeight / 2)).Append("\" width=\"").Append(SvgText.N(width))
            .Append("\" height=\"").Append(SvgText.N(BarHeight)).Append("\" fill=\"").Append(ChartPalette.Fill(s))
            .Append("\" stroke=\"#FFFFFF\" stroke-width=\"1\" data-value=\"").Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\"/>");
        var label = SvgText.Value(value);
        if (chart.Series.Count > 1 && SvgText.Width(label, 12) + 6 <= width)
        {
            svg.Append("<text x=\"").Append(SvgText.N(x + width / 2)).Append("\" y=\"").Append(SvgText.N(middle + 4)).Append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"")
                .Append(ChartPalette.Text(s)).Append("\">").Append(label).Append("</text>");
        }

        svg.Append("</g>");
    }

    /// <summary>Vertical grid lines at the ticks, their values under the rows, and what the values count.</summary>
    private static void Axis(StringBuilder svg, NiceScale scale, double top, double axisY, string name)
    {
        svg.Append("<g class=\"axis\" font-size=\"12\">");
        foreach (var tick in scale.Ticks())
        {
            var x = SvgText.N(X(scale, tick));
            svg.Append("<line x1=\"").Append(x).Append("\" y1=\"").Append(SvgText.N(top)).Append("\" x2=\"").Append(x).Append("\" y2=\"").Append(SvgText.N(axisY))
                .Append("\" stroke=\"").Append(ChartPalette.Grid).Append("\"/>");
            svg.Append("<text x=\"").Append(x).Append("\" y=\"").Append(SvgText.N(axisY + 14)).Append("\" text-anchor=\"middle\">").Append(SvgText.Value(tick)).Append("</text>");
        }

        svg.Append("<text x=\"").Append(SvgText.N((PlotLeft + PlotRight) / 2)).Append("\" y=\"").Append(SvgText.N(axisY + 34))
            .Append("\" text-anchor=\"middle\" font-size=\"13\">").Append(SvgText.Escape(name)).Append("</text></g>");
    }

    private static double X(NiceScale scale, decimal value) => PlotLeft + scale.Fraction(value) * (PlotRight - PlotLeft);
}
