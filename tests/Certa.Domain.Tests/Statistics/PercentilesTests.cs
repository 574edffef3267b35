using Certa.Infrastructure.Statistics;

namespace Certa.Domain.Tests.Statistics;

public sealed class PercentilesTests
{
    [Fact]
    public void NearestRank_FromAHistogram_EqualsThePercentileOfTheValues()
    {
        // 1, 2, 2, 3, 10: the median is 2, the 90th percentile the 5th value (10).
        IReadOnlyList<(decimal, long)> histogram = [(10, 1), (2, 2), (1, 1), (3, 1)];

        Percentiles.Of(histogram, 0.5m).ShouldBe(2);
        Percentiles.Of(histogram, 0.9m).ShouldBe(10);
        Percentiles.Of(histogram, 0.2m).ShouldBe(1);
    }

    [Fact]
    public void NoObservations_GiveZero() => Percentiles.Of([], 0.5m).ShouldBe(0);

    [Fact]
    public void MonthWindow_EndsWithTheCurrentMonth()
    {
        var window = MonthWindow.Ending(new DateTimeOffset(2026, 1, 31, 23, 0, 0, TimeSpan.Zero), 3);

        window.Keys.ShouldBe(["2025-11", "2025-12", "2026-01"]);
        window.FirstDay.ShouldBe(new DateOnly(2025, 11, 1));
    }
}
