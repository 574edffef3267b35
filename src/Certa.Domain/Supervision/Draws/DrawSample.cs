using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Draws;

/// <summary>How many targets to draw: a fixed size, or a rate of the population rounded up.</summary>
public sealed record DrawSample
{
    /// <summary>Rates carry at most this many decimals, so the number the seed hashes is exactly the rate used.</summary>
    public const int RateDecimals = 6;

    private DrawSample(int? size, decimal? rate)
    {
        Size = size;
        Rate = rate;
    }

    public int? Size { get; }

    /// <summary>A fraction in (0, 1]: 0.05 is 5 %.</summary>
    public decimal? Rate { get; }

    public static DrawSample OfSize(int size) =>
        size >= 1
            ? new DrawSample(size, null)
            : throw DomainException.Invalid("draw-sample-size-invalid", $"The sample size must be at least 1, not {size}.", "sample.size");

    public static DrawSample OfRate(decimal rate) =>
        rate is > 0 and <= 1 && decimal.Round(rate, RateDecimals) == rate
            ? new DrawSample(null, rate)
            : throw DomainException.Invalid("draw-sample-rate-invalid",
                $"The sample rate must be more than 0 and at most 1 (0.05 is 5 %), with at most {RateDecimals} decimals, not {rate}.", "sample.rate");

    /// <summary>
    /// The number of targets for a population: the size (at most the population), or the rate times
    /// the population rounded up, and at least 1 when the population is not empty.
    /// </summary>
    public int For(int population) =>
        population == 0 ? 0
        : Size is { } size ? Math.Min(size, population)
        : Math.Max(1, (int)Math.Ceiling(Rate!.Value * population));
}
