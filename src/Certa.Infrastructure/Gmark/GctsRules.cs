using Certa.Domain.Common;
using Certa.Domain.Gmark;
using Certa.Infrastructure.ReferenceData;

namespace Certa.Infrastructure.Gmark;

/// <summary>
/// A scheme's GCTS data (data/gcc/gcts.yaml): the activation terms per technical regulation and the GSO numbers of the
/// notified bodies Certa may code for, keyed by registry body id.
/// </summary>
public sealed record GctsRules(string SchemeId, IReadOnlyDictionary<string, GctsTerms> Regulations, IReadOnlyDictionary<string, string> NotifiedBodies)
{
    public GctsTerms TermsFor(string? regulation) =>
        regulation is not null && Regulations.TryGetValue(regulation, out var terms)
            ? terms
            : throw DomainException.Conflict("no-activation-terms",
                $"Certa's data have no G-mark activation terms for regulation '{regulation}' (data/gcc/gcts.yaml); the product cannot be registered.");

    public string NotifiedBodyNumber(string registryBodyId) =>
        NotifiedBodies.TryGetValue(registryBodyId, out var number)
            ? number
            : throw DomainException.Conflict("no-nb-number",
                $"'{registryBodyId}' has no GSO notified-body number in Certa's data (data/gcc/gcts.yaml), so it cannot issue GCTS codes.");
}

/// <summary>Reads the <c>gcts</c> section; the format and check named there must be the ones <see cref="GctsCode"/> implements.</summary>
internal static class GctsRulesReader
{
    public const string Section = "gcts";

    private const string Format = "NNNN-YYYY-SSSSSS-CC";
    private const string Check = "iso7064-mod97-10";

    public static GctsRules Read(YamlRecord r, IReadOnlyCollection<string> schemeIds, IReadOnlyCollection<string> bodyIds) => r.Make(() =>
    {
        var scheme = r.Str("scheme");
        if (!schemeIds.Contains(scheme))
        {
            throw r.Fail("scheme", $"unknown scheme '{scheme}'");
        }

        if (r.Str("format") != Format || r.Str("check") != Check)
        {
            throw r.Fail("format", $"Certa codes GCTS as {Format} with {Check}; change GctsCode before the data");
        }

        var example = r.Str("example");
        if (!GctsCode.IsValid(example))
        {
            throw r.Fail("example", $"the example '{example}' fails its own check digits");
        }

        r.Provenance();
        var maxYears = Years(r.Record("max_years") ?? throw r.Fail("max_years", "'max_years' is required"));
        var countriesRecord = r.Record("target_countries") ?? throw r.Fail("target_countries", "'target_countries' is required");
        var countries = countriesRecord.Make(() =>
        {
            countriesRecord.Provenance();
            return countriesRecord.List("codes").ToHashSet(StringComparer.Ordinal);
        });
        var regulations = new Dictionary<string, GctsTerms>(StringComparer.Ordinal);
        foreach (var g in r.Records("regulations"))
        {
            var terms = g.Make(() =>
            {
                g.Provenance();
                var min = g.Int("min_years");
                return min < 1 || min > maxYears
                    ? throw g.Fail("min_years", $"min_years must be 1 to {maxYears}, not {min}")
                    : new GctsTerms(g.Str("id"), min, maxYears, g.Bool("age_grading_required", fallback: false), countries);
            });
            if (!regulations.TryAdd(terms.Regulation, terms))
            {
                throw g.Fail("id", $"regulation '{terms.Regulation}' is listed twice");
            }
        }

        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var b in r.Records("notified_bodies"))
        {
            var (body, number) = b.Make(() =>
            {
                b.Provenance();
                b.Bool("demo", fallback: false);
                return (b.Str("body"), b.Str("number"));
            });
            if (!bodyIds.Contains(body))
            {
                throw b.Fail("body", $"'{body}' is not a body in the registry (bodies.yaml)");
            }

            if (number.Length != 4 || !number.All(char.IsAsciiDigit) || !bodies.TryAdd(body, number))
            {
                throw b.Fail("number", $"'{number}' for '{body}' must be a 4-digit number, one per body");
            }
        }

        return new GctsRules(scheme, regulations, bodies);
    });

    private static int Years(YamlRecord r) => r.Make(() =>
    {
        r.Provenance();
        var years = r.Int("years");
        return years is < 1 or > 5 ? throw r.Fail("years", $"a certificate is valid for 1 to 5 years, not {years}") : years;
    });
}
