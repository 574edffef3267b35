using Certa.Domain.Common;
using Certa.Requirements;
using Certa.Requirements.Conditions;

namespace Certa.Web.Requirements;

/// <summary>What a client needs to build a profile: features with their values, markets, products with their defaults.</summary>
public sealed record AdvisorCatalogue(IReadOnlyList<AdvisorCatalogue.Feature> Features, IReadOnlyList<AdvisorCatalogue.Market> Markets,
    IReadOnlyList<AdvisorCatalogue.Product> Products)
{
    public static AdvisorCatalogue From(AdvisorKnowledge k) => new(
        [.. k.Definitions.Features.Select(f => new Feature(f.Id, f.Type, f.Values, f.Unit, f.Name, f.Help, f.Provenance.Verified))],
        [.. k.Definitions.MarketList.Select(m => new Market(m.Id, m.Name, m.Group))],
        [.. k.Definitions.Products.Select(p => new Product(p.Id, p.Name, p.Entries, p.HsCodes,
            p.Defaults.ToDictionary(d => d.Key, d => d.Value.ToString()), p.Provenance.Verified))]);

    public sealed record Feature(string Id, FactType Type, IReadOnlyList<string> Values, string? Unit, LocalizedText Name, LocalizedText Help, bool Verified);

    public sealed record Market(string Id, LocalizedText Name, string? Group);

    public sealed record Product(string Id, LocalizedText Name, IReadOnlyList<string> Entries, IReadOnlyList<string> HsCodes,
        IReadOnlyDictionary<string, string> Defaults, bool Verified);
}
