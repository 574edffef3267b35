using Certa.Domain.Common;
using Certa.Domain.Registry;
using Certa.Infrastructure.ReferenceData;
using Certa.Requirements;
using Certa.Requirements.Conditions;
using Certa.Requirements.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Certa.Infrastructure.Advisor;

/// <summary>
/// Reads the advisor's files (features, markets, contradictions, products, requirements, documents,
/// procedures) against a registry, compiles every condition and checks every reference. Errors are
/// reported as <c>file:line: reason</c>; a bad condition also names its rule and position.
/// </summary>
public sealed class AdvisorDataReader
{
    public static readonly IReadOnlySet<string> Sections =
        new HashSet<string>(StringComparer.Ordinal) { "features", "markets", "contradictions", "products", "requirements", "documents", "procedures" };

    private readonly RegistrySnapshot registry;
    private readonly List<ReferenceDataError> errors = [];
    private readonly Dictionary<object, YamlRecord> locations = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<YamlRecord>> sections = Sections.ToDictionary(s => s, _ => new List<YamlRecord>());

    private AdvisorDataReader(RegistrySnapshot registry) => this.registry = registry;

    /// <summary>Null when no file has an advisor section (a data set without the advisor).</summary>
    /// <exception cref="ReferenceDataException">Any error; nothing of the advisor data may be used.</exception>
    public static AdvisorDefinitions? Read(RegistrySnapshot registry) => new AdvisorDataReader(registry).ReadAll();

    private AdvisorDefinitions? ReadAll()
    {
        foreach (var file in registry.AdvisorFiles)
        {
            Collect(file);
        }

        if (errors.Count > 0)
        {
            throw new ReferenceDataException(errors);
        }

        if (sections.Values.All(s => s.Count == 0))
        {
            return null;
        }

        var markets = Each("markets", r => r.Make(() => new MarketDefinition(r.Str("id"), r.Text("name"), r.OptStr("group"), r.Provenance())));
        var features = Each("features", ReadFeature);
        var productIds = sections["products"].Select(r => r.OptStr("id") ?? string.Empty).ToList();
        var schema = new FactSchema();
        schema.Add(AdvisorKnowledge.MarketsFact, FactType.Set, [.. markets.Select(m => m.Id)]);
        schema.Add(AdvisorKnowledge.CataloguesFact, FactType.Set, [.. registry.Schemes.Select(s => s.Id)]);
        schema.Add(AdvisorKnowledge.ProductFact, FactType.Text, productIds);
        foreach (var feature in features)
        {
            Guarded(sections["features"][0], () => schema.Add(feature.Id, feature.Type, feature.Values));
        }

        var documents = Each("documents", r => r.Make(() => new DocumentDefinition(r.Str("id"), r.Text("name"),
            r.OptText("help") ?? LocalizedText.Empty, r.Provenance())));
        var procedures = Each("procedures", ReadProcedure);
        var products = Each("products", r => ReadProduct(r, schema));
        var contradictions = Each("contradictions", r => r.Make(() => new Contradiction(
            Compile(r, "when", schema, r.OptStr("field") ?? "?"), r.Str("field"), r.Text("message"), r.Provenance())));
        var rules = Each("requirements", r => ReadRule(r, schema));
        Check(features, products, documents, procedures, rules);
        if (errors.Count > 0)
        {
            throw new ReferenceDataException(errors);
        }

        return new AdvisorDefinitions(schema, features, markets, products, rules, documents, procedures, contradictions);
    }

    private void Collect(SourceFile file)
    {
        YamlStream stream = [];
        try
        {
            stream.Load(new StringReader(file.Text));
        }
        catch (YamlException e)
        {
            errors.Add(new ReferenceDataError(file.Path, (int)e.Start.Line, $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
            return;
        }

        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode top)
            {
                continue;
            }

            var record = new YamlRecord(file.Path, top);
            foreach (var section in Sections)
            {
                Guarded(record, () => sections[section].AddRange(record.Records(section)));
            }
        }
    }

