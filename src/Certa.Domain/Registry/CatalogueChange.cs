using Certa.Domain.Common;

namespace Certa.Domain.Registry;

/// <summary>One dated change to a scheme's catalogue or rules (SAMR Ann. 2022 No.34 removed nine products).</summary>
public sealed class CatalogueChange : IRegistryRecord
{
    public CatalogueChange(string schemeId, DateOnly date, int sequence, string instrument, LocalizedText effect,
        Provenance provenance)
    {
        SchemeId = Guard.Required(schemeId, nameof(schemeId));
        Date = date;
        Id = $"{SchemeId}.{date:yyyy-MM-dd}.{sequence}";
        Instrument = Guard.Required(instrument, nameof(instrument));
        Effect = effect;
        Provenance = provenance;
    }

    private CatalogueChange()
    {
        Id = SchemeId = Instrument = string.Empty;
        Effect = LocalizedText.Empty;
        Provenance = null!;
    }

    public string Id { get; private set; }

    public string SchemeId { get; private set; }

    public DateOnly Date { get; private set; }

    public string Instrument { get; private set; }

    public LocalizedText Effect { get; private set; }

    public Provenance Provenance { get; private set; }

    string IRegistryRecord.Key => Id;
}
