using System.Text.Json;
using Certa.Domain.Common;
using Certa.Domain.Registry;
using Certa.Requirements.Conditions;
using Certa.Requirements.Model;

namespace Certa.Requirements.Profiles;

/// <summary>
/// Turns a <see cref="ProfileInput"/> into a <see cref="ResolvedProfile"/>: finds the product,
/// merges its defaults with the features given, checks every value and every contradiction, and
/// fills the fact slots the rules read. All errors are collected, each at its field path.
/// </summary>
public sealed class ProfileResolver(AdvisorKnowledge knowledge)
{
    public ResolvedProfile Resolve(ProfileInput input, DateOnly today)
    {
        var errors = new List<ProfileError>();
        var (product, matchedBy) = FindProduct(input, errors);
        var markets = ReadMarkets(input.Markets, errors);
        var date = today;
        if (input.Date is not null && !IsoDate.TryParse(input.Date, out date))
        {
            errors.Add(new ProfileError("date", $"'{input.Date}' is not a date in the form YYYY-MM-DD."));
        }

        var features = new Dictionary<string, FeatureValue>(product?.Defaults ?? new Dictionary<string, FeatureValue>(), StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, json) in input.Features ?? [])
        {
            var path = $"features.{name}";
            if (!knowledge.Features.TryGetValue(name, out var feature))
            {
                errors.Add(new ProfileError(path, $"unknown feature '{name}'; known: {string.Join(", ", knowledge.Features.Keys)}."));
                continue;
            }

            given.Add(name);
            if (json.ValueKind == JsonValueKind.Null)
            {
                features.Remove(name);
                continue;
            }

            if (Convert(feature, json, path, errors) is { } value)
            {
                features[name] = value;
            }
        }

        if (errors.Count > 0 || product is null)
        {
            throw new ProfileException(errors);
        }

        var facts = knowledge.Schema.NewFacts();
        foreach (var (name, value) in features)
        {
            Store(facts, knowledge.Schema.Find(name)!, value);
        }

        facts.SetMask(knowledge.Markets, Mask(knowledge.Markets, markets));
        var catalogueSchemes = product.Entries.Where(knowledge.ProductTypes.ContainsKey).Select(e => knowledge.ProductTypes[e].SchemeId);
        facts.SetMask(knowledge.Catalogues, Mask(knowledge.Catalogues, catalogueSchemes));
        var productIndex = knowledge.Product.IndexOf(product.Id);
        if (productIndex >= 0)
        {
            facts.SetText(knowledge.Product, productIndex);
        }

        foreach (var contradiction in knowledge.Definitions.Contradictions.Where(c => c.When.Evaluate(facts)))
        {
            errors.Add(new ProfileError($"features.{contradiction.Field}", contradiction.Message.En));
        }

        if (errors.Count > 0)
        {
            throw new ProfileException(errors);
        }

