using System.Text;

namespace Certa.Web.Statistics.Charts;

/// <summary>
/// A line over ordered categories (months), one per series, each point a circle carrying its value in a title and,
/// when not zero, written above it. Series differ by colour and by dash pattern, so they stay apart in grey-scale print.
/// Category names are written under every n-th point so that they never overlap.
/// </summary>
public static class SvgLineChart
{
    private const double PlotLeft = 56;
    private const double PlotRight = SvgFrame.Width - 24;
    private const double PlotHeight = 200;
    private const int MostCategoryLabels = 6;
    private static readonly string[] Dashes = ["", "6 3", "2 3", "8 3 2 3"];

    public static string Render(ChartData chart)
    {
        if (chart.IsEmpty)
        {
            return SvgFrame.NoData(chart);
        }

        var scale = NiceScale.For(chart.Series.Max(s => s.Values.DefaultIfEmpty(0).Max()), chart.IsWhole);
        var (legend, legendHeight) = SvgFrame.LegendLayout(chart, 0);
        var top = legendHeight + 30;
        var bottom = top + PlotHeight;
        var svg = SvgFrame.Open(chart, bottom + 48);
        SvgFrame.Legend(svg, chart, legend);
        svg.Append("<text x=\"0\" y=\"").Append(SvgText.N(top - 16)).Append("\" font-weight=\"600\">").Append(SvgText.Escape(chart.ValueAxis)).Append("</text>");
        ValueAxis(svg, scale, top, bottom);
        CategoryAxis(svg, chart, bottom);
        for (var s = 0; s < chart.Series.Count; s++)
        {
            Line(svg, chart, s, scale, top, bottom);
        }

        return SvgFrame.Close(svg);
    }

    private static void Line(StringBuilder svg, ChartData chart, int s, NiceScale scale, double top, double bottom)
    {
        var points = Enumerable.Range(0, chart.Categories.Count)
            .Select(c => (X: X(chart, c), Y: bottom - scale.Fraction(chart.ValueAt(s, c)) * (bottom - top), Value: chart.ValueAt(s, c))).ToList();
        svg.Append("<g class=\"series\">");
        svg.Append("<polyline fill=\"none\" stroke=\"").Append(ChartPalette.Fill(s)).Append("\" stroke-width=\"2.5\"");
        if (Dashes[s % Dashes.Length] is { Length: > 0 } dash)
        {
            svg.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }

        svg.Append(" points=\"").AppendJoin(' ', points.Select(p => SvgText.N(p.X) + "," + SvgText.N(p.Y))).Append("\"/>");
        for (var c = 0; c < points.Count; c++)
        {
            var (x, y, value) = points[c];
            svg.Append("<g class=\"point\"><title>").Append(SvgText.Escape(chart.Label(s, c))).Append("</title>");
            svg.Append("<circle cx=\"").Append(SvgText.N(x)).Append("\" cy=\"").Append(SvgText.N(y)).Append("\" r=\"3.5\" fill=\"").Append(ChartPalette.Fill(s))
                .Append("\" stroke=\"#FFFFFF\" stroke-width=\"1\" data-value=\"").Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\"/>");
            if (value != 0)
            {
                svg.Append("<text x=\"").Append(SvgText.N(x)).Append("\" y=\"").Append(SvgText.N(y - 7)).Append("\" text-anchor=\"middle\" font-size=\"11\">")
                    .Append(SvgText.Value(value)).Append("</text>");
            }

            svg.Append("</g>");
        }

        svg.Append("</g>");
    }

    private static void ValueAxis(StringBuilder svg, NiceScale scale, double top, double bottom)
    {
        svg.Append("<g class=\"axis\" font-size=\"12\">");
        foreach (var tick in scale.Ticks())
        {
            var y = SvgText.N(bottom - scale.Fraction(tick) * (bottom - top));
            svg.Append("<line x1=\"").Append(SvgText.N(PlotLeft)).Append("\" y1=\"").Append(y).Append("\" x2=\"").Append(SvgText.N(PlotRight)).Append("\" y2=\"").Append(y)
                .Append("\" stroke=\"").Append(ChartPalette.Grid).Append("\"/>");
            svg.Append("<text x=\"").Append(SvgText.N(PlotLeft - 6)).Append("\" y=\"").Append(y).Append("\" dy=\"4\" text-anchor=\"end\">").Append(SvgText.Value(tick)).Append("</text>");
        }

        svg.Append("</g>");
    }

    private static void CategoryAxis(StringBuilder svg, ChartData chart, double bottom)
    {
        var every = (int)Math.Ceiling(chart.Categories.Count / (double)MostCategoryLabels);
        svg.Append("<g class=\"axis\" font-size=\"12\">");
        for (var c = 0; c < chart.Categories.Count; c += every)
        {
            svg.Append("<text x=\"").Append(SvgText.N(X(chart, c))).Append("\" y=\"").Append(SvgText.N(bottom + 16)).Append("\" text-anchor=\"middle\">")
                .Append(SvgText.Escape(chart.Categories[c])).Append("</text>");
        }

        svg.Append("<text x=\"").Append(SvgText.N((PlotLeft + PlotRight) / 2)).Append("\" y=\"").Append(SvgText.N(bottom + 38))
            .Append("\" text-anchor=\"middle\" font-size=\"13\">").Append(SvgText.Escape(chart.CategoryAxis)).Append("</text></g>");
    }

    /// <summary>Points spread evenly across the plot; a single point sits in the middle.</summary>
    private static double X(ChartData chart, int c) =>
        chart.Categories.Count == 1 ? (PlotLeft + PlotRight) / 2 : PlotLeft + c * (PlotRight - PlotLeft) / (chart.Categories.Count - 1);
}
