using Certa.Domain.Common;

namespace Certa.Domain.Registry;

/// <summary>
/// A product type of a scheme's catalogue: what it is, how it is assessed, under which rule and
/// against which standard families (the edition that applies depends on the date).
/// </summary>
public sealed class ProductType : IRegistryRecord
{
    public ProductType(CatalogueCategory category, int no, string? code, LocalizedText name, ProductMode mode,
        string? ruleId, IEnumerable<string> standardFamilies, ProductKeywords keywords, IEnumerable<string> hsCodes,
        Provenance provenance)
    {
        SchemeId = category.SchemeId;
        CategoryId = category.Id;
        CategoryNo = category.No;
        Edition = category.Edition;
        No = no > 0 ? no : throw new ArgumentException($"Product number {no} is not positive.", nameof(no));
        Code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        Id = KeyOf(SchemeId, Code, Edition, No);
        Name = name;
        Mode = mode;
        RuleId = string.IsNullOrWhiteSpace(ruleId) ? null : ruleId.Trim();
        StandardFamilies = [.. standardFamilies.Select(StandardNumber.FamilyOf).Distinct()];
        KeywordsEn = [.. keywords.En];
        KeywordsZh = [.. keywords.Zh];
        HsCodes = [.. hsCodes];
        Provenance = provenance;
    }

    private ProductType()
    {
        Id = SchemeId = CategoryId = Edition = string.Empty;
        Name = LocalizedText.Empty;
        StandardFamilies = KeywordsEn = KeywordsZh = HsCodes = [];
        Provenance = null!;
    }

    /// <summary>Scheme and catalogue code, e.g. <c>ccc.0902</c>; stable across catalogue editions.</summary>
    public string Id { get; private set; }

    public string SchemeId { get; private set; }

    public string CategoryId { get; private set; }

    public int CategoryNo { get; private set; }

    public string Edition { get; private set; }

    public int No { get; private set; }

    public string? Code { get; private set; }

    public LocalizedText Name { get; private set; }

    public ProductMode Mode { get; private set; }

    /// <summary>The implementation rule or technical regulation, where the data name one.</summary>
    public string? RuleId { get; private set; }

    public string[] StandardFamilies { get; private set; }

    public string[] KeywordsEn { get; private set; }

    public string[] KeywordsZh { get; private set; }

    public string[] HsCodes { get; private set; }

    public Provenance Provenance { get; private set; }

    string IRegistryRecord.Key => Id;

    /// <summary>Self-declared products carry the mark but get a filing, not a certificate (CNCA-00C-008).</summary>
    public bool IsSelfDeclared => Mode is ProductMode.SdocA or ProductMode.SdocB or ProductMode.SelfDeclaration;

    public static string KeyOf(string schemeId, string? code, string edition, int no) =>
        code is null ? $"{schemeId}.{edition}-{no}" : $"{schemeId}.{code.Replace(';', '+').Replace(' ', '_')}";
}

/// <summary>Words people search a product type by, in each language ("laptop", "笔记本").</summary>
public sealed record ProductKeywords(IReadOnlyList<string> En, IReadOnlyList<string> Zh)
{
    public static ProductKeywords None { get; } = new([], []);
}
