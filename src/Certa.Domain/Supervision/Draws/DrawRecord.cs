namespace Certa.Domain.Supervision.Draws;

/// <summary>
/// A published draw: its inputs (the public random value included), its result and the result's
/// digest. Immutable; <see cref="Verify"/> re-runs the algorithm and names every difference.
/// </summary>
public sealed class DrawRecord
{
    private DrawRecord(DrawInputs inputs, DrawResult result, string digest)
    {
        Inputs = inputs;
        Result = result;
        Digest = digest;
    }

    public DrawInputs Inputs { get; }

    public string PublicRandom => Inputs.PublicRandom;

    public DrawResult Result { get; }

    /// <summary>The digest as published (for a record made here, <see cref="DrawResult.Digest"/>).</summary>
    public string Digest { get; }

    /// <summary>Makes the draw and its record.</summary>
    public static DrawRecord Draw(DrawInputs inputs)
    {
        var result = DrawAlgorithm.Run(inputs);
        return new DrawRecord(inputs, result, result.Digest);
    }

    /// <summary>A record as published elsewhere (read from a file), to be verified.</summary>
    public static DrawRecord Published(DrawInputs inputs, DrawResult result, string digest) => new(inputs, result, digest);

    /// <summary>Re-runs the draw from the inputs; no differences means the published draw is reproduced.</summary>
    public IReadOnlyList<DrawDifference> Verify()
    {
        var again = DrawAlgorithm.Run(Inputs);
        var differences = new List<DrawDifference>();
        void Compare(string what, string recorded, string recomputed)
        {
            if (!string.Equals(recorded, recomputed, StringComparison.Ordinal))
            {
                differences.Add(new DrawDifference(what, recorded, recomputed));
            }
        }

        Compare("seed", Result.Seed, again.Seed);
        Compare("population size", Text(Result.PopulationSize), Text(again.PopulationSize));
        Compare("sample size", Text(Result.SampleSize), Text(again.SampleSize));
        Compare("load cap", Text(Result.LoadCap), Text(again.LoadCap));
        for (var i = 0; i < Math.Max(Result.Targets.Count, again.Targets.Count); i++)
        {
            var recorded = Result.Targets.ElementAtOrDefault(i);
            var recomputed = again.Targets.ElementAtOrDefault(i);
            Compare($"target {i + 1}", Describe(recorded), Describe(recomputed));
        }

        var shortfalls = Result.Shortfalls.Select(s => s.CertificateNumber).Union(again.Shortfalls.Select(s => s.CertificateNumber), StringComparer.Ordinal);
        foreach (var number in shortfalls)
        {
            Compare($"shortfall of {number}", Describe(Result.Shortfalls, number), Describe(again.Shortfalls, number));
        }

        Compare("digest", Digest, again.Digest);
        // A result edited after publication under its original digest: the re-run agrees with the digest, not with the result.
        Compare("digest of the recorded result", Digest, Result.Digest);
        return differences;
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(DrawTarget? target) =>
        target is null ? "(none)" : $"{target.CertificateNumber} ({target.EnterpriseId}, {target.BodyId}) inspectors [{string.Join(", ", target.InspectorIds)}]";

    private static string Describe(IReadOnlyList<DrawShortfall> shortfalls, string number) =>
        shortfalls.FirstOrDefault(s => s.CertificateNumber == number)?.ToString() ?? "(none)";
}
