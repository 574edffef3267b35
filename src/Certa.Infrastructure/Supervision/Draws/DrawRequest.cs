namespace Certa.Infrastructure.Supervision.Draws;

/// <summary>
/// What an authority officer asks for in a "double random" draw (ADR 015): the population filters (an empty list does not
/// filter), a sample size or a rate (0.05 is 5 %), the bodies whose registered auditors form the inspector pool, the
/// exclusions, the team size, the day the inspections are planned for and the public random value.
/// </summary>
public sealed record DrawRequest
{
    public IReadOnlyList<string> SchemeIds { get; init; } = [];

    public IReadOnlyList<string> ProductTypeIds { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    public IReadOnlyList<string> BodyIds { get; init; } = [];

    public IReadOnlyList<string> RiskLevels { get; init; } = [];

    public int? SampleSize { get; init; }

    public decimal? SampleRate { get; init; }

    /// <summary>The bodies whose registered auditors may be drawn as inspectors.</summary>
    public IReadOnlyList<string> PoolBodyIds { get; init; } = [];

    public bool ExcludeOwnOrganisation { get; init; } = true;

    /// <summary>Keep an inspector away from an enterprise they audited in this many years; null switches it off.</summary>
    public int? RecentAuditYears { get; init; } = Domain.Supervision.Draws.DrawExclusions.DefaultRecentAuditYears;

    public bool ExcludeDeclaredRelations { get; init; } = true;

    public int InspectorsPerTarget { get; init; } = Domain.Supervision.Draws.DrawDefinition.DefaultInspectorsPerTarget;

    public DateOnly? PlannedOn { get; init; }

    public string? PublicRandom { get; init; }
}