    private FeatureDefinition ReadFeature(YamlRecord r) => r.Make(() =>
    {
        var type = r.Enum<FactType>("type");
        var values = r.List("values");
        if (type is FactType.Text or FactType.Set && values.Count == 0)
        {
            throw r.Fail("values", $"a {type.ToString().ToLowerInvariant()} feature needs its list of values");
        }

        return new FeatureDefinition(r.Str("id"), type, values, r.OptStr("unit"), r.Text("name"), r.OptText("help") ?? LocalizedText.Empty, r.Provenance());
    });

    private Procedure ReadProcedure(YamlRecord r) => r.Make(() =>
    {
        var steps = new List<ProcedureStep>();
        foreach (var s in r.Records("steps"))
        {
            var min = s.Int("min_days");
            var max = s.Int("max_days");
            if (min < 0 || max < min)
            {
                throw s.Fail("max_days", $"durations must satisfy 0 <= min_days <= max_days (got {min}..{max})");
            }

            IReadOnlyList<string> after = s.Has("after") ? s.List("after") : steps.Count == 0 ? [] : [steps[^1].Id];
            foreach (var a in after.Where(a => steps.All(p => p.Id != a)))
            {
                throw s.Fail("after", $"step '{a}' is not an earlier step of this procedure");
            }

            steps.Add(s.Make(() => new ProcedureStep(s.Str("id"), s.Text("name"), s.Enum<StepOwner>("owner"), min, max, after, s.Provenance())));
        }

        return steps.Count == 0
            ? throw r.Fail("steps", "a procedure needs at least one step")
            : new Procedure(r.Str("id"), r.Str("scheme"), steps, r.OptText("validity") ?? LocalizedText.Empty,
                r.OptText("surveillance") ?? LocalizedText.Empty, r.Provenance());
    });

    private static ProductKind ReadProduct(YamlRecord r, FactSchema schema) => r.Make(() =>
    {
        var keywords = r.Record("keywords");
        var en = keywords?.List("en") ?? [];
        var zh = keywords?.List("zh") ?? [];
        keywords?.EnsureAllRead();
        var defaults = new Dictionary<string, FeatureValue>(StringComparer.Ordinal);
        if (r.Record("defaults") is { } d)
        {
            foreach (var name in d.Keys())
            {
                var fact = schema.Find(name);
                if (fact is null || name is AdvisorKnowledge.MarketsFact or AdvisorKnowledge.CataloguesFact or AdvisorKnowledge.ProductFact)
                {
                    throw d.Fail(name, $"'{name}' is not a feature of features.yaml");
                }

                defaults[name] = FeatureValueOf(d, name, fact);
            }
        }

        return new ProductKind(r.Str("id"), r.Text("name"), en, zh, r.List("hs_codes"), r.List("entries"), defaults, r.Provenance());
    });

    private static FeatureValue FeatureValueOf(YamlRecord d, string name, FactDefinition fact)
    {
        switch (fact.Type)
        {
            case FactType.Bool:
                return FeatureValue.Of(d.Bool(name, fallback: false));
            case FactType.Number:
                var text = d.Str(name);
                return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    ? FeatureValue.Of(n)
                    : throw d.Fail(name, $"'{name}' must be a number, not '{text}'");
            case FactType.Text:
                var value = d.Str(name);
                return fact.IndexOf(value) >= 0 ? FeatureValue.Of(value) : throw d.Fail(name, $"'{value}' is not one of: {string.Join(", ", fact.Values)}");
            default:
                var values = d.List(name);
                var bad = values.FirstOrDefault(v => fact.IndexOf(v) < 0);
                return bad is null ? FeatureValue.Of(values) : throw d.Fail(name, $"'{bad}' is not one of: {string.Join(", ", fact.Values)}");
        }
    }

    private static RequirementRule ReadRule(YamlRecord r, FactSchema schema) => r.Make(() =>
    {
        var id = r.Str("id");
        return new RequirementRule(id, r.Str("scheme"), Compile(r, "when", schema, id), r.Str("mode") == "catalogue" ? null : r.Enum<SchemeMode>("mode"),
            r.OptStr("product_type"), r.Text("why"), r.Text("not_needed"), r.List("documents"), r.Str("procedure"),
            r.OptStr("procedure_self_declared"), r.List("after"), r.Provenance())
        {
            SelfDeclaredDocuments = r.List("documents_self_declared"),
            Standards = [.. r.List("standards").Select(StandardNumber.FamilyOf)],
        };
    });

