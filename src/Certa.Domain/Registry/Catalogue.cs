using Certa.Domain.Common;

namespace Certa.Domain.Registry;

/// <summary>A category of a scheme's product catalogue (CCC 2023, category 8: electronic products).</summary>
public sealed class CatalogueCategory : IRegistryRecord
{
    public CatalogueCategory(string schemeId, string edition, int no, LocalizedText name, Provenance provenance)
    {
        SchemeId = Guard.Required(schemeId, nameof(schemeId));
        Edition = Guard.Required(edition, nameof(edition));
        No = no > 0 ? no : throw new ArgumentException($"Category number {no} is not positive.", nameof(no));
        Id = KeyOf(SchemeId, Edition, No);
        Name = name;
        Provenance = provenance;
    }

    private CatalogueCategory()
    {
        Id = SchemeId = Edition = string.Empty;
        Name = LocalizedText.Empty;
        Provenance = null!;
    }

    public string Id { get; private set; }

    public string SchemeId { get; private set; }

    public string Edition { get; private set; }

    public int No { get; private set; }

    public LocalizedText Name { get; private set; }

    public Provenance Provenance { get; private set; }

    string IRegistryRecord.Key => Id;

    public static string KeyOf(string schemeId, string edition, int no) => $"{schemeId}.{edition}.{no}";
}
