using Certa.Domain.Audits;
using Certa.Domain.Certificates;
using Certa.Domain.Registry;
using Certa.Infrastructure.ReferenceData;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Certa.Infrastructure.Certification;

/// <summary>Each scheme's factory-audit rule and certificate-number pattern, from <c>data/certification/</c>.</summary>
public sealed record CertificationDefinitions(IReadOnlyDictionary<string, AuditRule> AuditRules, IReadOnlyDictionary<string, CertificateNumberPattern> NumberPatterns,
    IReadOnlyDictionary<string, CertificateNumberPattern> DeclarationPatterns)
{
    /// <summary>Each scheme's GCTS rules (<c>gcts</c> section, data/gcc/gcts.yaml).</summary>
    public IReadOnlyDictionary<string, Gmark.GctsRules> Gcts { get; init; } = new Dictionary<string, Gmark.GctsRules>();

    public static CertificationDefinitions Empty { get; } =
        new(new Dictionary<string, AuditRule>(), new Dictionary<string, CertificateNumberPattern>(), new Dictionary<string, CertificateNumberPattern>());
}

/// <summary>
/// Reads the certification sections (<c>audit_checklists</c>, <c>certificate_numbers</c>, <c>declaration_numbers</c>, <c>gcts</c>) of the stored
/// data files, checking scheme and body ids against the registry; every error names its file and line.
/// </summary>
public static class CertificationDataReader
{
    public static readonly IReadOnlySet<string> Sections = new HashSet<string>(StringComparer.Ordinal) { "audit_checklists", "certificate_numbers", "declaration_numbers", Gmark.GctsRulesReader.Section };

    /// <exception cref="ReferenceDataException">Any error; none of the certification data may be used.</exception>
    public static CertificationDefinitions Read(IEnumerable<SourceFile> files, IReadOnlyCollection<string> schemeIds, IReadOnlyCollection<string> bodyIds)
    {
        var errors = new List<ReferenceDataError>();
        var rules = new Dictionary<string, AuditRule>(StringComparer.Ordinal);
        var patterns = new Dictionary<string, CertificateNumberPattern>(StringComparer.Ordinal);
        var filings = new Dictionary<string, CertificateNumberPattern>(StringComparer.Ordinal);
        var gcts = new Dictionary<string, Gmark.GctsRules>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var top in Mappings(file, errors))
            {
                foreach (var r in Guarded(errors, () => top.Records("audit_checklists").ToList()) ?? [])
                {
                    Guarded(errors, () => Add(rules, r, ReadRule(r, schemeIds)));
                }

                foreach (var r in Guarded(errors, () => top.Records("certificate_numbers").ToList()) ?? [])
                {
                    Guarded(errors, () => Add(patterns, r, ReadPattern(r, schemeIds, bodyIds)));
                }

                foreach (var r in Guarded(errors, () => top.Records("declaration_numbers").ToList()) ?? [])
                {
                    Guarded(errors, () => Add(filings, r, ReadPattern(r, schemeIds, bodyIds)));
                }

                foreach (var r in Guarded(errors, () => top.Records(Gmark.GctsRulesReader.Section).ToList()) ?? [])
                {
                    Guarded(errors, () => Add(gcts, r, Gmark.GctsRulesReader.Read(r, schemeIds, bodyIds)));
                }
            }
        }

        return errors.Count > 0 ? throw new ReferenceDataException(errors) : new CertificationDefinitions(rules, patterns, filings) { Gcts = gcts };
    }

    private static AuditRule ReadRule(YamlRecord r, IReadOnlyCollection<string> schemeIds) => r.Make(() =>
    {
        var scheme = Scheme(r, schemeIds);
        var items = r.Records("items").Select(i => i.Make(() => new ChecklistItem(i.Str("id"), i.Text("text")))).ToList();
        r.Provenance();
        return r.Build(() => AuditRule.Of(scheme, r.Int("min_auditors"), r.Int("min_days"), r.Int("max_days"), items));
    });

    private static CertificateNumberPattern ReadPattern(YamlRecord r, IReadOnlyCollection<string> schemeIds, IReadOnlyCollection<string> bodyIds) => r.Make(() =>
    {
        var scheme = Scheme(r, schemeIds);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r.Record("body_codes") is { } map)
        {
            foreach (var body in map.Keys().ToList())
            {
                if (!bodyIds.Contains(body))
                {
                    throw map.FailAtKey(body, $"'{body}' is not a body in the registry (bodies.yaml)");
                }

                codes[body] = map.Str(body);
            }
        }

        r.Provenance();
        return r.Build(() => CertificateNumberPattern.Parse(scheme, r.Str("pattern"), codes));
    });

    private static string Scheme(YamlRecord r, IReadOnlyCollection<string> schemeIds)
    {
        var scheme = r.Str("scheme");
        return schemeIds.Contains(scheme) ? scheme : throw r.Fail("scheme", $"unknown scheme '{scheme}'");
    }

    private static void Add<T>(Dictionary<string, T> into, YamlRecord r, T value)
    {
        var scheme = r.Str("scheme");
        if (!into.TryAdd(scheme, value))
        {
            throw r.Fail("scheme", $"scheme '{scheme}' is defined twice");
        }
    }

    private static IEnumerable<YamlRecord> Mappings(SourceFile file, List<ReferenceDataError> errors)
    {
        YamlStream stream = [];
        try
        {
            stream.Load(new StringReader(file.Text));
        }
        catch (YamlException e)
        {
            errors.Add(new ReferenceDataError(file.Path, (int)e.Start.Line, $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
            return [];
        }

        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().Select(m => new YamlRecord(file.Path, m))];
    }

    private static T? Guarded<T>(List<ReferenceDataError> errors, Func<T> step)
        where T : class
    {
        try
        {
            return step();
        }
        catch (ReferenceDataException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }
    }

    private static void Guarded(List<ReferenceDataError> errors, Action step) =>
        Guarded<object>(errors, () =>
        {
            step();
            return new object();
        });
}
