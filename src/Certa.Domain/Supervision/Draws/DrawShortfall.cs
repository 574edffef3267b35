namespace Certa.Domain.Supervision.Draws;

/// <summary>Why a target got fewer inspectors than the definition asks for.</summary>
public enum DrawShortfallReason
{
    /// <summary>Fewer pool members than needed are free of a conflict of interest with the target.</summary>
    TooFewEligible,

    /// <summary>Enough are eligible, but the others already carry the most targets one inspector may get in this draw.</summary>
    LoadCap,
}

/// <summary>A target that could not get its full team: published with the draw, never silently dropped.</summary>
public sealed record DrawShortfall(string CertificateNumber, int Needed, int Assigned, int Eligible, DrawShortfallReason Reason)
{
    public static string Code(DrawShortfallReason reason) => reason switch
    {
        DrawShortfallReason.TooFewEligible => "too-few-eligible",
        DrawShortfallReason.LoadCap => "load-cap",
    };

    public static DrawShortfallReason? Parse(string? code) => code switch
    {
        "too-few-eligible" => DrawShortfallReason.TooFewEligible,
        "load-cap" => DrawShortfallReason.LoadCap,
        _ => null,
    };

    public override string ToString() =>
        $"{CertificateNumber}: {Assigned} of {Needed} inspector(s); " + (Reason == DrawShortfallReason.TooFewEligible
            ? $"only {Eligible} in the pool are free of a conflict of interest"
            : $"{Eligible} are free of a conflict of interest but the others already have the most targets allowed");
}
