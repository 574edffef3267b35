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

    /// <summary>The designation under which the body may act for <paramref name="product"/> on <paramref name="on"/>, or null.</summary>
    public Designation? DesignationFor(ProductType product, DateOnly on) => ParsedDesignations.FirstOrDefault(d => d.Covers(product, on));

    public bool IsDesignatedFor(ProductType product, DateOnly on) => DesignationFor(product, on) is not null;

    /// <summary>
    /// Null when the body is designated for <paramref name="product"/> on <paramref name="on"/>; otherwise why not, in
    /// plain English for a consumer checking a certificate: no designation takes the product in, or the one that
    /// does had ended by that day, or had not yet begun.
    /// </summary>
    public string? WhyNotDesignated(ProductType product, DateOnly on)
    {
        if (IsDesignatedFor(product, on))
        {
            return null;
        }

        var scoped = ParsedDesignations.Where(d => d.ScopeCovers(product)).ToList();
        if (scoped.Where(d => d.Until < on).MaxBy(d => d.Until) is { Until: { } ended } lapsed)
        {
            return $"its designation for {lapsed.Describe()} ended on {ended:yyyy-MM-dd}";
        }

        if (scoped.Where(d => d.From > on).MinBy(d => d.From) is { From: { } begins } early)
        {
            return $"its designation for {early.Describe()} only began on {begins:yyyy-MM-dd}";
        }

        return $"not designated for product type {product.Id} ({product.SchemeId} category {product.CategoryNo})";
    }

    public IEnumerable<string> SchemeIds => ParsedDesignations.Select(d => d.SchemeId).Distinct();
}
