using Certa.Domain.Registry;
using Certa.Requirements.Conditions;
using Certa.Requirements.Model;

namespace Certa.Requirements;

/// <summary>
/// Everything the advisor knows, checked and compiled once: features and their fact slots,
/// markets, product kinds, rules with bound conditions, documents, procedures, and the registry
/// it cites (schemes, catalogue entries, standard editions, bodies, history).
/// </summary>
public sealed class AdvisorKnowledge
{
    public const string MarketsFact = "markets";
    public const string CataloguesFact = "catalogues";
    public const string ProductFact = "product";

    public AdvisorKnowledge(AdvisorDefinitions definitions, RegistrySnapshot registry, string fingerprint)
    {
        Definitions = definitions;
        Registry = registry;
        Fingerprint = fingerprint;
        Schema = definitions.Schema;
        Markets = Schema.Find(MarketsFact)!;
        Catalogues = Schema.Find(CataloguesFact)!;
        Product = Schema.Find(ProductFact)!;
        Schemes = registry.Schemes.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Authorities = registry.Authorities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        ProductTypes = registry.ProductTypes.ToDictionary(p => p.Id, StringComparer.Ordinal);
        ImplementationRules = registry.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        Categories = registry.Categories.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Timeline = new StandardTimeline(registry.Standards);
        Products = definitions.Products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Documents = definitions.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        Procedures = definitions.Procedures.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Features = definitions.Features.ToDictionary(f => f.Id, StringComparer.Ordinal);
        ProductByEntry = definitions.Products.SelectMany(p => p.Entries.Select(e => (e, p)))
            .GroupBy(x => x.e, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().p, StringComparer.Ordinal);
    }

    public AdvisorDefinitions Definitions { get; }

    public RegistrySnapshot Registry { get; }

    /// <summary>Identifies the data this knowledge was built from; answers say which.</summary>
    public string Fingerprint { get; }

    public FactSchema Schema { get; }

    public FactDefinition Markets { get; }

    public FactDefinition Catalogues { get; }

    public FactDefinition Product { get; }

    public IReadOnlyDictionary<string, Scheme> Schemes { get; }

    public IReadOnlyDictionary<string, Authority> Authorities { get; }

    public IReadOnlyDictionary<string, ProductType> ProductTypes { get; }

    public IReadOnlyDictionary<string, ImplementationRule> ImplementationRules { get; }

    public IReadOnlyDictionary<string, CatalogueCategory> Categories { get; }

    public StandardTimeline Timeline { get; }

    public IReadOnlyDictionary<string, ProductKind> Products { get; }

    public IReadOnlyDictionary<string, DocumentDefinition> Documents { get; }

    public IReadOnlyDictionary<string, Procedure> Procedures { get; }

    public IReadOnlyDictionary<string, FeatureDefinition> Features { get; }

    /// <summary>The product kind that lists a catalogue entry, for profiles that name a product type.</summary>
    public IReadOnlyDictionary<string, ProductKind> ProductByEntry { get; }
}

/// <summary>The advisor's own data, parsed and checked, before it is joined to the registry.</summary>
public sealed record AdvisorDefinitions(
    FactSchema Schema,
    IReadOnlyList<FeatureDefinition> Features,
    IReadOnlyList<MarketDefinition> MarketList,
    IReadOnlyList<ProductKind> Products,
    IReadOnlyList<RequirementRule> Rules,
    IReadOnlyList<DocumentDefinition> Documents,
    IReadOnlyList<Procedure> Procedures,
    IReadOnlyList<Contradiction> Contradictions);
