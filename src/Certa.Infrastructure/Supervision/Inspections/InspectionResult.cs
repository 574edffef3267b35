namespace Certa.Infrastructure.Supervision.Inspections;

/// <summary>What the organiser records of a performed inspection: findings are required when it failed.</summary>
public sealed record InspectionResult(bool Passed, DateOnly PerformedOn, IReadOnlyList<string> Findings, string? Summary);
