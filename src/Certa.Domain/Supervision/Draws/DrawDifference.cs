namespace Certa.Domain.Supervision.Draws;

/// <summary>Where a published draw and its re-run disagree.</summary>
public sealed record DrawDifference(string What, string Recorded, string Recomputed)
{
    public override string ToString() => $"{What}: recorded {Recorded}, recomputed {Recomputed}";
}
