using Certa.Domain.Common;
using Certa.Domain.Supervision.Draws;
using Certa.Infrastructure.Supervision.Draws;

namespace Certa.Web.Supervision.Draws;

/// <summary>
/// <c>POST /api/v1/draws</c>: the population filters (empty lists do not filter), <c>sampleSize</c> or <c>sampleRate</c>
/// (0.05 is 5 %), the bodies of the inspector pool, the exclusions (each on unless switched off), the team size, the day the
/// inspections are planned for, and the public random value.
/// </summary>
public sealed record MakeDrawRequest(
    IReadOnlyList<string>? SchemeIds,
    IReadOnlyList<string>? ProductTypeIds,
    IReadOnlyList<string>? Regions,
    IReadOnlyList<string>? BodyIds,
    IReadOnlyList<string>? RiskLevels,
    int? SampleSize,
    decimal? SampleRate,
    IReadOnlyList<string>? PoolBodyIds,
    bool? ExcludeOwnOrganisation,
    bool? ExcludeRecentAudits,
    int? RecentAuditYears,
    bool? ExcludeDeclaredRelations,
    int? InspectorsPerTarget,
    DateOnly? PlannedOn,
    string? PublicRandom)
{
    public DrawRequest ToRequest() => new()
    {
        SchemeIds = SchemeIds ?? [],
        ProductTypeIds = ProductTypeIds ?? [],
        Regions = Regions ?? [],
        BodyIds = BodyIds ?? [],
        RiskLevels = RiskLevels ?? [],
        SampleSize = SampleSize,
        SampleRate = SampleRate,
        PoolBodyIds = PoolBodyIds ?? [],
        ExcludeOwnOrganisation = ExcludeOwnOrganisation ?? true,
        RecentAuditYears = ExcludeRecentAudits == false ? null : RecentAuditYears ?? DrawExclusions.DefaultRecentAuditYears,
        ExcludeDeclaredRelations = ExcludeDeclaredRelations ?? true,
        InspectorsPerTarget = InspectorsPerTarget ?? DrawDefinition.DefaultInspectorsPerTarget,
        PlannedOn = PlannedOn,
        PublicRandom = PublicRandom,
    };
}

/// <summary>A draw in a list.</summary>
public sealed record DrawSummaryDto(string Reference, string Authority, DateOnly DrawDate, int PopulationSize, int SampleSize,
    string Seed, string Digest, DateTimeOffset MadeAt, string Url, string RecordUrl)
{
    public static DrawSummaryDto From(Draw d) => new(d.Reference, d.AuthorityId, d.DrawDate, d.PopulationSize, d.SampleSize,
        d.Seed, d.Digest, d.MadeAt, DrawLinks.Api(d.Reference), DrawLinks.Record(d.Reference));
}

public sealed record DrawInspectorDto(string Id, string Name, string Organisation);

public sealed record DrawInspectionDto(Guid Id, string State, DateOnly PlannedOn, DateOnly? PerformedOn, string Url);

public sealed record DrawTargetDto(int Rank, string CertificateNumber, string Enterprise, string Body, IReadOnlyList<DrawInspectorDto> Inspectors,
    DrawInspectionDto? Inspection);

public sealed record DrawShortfallDto(string CertificateNumber, int Needed, int Assigned, int Eligible, string Reason);

/// <summary>A draw in full: what the record says, with names, and the state of each target's inspection.</summary>
public sealed record DrawDto(string Reference, string Authority, DateOnly DrawDate, string PublicRandom, string Seed, string Digest,
    int PopulationSize, int SampleSize, int LoadCap, int InspectorsPerTarget, IReadOnlyList<DrawTargetDto> Targets, IReadOnlyList<DrawShortfallDto> Shortfalls,
    DateTimeOffset MadeAt, string RecordUrl, string VerifyCommand)
{
    public static DrawDto From(DrawDetail detail)
    {
        var (draw, record) = (detail.Draw, detail.Record);
        var pool = record.Inputs.Definition.Pool.ToDictionary(i => i.Id, i => i.OrganisationId, StringComparer.Ordinal);
        return new DrawDto(draw.Reference, draw.AuthorityId, draw.DrawDate, draw.PublicRandom, draw.Seed, draw.Digest, draw.PopulationSize,
            draw.SampleSize, record.Result.LoadCap, record.Inputs.Definition.InspectorsPerTarget,
            [.. record.Result.Targets.Select((t, i) => new DrawTargetDto(i + 1, t.CertificateNumber, t.EnterpriseId, t.BodyId,
                [.. t.InspectorIds.Select(id => new DrawInspectorDto(id, detail.InspectorName(id), pool.GetValueOrDefault(id, string.Empty)))],
                detail.Inspections.TryGetValue(t.CertificateNumber, out var x)
                    ? new DrawInspectionDto(x.Id, SnakeCaseNames.Of(x.State.ToString()), x.PlannedOn, x.PerformedOn, DrawLinks.Inspection(x.Id))
                    : null))],
            [.. record.Result.Shortfalls.Select(s => new DrawShortfallDto(s.CertificateNumber, s.Needed, s.Assigned, s.Eligible, DrawShortfall.Code(s.Reason)))],
            draw.MadeAt, DrawLinks.Record(draw.Reference), DrawLinks.VerifyCommand(draw.Reference));
    }
}

/// <summary>Where a draw and its parts are found, for the API and the pages alike.</summary>
public static class DrawLinks
{
    public static string Api(string reference) => $"/api/v1/draws/{Uri.EscapeDataString(reference)}";

    public static string Record(string reference) => $"{Api(reference)}/record";

    public static string Page(string reference) => $"/draws/{Uri.EscapeDataString(reference)}";

    public static string Inspection(Guid id) => $"/inspections/{id}";

    /// <summary>The record's file name when downloaded.</summary>
    public static string FileName(string reference) => $"draw-{reference}.json";

    public static string VerifyCommand(string reference) => $"certa draw verify {FileName(reference)}";
}
