namespace Certa.Web.Statistics.Charts;

/// <summary>
/// A value axis from 0 to a round top (1, 2 or 5 times a power of ten per step, about five steps), so tick labels read
/// as round numbers. Never zero wide: an all-zero series still gets an axis from 0 to 1, and no division by zero.
/// </summary>
public sealed record NiceScale(decimal Top, decimal Step)
{
    public static NiceScale For(decimal max, bool whole)
    {
        if (max <= 0)
        {
            return new NiceScale(1, whole ? 1 : 0.2m);
        }

        var rough = (double)max / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var normal = rough / magnitude;
        var step = (decimal)((normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 5 ? 5 : 10) * magnitude);
        if (whole && step < 1)
        {
            step = 1;
        }

        return new NiceScale(Math.Ceiling(max / step) * step, step);
    }

    public IEnumerable<decimal> Ticks()
    {
        for (var t = 0m; t <= Top; t += Step)
        {
            yield return t;
        }
    }

    /// <summary>How far along the axis (0 to 1) <paramref name="value"/> lies.</summary>
    public double Fraction(decimal value) => (double)(Math.Clamp(value, 0, Top) / Top);
}
