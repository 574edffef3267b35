namespace Certa.Infrastructure.Statistics;

/// <summary>
/// Percentiles from a histogram (value → how many), so the database returns counts per value instead of every
/// duration: nearest rank, the smallest value with at least p·n observations at or below it.
/// </summary>
public static class Percentiles
{
    public static decimal Of(IReadOnlyList<(decimal Value, long Count)> histogram, decimal p)
    {
        if (p is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile is a share above 0 and at most 1.");
        }

        var total = histogram.Sum(h => h.Count);
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(p * total);
        var seen = 0L;
        foreach (var (value, count) in histogram.OrderBy(h => h.Value))
        {
            seen += count;
            if (seen >= rank)
            {
                return value;
            }
        }

        return histogram.Max(h => h.Value);
    }
}
