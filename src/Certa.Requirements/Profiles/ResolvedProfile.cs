using Certa.Requirements.Conditions;
using Certa.Requirements.Model;

namespace Certa.Requirements.Profiles;

/// <summary>How the product was identified from the profile.</summary>
public enum ProductMatch
{
    ProductId,
    ProductType,
    HsCode,
    Keywords,
}

/// <summary>A checked profile: the product kind, every feature (defaults merged with what was given), markets, date.</summary>
public sealed record ResolvedProfile(
    ProductKind Product,
    ProductMatch MatchedBy,
    IReadOnlyList<string> Markets,
    DateOnly Date,
    Facts Facts,
    IReadOnlyDictionary<string, FeatureValue> Features,
    IReadOnlySet<string> GivenFeatures,
    string? Reference);
