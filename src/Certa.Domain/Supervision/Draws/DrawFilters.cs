namespace Certa.Domain.Supervision.Draws;

/// <summary>
/// Which candidates belong to the population. Each list is optional: an empty list does not filter;
/// a candidate must match every non-empty list (AND between lists, OR within one).
/// </summary>
public sealed class DrawFilters
{
    public static readonly DrawFilters None = new();

    public DrawFilters(
        IEnumerable<string>? schemeIds = null,
        IEnumerable<string>? productTypeIds = null,
        IEnumerable<string>? regions = null,
        IEnumerable<string>? bodyIds = null,
        IEnumerable<string>? riskLevels = null)
    {
        SchemeIds = DrawGuard.SortedSet(schemeIds, "filter scheme id");
        ProductTypeIds = DrawGuard.SortedSet(productTypeIds, "filter product type id");
        Regions = DrawGuard.SortedSet(regions, "filter region");
        BodyIds = DrawGuard.SortedSet(bodyIds, "filter body id");
        RiskLevels = DrawGuard.SortedSet(riskLevels, "filter risk level");
    }

    public IReadOnlyList<string> SchemeIds { get; }

    public IReadOnlyList<string> ProductTypeIds { get; }

    public IReadOnlyList<string> Regions { get; }

    public IReadOnlyList<string> BodyIds { get; }

    public IReadOnlyList<string> RiskLevels { get; }

    public bool Matches(DrawCandidate candidate) =>
        Allows(SchemeIds, candidate.SchemeId)
        && Allows(ProductTypeIds, candidate.ProductTypeId)
        && Allows(Regions, candidate.Region)
        && Allows(BodyIds, candidate.BodyId)
        && Allows(RiskLevels, candidate.Risk);

    private static bool Allows(IReadOnlyList<string> filter, string value) => filter.Count == 0 || filter.Contains(value, StringComparer.Ordinal);
}
