using Certa.Domain.Common;

namespace Certa.Domain.Registry;

/// <summary>A government body or affiliated organisation that runs, supervises or supports schemes.</summary>
public sealed class Authority : IRegistryRecord
{
    public Authority(string id, LocalizedText name, string jurisdiction, AuthorityKind kind, string? parentId, string? url,
        Provenance provenance)
    {
        Id = Guard.Id(id);
        Name = name;
        Jurisdiction = Guard.Required(jurisdiction, nameof(jurisdiction));
        Kind = kind;
        ParentId = parentId;
        Url = url;
        Provenance = provenance;
    }

    private Authority()
    {
        Id = Jurisdiction = string.Empty;
        Name = LocalizedText.Empty;
        Provenance = null!;
    }

    public string Id { get; private set; }

    public LocalizedText Name { get; private set; }

    public string Jurisdiction { get; private set; }

    public AuthorityKind Kind { get; private set; }

    public string? ParentId { get; private set; }

    public string? Url { get; private set; }

    public Provenance Provenance { get; private set; }

    string IRegistryRecord.Key => Id;
}
