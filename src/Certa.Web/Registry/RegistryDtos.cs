using Certa.Domain.Common;
using Certa.Domain.Registry;

namespace Certa.Web.Registry;

public sealed record TextDto(string En, string? Zh)
{
    public static TextDto From(LocalizedText text) => new(text.En, text.Zh);

    public static TextDto? FromOptional(LocalizedText text) => text.IsEmpty ? null : From(text);
}

/// <summary>Where a fact comes from; <c>verified: false</c> means it must not be taken as fact.</summary>
public sealed record ProvenanceDto(string Source, bool Verified, string? Note)
{
    public static ProvenanceDto From(Provenance p) => new(p.Source, p.Verified, p.Note);
}

public sealed record AuthorityDto(string Id, TextDto Name, string Jurisdiction, AuthorityKind Kind, string? Parent,
    string? Url, ProvenanceDto Provenance)
{
    public static AuthorityDto From(Authority a) =>
        new(a.Id, TextDto.From(a.Name), a.Jurisdiction, a.Kind, a.ParentId, a.Url, ProvenanceDto.From(a.Provenance));
}

public sealed record SchemeDto(string Id, string Code, TextDto Name, string Authority, IReadOnlyList<string> CoAuthorities,
    string Jurisdiction, Obligation Obligation, Impact? Impact, Management Management, SchemeMode Mode, TextDto? Mark,
    int? ValidityYears, TextDto? Validity, TextDto? Surveillance, string? LegalBasis, ProvenanceDto Provenance)
{
    public static SchemeDto From(Scheme s) => new(s.Id, s.Code, TextDto.From(s.Name), s.AuthorityId, s.CoAuthorityIds,
        s.Jurisdiction, s.Obligation, s.Impact, s.Management, s.Mode, TextDto.FromOptional(s.Mark), s.ValidityYears,
        TextDto.FromOptional(s.Validity), TextDto.FromOptional(s.Surveillance), s.LegalBasis, ProvenanceDto.From(s.Provenance));
}

public sealed record RuleDto(string Id, string Scheme, TextDto Title, DateOnly? Issued, DateOnly? InForce,
    IReadOnlyList<string> Replaces, ProvenanceDto Provenance)
{
    public static RuleDto From(ImplementationRule r) =>
        new(r.Id, r.SchemeId, TextDto.From(r.Title), r.Issued, r.InForce, r.Replaces, ProvenanceDto.From(r.Provenance));
}

public sealed record ChangeDto(DateOnly Date, string Instrument, TextDto Effect, ProvenanceDto Provenance)
{
    public static ChangeDto From(CatalogueChange c) =>
        new(c.Date, c.Instrument, TextDto.From(c.Effect), ProvenanceDto.From(c.Provenance));
}

/// <summary>A scheme with its authority, rules, catalogue editions and history.</summary>
public sealed record SchemeDetailDto(SchemeDto Scheme, AuthorityDto Authority, IReadOnlyList<RuleDto> Rules,
    IReadOnlyList<string> CatalogueEditions, IReadOnlyList<ChangeDto> History);

public sealed record ProductSummaryDto(string Id, int No, string? Code, TextDto Name, ProductMode Mode, bool SelfDeclared,
    string? Rule, IReadOnlyList<string> Standards, ProvenanceDto Provenance)
{
    public static ProductSummaryDto From(ProductType p) => new(p.Id, p.No, p.Code, TextDto.From(p.Name), p.Mode,
        p.IsSelfDeclared, p.RuleId, p.StandardFamilies, ProvenanceDto.From(p.Provenance));
}

public sealed record CategoryDto(int No, TextDto Name, ProvenanceDto Provenance, IReadOnlyList<ProductSummaryDto> Products);

/// <summary>A scheme's catalogue: categories with their product types.</summary>
public sealed record CatalogueDto(string Scheme, string Edition, int ProductCount, IReadOnlyList<CategoryDto> Categories);

/// <summary>A standard family as it applies on a date: the edition in force and what comes next.</summary>
public sealed record AppliedStandardDto(string Family, string? Edition, TextDto? Title, EditionStatus? Status,
    DateOnly? InForce, string? NextEdition, DateOnly? NextInForce, bool Verified);

public sealed record BodyRefDto(string Id, string Abbr, TextDto Name, BodyKind Kind, bool ForeignInvested, bool Verified);

public sealed record ProductTypeDto(string Id, string Scheme, string Edition, int CategoryNo, TextDto Category, int No,
    string? Code, TextDto Name, ProductMode Mode, bool SelfDeclared, RuleDto? Rule, DateOnly StandardsOn,
    IReadOnlyList<AppliedStandardDto> Standards, IReadOnlyList<string> KeywordsEn, IReadOnlyList<string> KeywordsZh,
    IReadOnlyList<string> HsCodes, IReadOnlyList<BodyRefDto> Bodies, IReadOnlyList<BodyRefDto> Labs, ProvenanceDto Provenance);

public sealed record StandardDto(string Number, string Family, int Year, TextDto Title, StandardKind Kind,
    DateOnly? Published, DateOnly? InForce, DateOnly? Withdrawn, EditionStatus Status, DateOnly StatusOn,
    IReadOnlyList<string> Replaces, IReadOnlyList<string> ReplacedBy, ProvenanceDto Provenance);

/// <summary>A standard edition with its family's other editions and the product types that cite the family.</summary>
public sealed record StandardDetailDto(StandardDto Standard, IReadOnlyList<StandardDto> Editions,
    IReadOnlyList<ProductSummaryDto> UsedBy);

/// <summary>One designation of a body or lab; <c>from</c> and <c>until</c> (both inclusive) are null where that side is open.</summary>
public sealed record DesignationDto(string Scheme, DesignationScope Scope, string? Value, DateOnly? From, DateOnly? Until, string Text)
{
    public static DesignationDto Of(Designation d) => new(d.SchemeId, d.Scope, d.Value, d.From, d.Until, d.ToString());
}

public sealed record BodyDto(string Id, BodyKind Kind, string Abbr, TextDto Name, string Country, string? City,
    bool ForeignInvested, string? GsoNotifiedBodyNumber, IReadOnlyList<DesignationDto> Designations, ProvenanceDto Provenance)
{
    public static BodyDto From(RegistryBody b) => new(b.Id, b.Kind, b.Abbr, TextDto.From(b.Name), b.Country, b.City,
        b.ForeignInvested, b.GsoNotifiedBodyNumber,
        [.. b.ParsedDesignations.Select(DesignationDto.Of)],
        ProvenanceDto.From(b.Provenance));
}

/// <summary>A body or lab with the product types its designations cover.</summary>
public sealed record BodyDetailDto(BodyDto Body, IReadOnlyList<ProductSummaryDto> Covers);

public sealed record SearchHitDto(string Kind, string Key, TextDto Title, string? Detail, bool Verified, string Href);

public sealed record RegistryStatsDto(int Schemes, int ProductTypes, int Standards, int Bodies, int Labs, int Authorities);
