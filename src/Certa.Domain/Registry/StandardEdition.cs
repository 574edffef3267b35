using Certa.Domain.Common;

namespace Certa.Domain.Registry;

/// <summary>One edition of a standard (GB 28380-2012); its family (GB 28380) groups the editions.</summary>
public sealed class StandardEdition : IRegistryRecord
{
    public StandardEdition(StandardNumber number, LocalizedText title, StandardKind kind, DateOnly? published,
        DateOnly? inForce, DateOnly? withdrawn, IEnumerable<StandardNumber> replaces, Provenance provenance)
    {
        if (!number.IsEdition)
        {
            throw new ArgumentException($"'{number}' names a family, not an edition: add its year.", nameof(number));
        }

        if (published is not null && inForce is not null && inForce < published)
        {
            throw new ArgumentException($"{number} comes into force ({inForce:yyyy-MM-dd}) before it is published ({published:yyyy-MM-dd}).", nameof(inForce));
        }

        Number = number.ToString();
        Family = number.Family;
        Year = number.Year!.Value;
        Title = title;
        Kind = kind;
        Published = published;
        InForce = inForce;
        Withdrawn = withdrawn;
        Replaces = [.. replaces.Select(r => r.ToString())];
        Provenance = provenance;
    }

    private StandardEdition()
    {
        Number = Family = string.Empty;
        Title = LocalizedText.Empty;
        Replaces = [];
        Provenance = null!;
    }

    public string Number { get; private set; }

    public string Family { get; private set; }

    public int Year { get; private set; }

    public LocalizedText Title { get; private set; }

    public StandardKind Kind { get; private set; }

    public DateOnly? Published { get; private set; }

    public DateOnly? InForce { get; private set; }

    public DateOnly? Withdrawn { get; private set; }

    /// <summary>Editions (of this or another family) that this one replaces when it comes into force.</summary>
    public string[] Replaces { get; private set; }

    public Provenance Provenance { get; private set; }

    string IRegistryRecord.Key => Number;

    /// <summary>
    /// The day from which this edition applies: its in-force date, else its publication date, else
    /// 1 January of its year (the only date some older editions carry).
    /// </summary>
    public DateOnly EffectiveFrom => InForce ?? Published ?? new DateOnly(Year, 1, 1);
}
