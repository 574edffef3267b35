using Certa.Domain.Common;

namespace Certa.Domain.Registry;

/// <summary>A certification body or a testing laboratory and the scopes it is designated for.</summary>
public sealed class RegistryBody : IRegistryRecord
{
    public RegistryBody(string id, BodyKind kind, string abbr, LocalizedText name, string country, string? city,
        bool foreignInvested, string? gsoNotifiedBodyNumber, IEnumerable<Designation> designations, Provenance provenance)
    {
        Id = Guard.Id(id);
        Kind = kind;
        Abbr = Guard.Required(abbr, nameof(abbr));
        Name = name;
        Country = Guard.Required(country, nameof(country));
        City = city;
        ForeignInvested = foreignInvested;
        GsoNotifiedBodyNumber = gsoNotifiedBodyNumber;
        Designations = [.. designations.Select(d => d.ToString()).Distinct()];
        Provenance = provenance;
    }

    private RegistryBody()
    {
        Id = Abbr = Country = string.Empty;
        Name = LocalizedText.Empty;
        Designations = [];
        Provenance = null!;
    }

    public string Id { get; private set; }

    public BodyKind Kind { get; private set; }

    public string Abbr { get; private set; }

    public LocalizedText Name { get; private set; }

    public string Country { get; private set; }

    public string? City { get; private set; }

    public bool ForeignInvested { get; private set; }

    public string? GsoNotifiedBodyNumber { get; private set; }

    /// <summary>Designations in their text form (see <see cref="Designation"/>).</summary>
    public string[] Designations { get; private set; }

    public Provenance Provenance { get; private set; }

    string IRegistryRecord.Key => Id;

    public IEnumerable<Designation> ParsedDesignations => Designations.Select(Designation.Parse);

    public bool IsDesignatedFor(ProductType product) => ParsedDesignations.Any(d => d.Covers(product));

    public IEnumerable<string> SchemeIds => ParsedDesignations.Select(d => d.SchemeId).Distinct();
}