        return new ResolvedProfile(product, matchedBy, markets, date, facts, features, given, input.Reference);
    }

    private (ProductKind? Product, ProductMatch By) FindProduct(ProfileInput input, List<ProfileError> errors)
    {
        ProductKind? named = null;
        if (input.Product is not null && !knowledge.Products.TryGetValue(input.Product, out named))
        {
            errors.Add(new ProfileError("product", $"unknown product '{input.Product}'; known: {string.Join(", ", knowledge.Products.Keys)}."));
        }

        if (input.ProductType is not null)
        {
            var byType = ByProductType(input.ProductType);
            if (byType is null)
            {
                errors.Add(new ProfileError("productType", $"unknown product type '{input.ProductType}'; use a catalogue id such as ccc.0902."));
            }
            else if (named is not null && !named.Entries.Contains(input.ProductType))
            {
                errors.Add(new ProfileError("productType", $"'{input.ProductType}' is not an entry of product '{named.Id}' ({string.Join(", ", named.Entries)})."));
            }
            else if (named is null)
            {
                return (byType, ProductMatch.ProductType);
            }

            if (named is null)
            {
                return (null, ProductMatch.ProductType);
            }
        }

        if (named is not null || input.Product is not null)
        {
            return (named, ProductMatch.ProductId);
        }

        if (input.HsCode is not null)
        {
            var digits = new string(input.HsCode.Where(char.IsAsciiDigit).ToArray());
            var match = knowledge.Products.Values
                .SelectMany(p => p.HsCodes.Select(h => (Product: p, Code: new string(h.Where(char.IsAsciiDigit).ToArray()))))
                .Where(x => x.Code.Length > 0 && digits.StartsWith(x.Code, StringComparison.Ordinal))
                .OrderByDescending(x => x.Code.Length).ThenBy(x => x.Product.Id, StringComparer.Ordinal).FirstOrDefault();
            if (match.Product is null)
            {
                errors.Add(new ProfileError("hsCode", $"no known product has HS code '{input.HsCode}'."));
            }

            return (match.Product, ProductMatch.HsCode);
        }

        if (input.Keywords is not null)
        {
            if (string.IsNullOrWhiteSpace(input.Keywords))
            {
                errors.Add(new ProfileError("keywords", "give at least one word, e.g. laptop or 笔记本."));
                return (null, ProductMatch.Keywords);
            }

            var found = ByKeywords(input.Keywords);
            if (found is null)
            {
                errors.Add(new ProfileError("keywords", $"no known product matches '{input.Keywords}'."));
            }

            return (found, ProductMatch.Keywords);
        }

        errors.Add(new ProfileError("product", "say which product: give product, productType, hsCode or keywords."));
        return (null, ProductMatch.ProductId);
    }

    private ProductKind? ByProductType(string id)
    {
        if (knowledge.ProductByEntry.TryGetValue(id, out var kind))
        {
            return kind;
        }

        // A catalogue entry no product kind lists: evaluate it as itself, without defaults.
        return knowledge.ProductTypes.TryGetValue(id, out var type)
            ? new ProductKind(type.Id, type.Name, type.KeywordsEn, type.KeywordsZh, type.HsCodes, [type.Id],
                new Dictionary<string, FeatureValue>(), type.Provenance)
            : null;
    }

    /// <summary>Best match by words: a whole keyword beats a name containing the words, which beats a partial keyword.</summary>
    private ProductKind? ByKeywords(string keywords)
    {
        var folded = SearchText.Fold(keywords);
        return knowledge.Products.Values
            .Select(p => (Product: p, Score: Score(p, folded)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Product.Id, StringComparer.Ordinal)
            .Select(x => x.Product).FirstOrDefault();

        static int Score(ProductKind p, string folded)
        {
            var words = p.KeywordsEn.Concat(p.KeywordsZh).Select(SearchText.Fold).Where(w => w.Length > 0).ToList();
            if (words.Contains(folded))
            {
                return 3;
            }

            if (Mentions(SearchText.Fold(p.Name.En), folded) || Mentions(SearchText.Fold(p.Name.Zh), folded))
            {
                return 2;
            }

            return words.Any(w => Mentions(folded, w) || Mentions(w, folded)) ? 1 : 0;
        }

        // Latin words match whole ("fan" is not in "fantasy"); Chinese has no spaces, so any substring counts.
        static bool Mentions(string text, string part) =>
            part.Length > 0 && text.Length > 0 && (part.Any(c => c > 0x2E7F)
                ? text.Contains(part, StringComparison.Ordinal)
                : $" {System.Text.RegularExpressions.Regex.Replace(text, "[^a-z0-9]+", " ")} ".Contains($" {System.Text.RegularExpressions.Regex.Replace(part, "[^a-z0-9]+", " ").Trim()} ", StringComparison.Ordinal));
    }

    private List<string> ReadMarkets(IReadOnlyList<string>? given, List<ProfileError> errors)
    {
        var markets = new List<string>();
        if (given is null || given.Count == 0)
        {
            errors.Add(new ProfileError("markets", $"name at least one target market: {string.Join(", ", knowledge.Markets.Values)} or a group such as GCC."));
            return markets;
        }

        for (var i = 0; i < given.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(given[i]))
            {
                errors.Add(new ProfileError($"markets[{i}]", "a market code is required here, e.g. CN or SA."));
                continue;
            }

            var code = given[i].Trim().ToUpperInvariant();
            var group = knowledge.Definitions.MarketList.Where(m => string.Equals(m.Group, code, StringComparison.OrdinalIgnoreCase)).ToList();
            if (group.Count > 0)
            {
                markets.AddRange(group.Select(m => m.Id));
            }
            else if (knowledge.Markets.IndexOf(code) >= 0)
            {
                markets.Add(code);
            }
            else
            {
                errors.Add(new ProfileError($"markets[{i}]", $"unknown market '{given[i]}'; known: {string.Join(", ", knowledge.Markets.Values)}."));
            }
        }

        return [.. markets.Distinct()];
    }

    private static FeatureValue? Convert(FeatureDefinition feature, JsonElement json, string path, List<ProfileError> errors)
    {
        switch (feature.Type)
        {
            case FactType.Bool when json.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return FeatureValue.Of(json.GetBoolean());
            case FactType.Number when json.ValueKind is JsonValueKind.Number && json.TryGetDouble(out var number) && double.IsFinite(number):
                return number >= 0 ? FeatureValue.Of(number) : Error($"must not be negative ({number}).");
            case FactType.Text when json.ValueKind is JsonValueKind.String:
                var text = json.GetString()!;
                return feature.Values.Contains(text) ? FeatureValue.Of(text) : Error($"'{text}' is not one of: {string.Join(", ", feature.Values)}.");
            case FactType.Set when json.ValueKind is JsonValueKind.Array:
                var values = new List<string>();
                var i = 0;
                foreach (var item in json.EnumerateArray())
                {
                    var value = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
                    if (value is null || !feature.Values.Contains(value))
                    {
                        errors.Add(new ProfileError($"{path}[{i}]", $"'{item}' is not one of: {string.Join(", ", feature.Values)}."));
                    }
                    else
                    {
                        values.Add(value);
                    }

                    i++;
                }

                return FeatureValue.Of(values.Distinct().ToList());
            default:
                return Error(feature.Type switch
                {
                    FactType.Bool => "must be true or false.",
                    FactType.Number => "must be a number.",
                    FactType.Text => $"must be one of: {string.Join(", ", feature.Values)}.",
                    FactType.Set => $"must be a list of: {string.Join(", ", feature.Values)}.",
                });
        }

        FeatureValue? Error(string message)
        {
            errors.Add(new ProfileError(path, message));
            return null;
        }
    }

    internal static void Store(Facts facts, FactDefinition fact, FeatureValue value)
    {
        switch (fact.Type)
        {
            case FactType.Bool:
                facts.SetBool(fact, value.Flag ?? false);
                break;
            case FactType.Number:
                facts.SetNumber(fact, value.Number ?? 0);
                break;
            case FactType.Text:
                facts.SetText(fact, fact.IndexOf(value.Text ?? string.Empty));
                break;
            case FactType.Set:
                facts.SetMask(fact, Mask(fact, value.Set ?? []));
                break;
        }
    }

    private static ulong Mask(FactDefinition fact, IEnumerable<string> values)
    {
        ulong mask = 0;
        foreach (var value in values)
        {
            var i = fact.IndexOf(value);
            if (i >= 0)
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }
}