    private static Condition Compile(YamlRecord r, string field, FactSchema schema, string owner)
    {
        var text = r.Str(field);
        try
        {
            return ConditionParser.Parse(text, schema);
        }
        catch (ConditionException e)
        {
            throw r.Fail(field, $"{owner}: condition '{text}' at position {e.Position}: {e.Reason}");
        }
    }

    private void Check(IReadOnlyList<FeatureDefinition> features, IReadOnlyList<ProductKind> products, IReadOnlyList<DocumentDefinition> documents,
        IReadOnlyList<Procedure> procedures, IReadOnlyList<RequirementRule> rules)
    {
        var schemes = registry.Schemes.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var productTypes = registry.ProductTypes.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var documentIds = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var procedureIds = procedures.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        // Ids as written, also of rules that failed to load, so one bad rule does not make its dependants fail too.
        var ruleIds = sections["requirements"].Select(r => r.OptStr("id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Unique("features", features, f => f.Id);
        Unique("products", products, p => p.Id);
        Unique("documents", documents, d => d.Id);
        Unique("procedures", procedures, p => p.Id);
        Unique("requirements", rules, r => r.Id);

        foreach (var product in products)
        {
            foreach (var entry in product.Entries.Where(e => !productTypes.Contains(e)))
            {
                At(product, $"product '{product.Id}': entry '{entry}' is not a catalogue product type");
            }
        }

        foreach (var procedure in procedures.Where(p => !schemes.Contains(p.SchemeId)))
        {
            At(procedure, $"procedure '{procedure.Id}': scheme '{procedure.SchemeId}' is not defined");
        }

        foreach (var rule in rules)
        {
            List<string> problems =
            [
                .. schemes.Contains(rule.SchemeId) ? [] : new[] { $"scheme '{rule.SchemeId}' is not defined" },
                .. rule.ProductType is null || productTypes.Contains(rule.ProductType) ? [] : new[] { $"product_type '{rule.ProductType}' is not a catalogue product type" },
                .. rule.Documents.Concat(rule.SelfDeclaredDocuments).Where(d => !documentIds.Contains(d)).Select(d => $"document '{d}' is not in documents.yaml"),
                .. rule.Standards.Where(f => registry.Standards.All(e => e.Family != f)).Select(f => $"standard '{f}' has no edition in any standards list"),
                .. new[] { rule.ProcedureId, rule.SelfDeclaredProcedureId }.OfType<string>().Where(p => !procedureIds.Contains(p)).Select(p => $"procedure '{p}' is not in procedures.yaml"),
                .. rule.After.Where(a => !ruleIds.Contains(a) || a == rule.Id).Select(a => $"after '{a}' is not another requirement"),
            ];
            foreach (var problem in problems)
            {
                At(rule, $"requirement '{rule.Id}': {problem}");
            }
        }
    }

    private void Unique<T>(string section, IEnumerable<T> items, Func<T, string> id)
        where T : notnull
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.Where(item => !seen.Add(id(item))))
        {
            At(item, $"duplicate id '{id(item)}' in {section}");
        }
    }

    private void At(object item, string reason)
    {
        var record = locations[item];
        errors.Add(new ReferenceDataError(record.File, record.Line, reason));
    }

    private List<T> Each<T>(string section, Func<YamlRecord, T> read)
        where T : notnull
    {
        var result = new List<T>();
        foreach (var record in sections[section])
        {
            Guarded(record, () =>
            {
                var item = read(record);
                result.Add(item);
                locations[item] = record;
            });
        }

        return result;
    }

    private void Guarded(YamlRecord at, Action step)
    {
        try
        {
            step();
        }
        catch (ReferenceDataException e)
        {
            errors.AddRange(e.Errors);
        }
        catch (ArgumentException e)
        {
            errors.Add(new ReferenceDataError(at.File, at.Line, e.Message));
        }
    }
}
