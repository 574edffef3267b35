using Certa.Domain.Supervision.Draws;

namespace Certa.Domain.Tests.Supervision.Draws;

/// <summary>Draw inputs for tests: by default 30 CCC certificates of three bodies, 6 inspectors of two, a 20 % sample.</summary>
internal sealed record DrawBuilder
{
    public static readonly string[] Bodies = ["cqc", "cesi-cert", "cccf"];

    public IReadOnlyList<DrawCandidate> Candidates { get; init; } = [.. Enumerable.Range(1, 30).Select(Candidate)];

    public IReadOnlyList<DrawInspector> Pool { get; init; } =
    [
        new("insp-cqc-01", "cqc"), new("insp-cqc-02", "cqc"), new("insp-cqc-03", "cqc"),
        new("insp-cesi-01", "cesi-cert"), new("insp-cesi-02", "cesi-cert"), new("insp-cesi-03", "cesi-cert"),
    ];

    public IReadOnlyList<PastAudit> PastAudits { get; init; } = [];

    public DrawSample Sample { get; init; } = DrawSample.OfRate(0.2m);

    public DrawFilters Filters { get; init; } = new(schemeIds: ["ccc"]);

    public DrawExclusions Exclusions { get; init; } = DrawExclusions.Default;

    public int InspectorsPerTarget { get; init; } = 2;

    public string PublicRandom { get; init; } = "drand round 1000: 00ff";

    public static DrawCandidate Candidate(int i) =>
        new($"20260109{i:D8}", $"ent-{i % 17:D2}", Bodies[i % Bodies.Length], "ccc", $"ccc.09{i % 4:D2}", $"region-{i % 5}", (i % 3) switch { 0 => "low", 1 => "medium", _ => "high" });

    public DrawDefinition Definition() =>
        new("test-draw", "cnca", new DateOnly(2026, 11, 27), Filters, Sample, Pool, Exclusions, PastAudits, InspectorsPerTarget);

    public DrawInputs Inputs() => new(Definition(), Candidates, PublicRandom);

    public DrawResult Run() => DrawAlgorithm.Run(Inputs());
}
