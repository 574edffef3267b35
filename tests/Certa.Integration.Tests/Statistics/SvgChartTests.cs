using System.Globalization;
using System.Xml.Linq;
using Certa.Web.Statistics.Charts;

namespace Certa.Integration.Tests.Statistics;

/// <summary>The server-side SVG charts: well-formed, accessible, proportional, and readable when there is nothing to draw.</summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ChartData Chart(IReadOnlyList<string> categories, params ChartSeries[] series) =>
        new("chart-test", "Certificates <by> scheme & state", "How many certificates each scheme has.", categories, series, "Certificates", "Scheme", "No data yet");

    private static XElement Parse(string svg)
    {
        svg.ShouldNotContain("NaN");
        svg.ShouldNotContain("Infinity");
        return XDocument.Parse(svg).Root!;
    }

    private static List<(double Width, decimal Value)> Bars(XElement root) =>
        [.. root.Descendants(Svg + "rect").Where(r => r.Attribute("data-value") is not null)
            .Select(r => (double.Parse(r.Attribute("width")!.Value, CultureInfo.InvariantCulture), decimal.Parse(r.Attribute("data-value")!.Value, CultureInfo.InvariantCulture)))];

    [Fact]
    public void BarChart_IsValidXml_NamedByItsTitleAndDescription()
    {
        var root = Parse(SvgBarChart.Render(Chart(["CCC", "中国 RoHS"], new ChartSeries("Count", [12, 3]))));

        root.Name.ShouldBe(Svg + "svg");
        root.Attribute("role")!.Value.ShouldBe("img");
        root.Attribute("aria-labelledby")!.Value.ShouldBe("chart-test-title chart-test-desc");
        root.Attribute("viewBox").ShouldNotBeNull();
        root.Attribute("height").ShouldBeNull("the chart scales with its container");
        root.Element(Svg + "title")!.Value.ShouldBe("Certificates <by> scheme & state");
        root.Element(Svg + "title")!.Attribute("id")!.Value.ShouldBe("chart-test-title");
        root.Element(Svg + "desc")!.Value.ShouldBe("How many certificates each scheme has.");
        root.Descendants(Svg + "text").Select(t => t.Value).ShouldContain("中国 RoHS");
        root.Descendants(Svg + "text").Select(t => t.Value).ShouldContain("Certificates");
    }

    [Fact]
    public void BarChart_BarLengths_AreProportionalToTheValues()
    {
        var bars = Bars(Parse(SvgBarChart.Render(Chart(["a", "b", "c"], new ChartSeries("Count", [40, 10, 25])))));

        bars.Select(b => b.Value).ShouldBe([40m, 10m, 25m]);
        bars[0].Width.ShouldBe(bars[1].Width * 4, 0.05);
        bars[2].Width.ShouldBe(bars[1].Width * 2.5, 0.05);
    }

    [Fact]
    public void StackedBars_SegmentsAddUpToTheTotal_AndEachValueHasATitle()
    {
        var root = Parse(SvgBarChart.Render(Chart(["ccc", "rohs"], new ChartSeries("Active", [6, 2]), new ChartSeries("Suspended", [2, 0]))));
        var bars = Bars(root);

        bars.Count.ShouldBe(3, "a zero segment draws nothing");
        (bars[0].Width + bars[1].Width).ShouldBe(bars[2].Width * 4, 0.05);
        bars[0].Width.ShouldBe(bars[1].Width * 3, 0.05);
        root.Descendants(Svg + "title").Select(t => t.Value).ShouldContain("ccc · Suspended: 2");
        root.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "legend").ShouldHaveSingleItem();
        root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "total").Select(t => t.Value).ShouldBe(["8", "2"]);
    }

    [Fact]
    public void LineChart_PointHeights_AreProportionalToTheValues()
    {
        var root = Parse(SvgLineChart.Render(Chart(["2026-01", "2026-02", "2026-03"], new ChartSeries("Issued", [0, 5, 10]))));
        var points = root.Descendants(Svg + "circle")
            .Select(c => double.Parse(c.Attribute("cy")!.Value, CultureInfo.InvariantCulture)).ToList();

        points.Count.ShouldBe(3);
        (points[0] - points[1]).ShouldBe(points[1] - points[2], 0.05);
        points[2].ShouldBeLessThan(points[0]);
        root.Descendants(Svg + "polyline").ShouldHaveSingleItem();
        root.Descendants(Svg + "title").Select(t => t.Value).ShouldContain("2026-02: 5");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void EmptyData_DrawsAReadableNoDataChart_WithoutNaN(int categories)
    {
        var chart = Chart([.. Enumerable.Range(0, categories).Select(i => $"m{i}")], new ChartSeries("Count", [.. Enumerable.Repeat(0m, categories)]));

        foreach (var svg in new[] { SvgBarChart.Render(chart), SvgLineChart.Render(chart) })
        {
            var root = Parse(svg);
            root.Descendants(Svg + "text").Select(t => t.Value).ShouldBe(["No data yet"]);
            root.Element(Svg + "desc")!.Value.ShouldBe("No data yet");
        }
    }

    [Fact]
    public void ASingleMonth_AndDecimalValues_StayFinite()
    {
        var root = Parse(SvgLineChart.Render(Chart(["2026-11"], new ChartSeries("Median days", [0.3m]))));

        root.Descendants(Svg + "text").Select(t => t.Value).ShouldContain("0.3");
    }

    [Fact]
    public void LongLabels_AreCut_WithTheFullNameInATitle()
    {
        const string name = "China Quality Certification Centre for Electrical Safety and Conformity";
        var root = Parse(SvgBarChart.Render(Chart([name], new ChartSeries("Count", [1]))));

        root.Descendants(Svg + "text").Select(t => t.Value).ShouldContain(t => t.EndsWith('…') && name.StartsWith(t.TrimEnd('…'), StringComparison.Ordinal));
        root.Descendants(Svg + "title").Select(t => t.Value).ShouldContain(name);
    }

    [Fact]
    public void HostileText_IsEscaped()
    {
        var root = Parse(SvgBarChart.Render(Chart(["<script>alert(1)</script>", "a\u0001b"], new ChartSeries("\"x\" & 'y'", [1, 2]))));

        root.Descendants(Svg + "script").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(7, 8, 2)]
    [InlineData(1234, 1500, 500)]
    [InlineData(3, 3, 1)]
    public void Scale_EndsOnARoundNumber(int max, int top, int step)
    {
        var scale = NiceScale.For(max, whole: true);

        scale.Top.ShouldBe(top);
        scale.Step.ShouldBe(step);
        scale.Fraction(max).ShouldBeInRange(0, 1);
    }
}
