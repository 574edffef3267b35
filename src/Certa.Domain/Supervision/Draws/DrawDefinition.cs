using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Draws;

/// <summary>
/// What an authority officer decides before a "double random" draw: the population filters, the
/// sample, the inspector pool, the conflicts of interest to exclude (with the past-audit facts they
/// rest on) and the team size. Lists are kept in ordinal order, so the order they were given in
/// changes nothing.
/// </summary>
public sealed class DrawDefinition
{
    /// <summary>Inspections are done by a team; the seed asks for two.</summary>
    public const int DefaultInspectorsPerTarget = 2;

    private readonly HashSet<(string Inspector, string Enterprise)> recentAudits;

    public DrawDefinition(
        string id,
        string authorityId,
        DateOnly drawDate,
        DrawFilters filters,
        DrawSample sample,
        IEnumerable<DrawInspector> pool,
        DrawExclusions? exclusions = null,
        IEnumerable<PastAudit>? pastAudits = null,
        int inspectorsPerTarget = DefaultInspectorsPerTarget)
    {
        Id = DrawGuard.Required(id, "id");
        AuthorityId = DrawGuard.Required(authorityId, "authority id");
        DrawDate = drawDate;
        Filters = filters;
        Sample = sample;
        Exclusions = exclusions ?? DrawExclusions.Default;
        if (inspectorsPerTarget < 1)
        {
            throw DomainException.Invalid("draw-inspectors-per-target-invalid",
                $"A target needs at least 1 inspector, not {inspectorsPerTarget}.", "inspectorsPerTarget");
        }

        InspectorsPerTarget = inspectorsPerTarget;
        Pool = [.. pool.OrderBy(i => i.Id, StringComparer.Ordinal)];
        if (Pool.Count == 0)
        {
            throw DomainException.Invalid("draw-pool-empty", $"Draw {id} has no inspectors in its pool.", "pool");
        }

        if (Pool.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw DomainException.Invalid("draw-inspector-duplicate", $"Inspector {twice.Key} is in the pool of draw {id} {twice.Count()} times.", "pool");
        }

        PastAudits = [.. (pastAudits ?? []).Distinct()
            .OrderBy(a => a.InspectorId, StringComparer.Ordinal).ThenBy(a => a.EnterpriseId, StringComparer.Ordinal).ThenBy(a => a.Date)];
        recentAudits = Exclusions.RecentAuditYears is { } years
            ? [.. PastAudits.Where(a => a.Date >= drawDate.AddYears(-years)).Select(a => (a.InspectorId, a.EnterpriseId))]
            : [];
    }

    public string Id { get; }

    /// <summary>The authority that defines and publishes the draw.</summary>
    public string AuthorityId { get; }

    /// <summary>The day of the draw: "the last N years" of past audits count back from it.</summary>
    public DateOnly DrawDate { get; }

    public DrawFilters Filters { get; }

    public DrawSample Sample { get; }

    /// <summary>Sorted by inspector id.</summary>
    public IReadOnlyList<DrawInspector> Pool { get; }

    public DrawExclusions Exclusions { get; }

    /// <summary>Sorted by inspector id, enterprise id, date; duplicates dropped.</summary>
    public IReadOnlyList<PastAudit> PastAudits { get; }

    public int InspectorsPerTarget { get; }

    /// <summary>Whether a conflict of interest keeps <paramref name="inspector"/> away from <paramref name="target"/>.</summary>
    public bool Excludes(DrawInspector inspector, DrawCandidate target) =>
        (Exclusions.OwnOrganisation && (inspector.OrganisationId == target.BodyId || inspector.OrganisationId == target.EnterpriseId))
        || (Exclusions.DeclaredRelations && (inspector.Relations.Contains(target.EnterpriseId, StringComparer.Ordinal)
                                             || inspector.Relations.Contains(target.BodyId, StringComparer.Ordinal)))
        || recentAudits.Contains((inspector.Id, target.EnterpriseId));
}
