using System.Text;

namespace Certa.Web.Statistics.Charts;

/// <summary>
/// The outside of every chart: an <c>&lt;svg role="img"&gt;</c> that scales to its container (a viewBox, no fixed size),
/// named by its <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c> through aria-labelledby; and the legend and "no data" text.
/// </summary>
internal static class SvgFrame
{
    public const double Width = 560;

    public static StringBuilder Open(ChartData chart, double height)
    {
        var id = SvgText.Escape(chart.Id);
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"100%\" viewBox=\"0 0 ").Append(SvgText.N(Width)).Append(' ')
            .Append(SvgText.N(height)).Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title ").Append(id).Append("-desc\" font-family=\"")
            .Append(SvgText.FontFamily).Append("\" font-size=\"14\" fill=\"").Append(ChartPalette.Ink).Append("\">");
        svg.Append("<title id=\"").Append(id).Append("-title\">").Append(SvgText.Escape(chart.Title)).Append("</title>");
        svg.Append("<desc id=\"").Append(id).Append("-desc\">").Append(SvgText.Escape(chart.IsEmpty ? chart.NoData : chart.Description)).Append("</desc>");
        return svg;
    }

    public static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    /// <summary>A readable box saying there is nothing to show, instead of an empty axis.</summary>
    public static string NoData(ChartData chart)
    {
        const double height = 120;
        var svg = Open(chart, height);
        svg.Append("<rect x=\"1\" y=\"1\" width=\"").Append(SvgText.N(Width - 2)).Append("\" height=\"").Append(SvgText.N(height - 2))
            .Append("\" rx=\"6\" fill=\"none\" stroke=\"").Append(ChartPalette.Grid).Append("\" stroke-dasharray=\"4 4\"/>");
        svg.Append("<text x=\"").Append(SvgText.N(Width / 2)).Append("\" y=\"").Append(SvgText.N(height / 2 + 5))
            .Append("\" text-anchor=\"middle\" font-size=\"15\" class=\"no-data\">").Append(SvgText.Escape(chart.NoData)).Append("</text>");
        return Close(svg);
    }

    /// <summary>
    /// Where each series' swatch goes along the top, wrapping to a new row at the right edge, and how tall the legend is;
    /// no legend for a single series, whose name the axis already says.
    /// </summary>
    public static (IReadOnlyList<(double X, double Y)> Places, double Height) LegendLayout(ChartData chart, double left)
    {
        if (chart.Series.Count < 2)
        {
            return ([], 0);
        }

        const double rowHeight = 20;
        var places = new List<(double X, double Y)>();
        var (x, y) = (left, 6.0);
        foreach (var series in chart.Series)
        {
            var width = 18 + SvgText.Width(series.Name, 13) + 16;
            if (x + width > Width && x > left)
            {
                (x, y) = (left, y + rowHeight);
            }

            places.Add((x, y));
            x += width;
        }

        return (places, y + rowHeight + 6);
    }

    public static void Legend(StringBuilder svg, ChartData chart, IReadOnlyList<(double X, double Y)> places)
    {
        if (places.Count == 0)
        {
            return;
        }

        svg.Append("<g class=\"legend\" font-size=\"13\">");
        for (var s = 0; s < places.Count; s++)
        {
            var (x, y) = places[s];
            svg.Append("<rect x=\"").Append(SvgText.N(x)).Append("\" y=\"").Append(SvgText.N(y)).Append("\" width=\"12\" height=\"12\" fill=\"")
                .Append(ChartPalette.Fill(s)).Append("\" stroke=\"").Append(ChartPalette.Ink).Append("\" stroke-width=\"0.5\"/>");
            svg.Append("<text x=\"").Append(SvgText.N(x + 17)).Append("\" y=\"").Append(SvgText.N(y + 10.5)).Append("\">")
                .Append(SvgText.Escape(chart.Series[s].Name)).Append("</text>");
        }

        svg.Append("</g>");
    }
}
