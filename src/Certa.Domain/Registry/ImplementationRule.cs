using Certa.Domain.Common;

namespace Certa.Domain.Registry;

/// <summary>An implementation rule (CNCA-C09-01:2023) or technical regulation (BD-142004-01) of a scheme.</summary>
public sealed class ImplementationRule : IRegistryRecord
{
    public ImplementationRule(string id, string schemeId, LocalizedText title, DateOnly? issued, DateOnly? inForce,
        IEnumerable<string> replaces, Provenance provenance)
    {
        Id = Guard.Id(id);
        SchemeId = Guard.Required(schemeId, nameof(schemeId));
        Title = title;
        Issued = issued;
        InForce = inForce;
        Replaces = [.. replaces];
        Provenance = provenance;
    }

    private ImplementationRule()
    {
        Id = SchemeId = string.Empty;
        Title = LocalizedText.Empty;
        Replaces = [];
        Provenance = null!;
    }

    public string Id { get; private set; }

    public string SchemeId { get; private set; }

    public LocalizedText Title { get; private set; }

    public DateOnly? Issued { get; private set; }

    public DateOnly? InForce { get; private set; }

    public string[] Replaces { get; private set; }

    public Provenance Provenance { get; private set; }

    string IRegistryRecord.Key => Id;
}
