using Certa.Domain.Common;

namespace Certa.Domain.Registry;

/// <summary>A certification, approval, licensing or labelling scheme (CCC, SRRC, G-mark…).</summary>
public sealed class Scheme : IRegistryRecord
{
    public Scheme(string id, string code, LocalizedText name, string authorityId, IEnumerable<string> coAuthorityIds,
        string jurisdiction, Obligation obligation, Impact? impact, Management management, SchemeMode mode,
        SchemeTerms terms, Provenance provenance)
    {
        Id = Guard.Id(id);
        Code = Guard.Required(code, nameof(code));
        Name = name;
        AuthorityId = Guard.Required(authorityId, nameof(authorityId));
        CoAuthorityIds = [.. coAuthorityIds];
        Jurisdiction = Guard.Required(jurisdiction, nameof(jurisdiction));
        Obligation = obligation;
        Impact = impact;
        Management = management;
        Mode = mode;
        Mark = terms.Mark;
        ValidityYears = terms.ValidityYears is null or > 0
            ? terms.ValidityYears
            : throw new ArgumentException($"Validity of {terms.ValidityYears} years is not positive.", nameof(terms));
        Validity = terms.Validity;
        Surveillance = terms.Surveillance;
        LegalBasis = terms.LegalBasis;
        Provenance = provenance;
    }

    private Scheme()
    {
        Id = Code = AuthorityId = Jurisdiction = string.Empty;
        Name = Mark = Validity = Surveillance = LocalizedText.Empty;
        CoAuthorityIds = [];
        Provenance = null!;
    }

    public string Id { get; private set; }

    public string Code { get; private set; }

    public LocalizedText Name { get; private set; }

    public string AuthorityId { get; private set; }

    public string[] CoAuthorityIds { get; private set; }

    public string Jurisdiction { get; private set; }

    public Obligation Obligation { get; private set; }

    /// <summary>What the scheme does to the product's chances; null where no source states it.</summary>
    public Impact? Impact { get; private set; }

    public Management Management { get; private set; }

    public SchemeMode Mode { get; private set; }

    public LocalizedText Mark { get; private set; }

    public int? ValidityYears { get; private set; }

    public LocalizedText Validity { get; private set; }

    public LocalizedText Surveillance { get; private set; }

    public string? LegalBasis { get; private set; }

    public Provenance Provenance { get; private set; }

    string IRegistryRecord.Key => Id;
}

/// <summary>What a scheme grants and what keeps it alive; every part is optional in the data.</summary>
public sealed record SchemeTerms(
    LocalizedText Mark,
    int? ValidityYears,
    LocalizedText Validity,
    LocalizedText Surveillance,
    string? LegalBasis)
{
    public static SchemeTerms None { get; } =
        new(LocalizedText.Empty, null, LocalizedText.Empty, LocalizedText.Empty, null);
}
