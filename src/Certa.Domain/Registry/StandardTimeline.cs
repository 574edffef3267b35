namespace Certa.Domain.Registry;

/// <summary>
/// Answers "which edition of a standard applies on a date" over a set of editions and their
/// replacement links, e.g. GB 28380-2012 until 2026-01-31 and GB 28380-2025 from 2026-02-01.
/// </summary>
public sealed class StandardTimeline
{
    private readonly Dictionary<string, StandardEdition> byNumber;
    private readonly ILookup<string, StandardEdition> byFamily;
    private readonly ILookup<string, StandardEdition> replacedBy;

    public StandardTimeline(IEnumerable<StandardEdition> editions)
    {
        var all = editions.ToList();
        byNumber = all.ToDictionary(e => e.Number, StringComparer.OrdinalIgnoreCase);
        byFamily = all.ToLookup(e => e.Family, StringComparer.OrdinalIgnoreCase);
        replacedBy = all.SelectMany(e => e.Replaces.Select(r => (Old: r, New: e)))
            .ToLookup(p => p.Old, p => p.New, StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<StandardEdition> EditionsOf(string family) =>
        byFamily[family].OrderBy(e => e.EffectiveFrom).ThenBy(e => e.Year);

    /// <summary>Editions that replace <paramref name="number"/>, earliest first.</summary>
    public IEnumerable<StandardEdition> ReplacedBy(string number) => replacedBy[number].OrderBy(e => e.EffectiveFrom);

    public StandardEdition? Find(string number) => byNumber.GetValueOrDefault(number);

    public EditionStatus StatusOn(StandardEdition edition, DateOnly date)
    {
        if (edition.Withdrawn is { } withdrawn && withdrawn <= date)
        {
            return EditionStatus.Withdrawn;
        }

        if (edition.EffectiveFrom > date)
        {
            return EditionStatus.Upcoming;
        }

        var superseded = ReplacedBy(edition.Number).Concat(NewerInFamily(edition)).Any(s => s.EffectiveFrom <= date);
        return superseded ? EditionStatus.Superseded : EditionStatus.InForce;
    }

    /// <summary>The edition of <paramref name="family"/> in force on <paramref name="date"/>, if any.</summary>
    public StandardEdition? InForceOn(string family, DateOnly date) =>
        EditionsOf(family).LastOrDefault(e => StatusOn(e, date) == EditionStatus.InForce);

    /// <summary>
    /// The edition that applies to a family on a date: the family's own edition in force, or, when the
    /// family was replaced by another (GB/T 26572 → GB 26572-2025), the edition in force that replaced it.
    /// </summary>
    public StandardEdition? AppliesOn(string family, DateOnly date)
    {
        if (InForceOn(family, date) is { } own)
        {
            return own;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var frontier = new Queue<StandardEdition>(EditionsOf(family));
        while (frontier.TryDequeue(out var edition))
        {
            if (!seen.Add(edition.Number))
            {
                continue;
            }

            if (StatusOn(edition, date) == EditionStatus.InForce)
            {
                return edition;
            }

            foreach (var successor in ReplacedBy(edition.Number).Concat(NewerInFamily(edition)))
            {
                frontier.Enqueue(successor);
            }
        }

        return null;
    }

    /// <summary>The editions that apply to <paramref name="product"/> on <paramref name="date"/>, one per standard family that has one.</summary>
    public IReadOnlyList<StandardEdition> ApplyingTo(ProductType product, DateOnly date) =>
        [.. product.StandardFamilies.Select(f => AppliesOn(f, date)).OfType<StandardEdition>()];

    /// <summary>
    /// The edition of a family that applies on a date, and the edition that takes over next: the
    /// successor of the applying edition, or, when none applies yet, the family's first upcoming one.
    /// </summary>
    public (StandardEdition? Applies, StandardEdition? Next) AppliesAndNext(string family, DateOnly date)
    {
        var applies = AppliesOn(family, date);
        var next = applies is null ? EditionsOf(family).FirstOrDefault(e => e.EffectiveFrom > date) : NextAfter(applies, date);
        return (applies, next);
    }

    /// <summary>The first edition replacing <paramref name="edition"/> that comes into force after <paramref name="date"/>.</summary>
    public StandardEdition? NextAfter(StandardEdition edition, DateOnly date) =>
        ReplacedBy(edition.Number).Concat(NewerInFamily(edition)).Where(e => e.EffectiveFrom > date)
            .OrderBy(e => e.EffectiveFrom).FirstOrDefault();

    private IEnumerable<StandardEdition> NewerInFamily(StandardEdition edition) =>
        byFamily[edition.Family].Where(e => e.Year > edition.Year);
}
