using Certa.Domain.Common;
using Certa.Domain.Registry;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Certa.Infrastructure.ReferenceData;

/// <summary>
/// Reads every <c>*.yaml</c> file under the data directory into a <see cref="RegistrySnapshot"/>.
/// All errors are collected (file, line, reason); if there is any, the whole data set is refused.
/// </summary>
public sealed partial class ReferenceDataReader
{
    // Sections kept as whole files in the database (the advisor's and the certification data) rather than as rows.
    private static readonly HashSet<string> StoredSections = [.. Advisor.AdvisorDataReader.Sections, .. Certification.CertificationDataReader.Sections];

    private static readonly HashSet<string> TopLevelKeys =
        ["authorities", "schemes", "rules", "standards", "catalogue", "history", "bodies", "labs", Notifications.NotificationRules.Section,
            Supervision.CreditRulesFile.Section, Supervision.FollowUpRulesFile.Section, .. StoredSections];

    private readonly List<ReferenceDataError> errors = [];
    private readonly Dictionary<string, SourceLocation> locations = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Authority> authorities = [];
    private readonly List<Scheme> schemes = [];
    private readonly List<ImplementationRule> rules = [];
    private readonly List<StandardEdition> standards = [];
    private readonly List<CatalogueCategory> categories = [];
    private readonly List<ProductType> products = [];
    private readonly List<CatalogueChange> changes = [];
    private readonly List<RegistryBody> bodies = [];
    private readonly List<SourceFile> advisorFiles = [];
    private string root = string.Empty;

    /// <summary>Reads and checks the data set in <paramref name="directory"/>.</summary>
    /// <exception cref="ReferenceDataException">The data set has errors; none of it may be used.</exception>
    public static RegistrySnapshot Read(string directory) => new ReferenceDataReader().ReadAll(directory);

    private RegistrySnapshot ReadAll(string directory)
    {
        root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new ReferenceDataException([new ReferenceDataError(directory, 0, "data directory not found")]);
        }

        // data/demo/ holds the demo world (organisations and people), not registry data.
        var demo = Path.Combine(root, "demo") + Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(demo, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            errors.Add(new ReferenceDataError(directory, 0, "no *.yaml files found"));
        }

        foreach (var file in files)
        {
            ReadFile(file);
        }

        if (errors.Count == 0)
        {
            new ReferenceChecks(this).Run();
        }

        var snapshot = new RegistrySnapshot(authorities, schemes, rules, standards, categories, products, changes, bodies)
        {
            AdvisorFiles = advisorFiles,
        };
        if (errors.Count == 0)
        {
            try
            {
                Advisor.AdvisorDataReader.Read(snapshot);
                Certification.CertificationDataReader.Read(advisorFiles, [.. schemes.Select(s => s.Id)], [.. bodies.Select(b => b.Id)]);
            }
            catch (ReferenceDataException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new ReferenceDataException(errors);
        }

        return snapshot;
    }

    private void ReadFile(string path)
    {
        var file = Path.GetRelativePath(Path.GetDirectoryName(root)!, path).Replace('\\', '/');
        YamlStream stream = [];
        var text = File.ReadAllText(path);
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add(new ReferenceDataError(file, (int)e.Start.Line, $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
            return;
        }

        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode top)
            {
                errors.Add(new ReferenceDataError(file, (int)document.RootNode.Start.Line, "the file must be a mapping of " + string.Join(", ", TopLevelKeys)));
                continue;
            }

            var record = new YamlRecord(file, top);
            if (top.Children.Keys.OfType<YamlScalarNode>().Any(k => StoredSections.Contains(k.Value ?? string.Empty))
                && advisorFiles.All(f => f.Path != file))
            {
                advisorFiles.Add(new SourceFile(file, text));
            }

            foreach (var key in top.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty))
            {
                if (!TopLevelKeys.Contains(key))
                {
                    Guarded(() => throw record.FailAtKey(key, $"unknown section '{key}'; expected one of {string.Join(", ", TopLevelKeys)}"));
                }
            }

            Guarded(() => ReadSections(record));
        }
    }

    private void ReadSections(YamlRecord top)
    {
        foreach (var r in top.Records("authorities"))
        {
            Guarded(() => Add(authorities, r, RegistryKinds.Authority, ReadAuthority(r), a => a.Id));
        }

        foreach (var r in top.Records("schemes"))
        {
            Guarded(() => Add(schemes, r, RegistryKinds.Scheme, ReadScheme(r), s => s.Id));
        }

        foreach (var r in top.Records("rules"))
        {
            Guarded(() => Add(rules, r, RegistryKinds.Rule, ReadRule(r), x => x.Id));
        }

        foreach (var r in top.Records("standards"))
        {
            Guarded(() => Add(standards, r, RegistryKinds.Standard, ReadStandard(r), s => s.Number));
        }

        foreach (var r in top.Records("bodies"))
        {
            Guarded(() => Add(bodies, r, RegistryKinds.Body, ReadBody(r, BodyKind.CertificationBody), b => b.Id));
        }

        foreach (var r in top.Records("labs"))
        {
            Guarded(() => Add(bodies, r, RegistryKinds.Body, ReadBody(r, BodyKind.Laboratory), b => b.Id));
        }

        if (top.Record("catalogue") is { } catalogue)
        {
            Guarded(() => ReadCatalogue(catalogue));
        }

        if (top.Record("history") is { } history)
        {
            Guarded(() => ReadHistory(history));
        }

        // notifications.yaml is the notification planner's, read when Certa starts; checked here too, so an import refuses a broken one.
        Guarded(() => _ = Notifications.NotificationRulesReader.Read(top));

        // credit-rules.yaml is read by credit records; checked here too, so an import refuses a broken one.
        Guarded(() => _ = Supervision.CreditRulesFile.Read(top));

        // follow-up.yaml is read by the supervision run; checked here too, so an import refuses a broken one.
        Guarded(() => _ = Supervision.FollowUpRulesFile.Read(top, null));
    }

    private static Authority ReadAuthority(YamlRecord r) => r.Make(() => new Authority(
        r.Str("id"), r.Text("name"), r.Str("jurisdiction"), r.Enum<AuthorityKind>("kind"), r.OptStr("parent"), r.OptStr("url"),
        r.Provenance()));

    private static Scheme ReadScheme(YamlRecord r)
    {
        var terms = new SchemeTerms(
            r.OptText("mark") ?? LocalizedText.Empty,
            r.OptInt("validity_years"),
            r.OptText("validity") ?? LocalizedText.Empty,
            r.OptText("surveillance") ?? LocalizedText.Empty,
            r.OptStr("legal_basis"));
        return r.Make(() => new Scheme(
            r.Str("id"), r.Str("code"), r.Text("name"), r.Str("authority"), r.List("co_authorities"), r.Str("jurisdiction"),
            r.Enum<Obligation>("obligation"), r.Has("impact") ? r.Enum<Impact>("impact") : null, r.Enum<Management>("management"),
            r.Enum<SchemeMode>("mode"), terms, r.Provenance()));
    }

    private static ImplementationRule ReadRule(YamlRecord r) => r.Make(() => new ImplementationRule(
        r.Str("id"), r.Str("scheme"), r.Text("title"), r.OptDate("issued"), r.OptDate("in_force"), r.List("replaces"),
        r.Provenance()));

    private static StandardEdition ReadStandard(YamlRecord r) => r.Make(() => new StandardEdition(
        Number(r, "number", r.Str("number")), r.Text("title"), r.Enum<StandardKind>("kind"), r.OptDate("published"),
        r.OptDate("in_force"), r.OptDate("withdrawn"), r.List("replaces").Select(n => Number(r, "replaces", n)).ToList(), r.Provenance()));

    private static RegistryBody ReadBody(YamlRecord r, BodyKind kind)
    {
        var scopes = r.Records("designations").Select(ReadDesignations).ToList();
        var provenance = r.Provenance();
        var unverified = scopes.Where(s => !s.Verified).SelectMany(s => s.Designations).ToList();
        if (unverified.Count > 0 && provenance.Verified)
        {
            // A body may be real while its scope is a guess: the record as shown must say so.
            var note = $"designated scope unverified: {string.Join(", ", unverified)}";
            provenance = new Provenance(provenance.Source, verified: false, provenance.Note is null ? note : $"{provenance.Note}; {note}");
        }

        return r.Make(() => new RegistryBody(
            r.Str("id"), kind, r.Str("abbr"), r.Text("name"), r.Str("country"), r.OptStr("city"),
            r.Bool("foreign_invested", fallback: false), r.OptStr("gso_nb_number"), scopes.SelectMany(s => s.Designations),
            provenance));
    }

    private static (List<Designation> Designations, bool Verified) ReadDesignations(YamlRecord d)
    {
        var scheme = d.Str("scheme");
        List<Designation> result = [];
        if (d.Bool("all", fallback: false))
        {
            result.Add(Designation.WholeScheme(scheme));
        }

        foreach (var category in d.List("categories"))
        {
            result.Add(int.TryParse(category, out var no)
                ? Designation.Category(scheme, no)
                : throw d.Fail("categories", $"category '{category}' is not a number"));
        }

        result.AddRange(d.List("products").Select(p => Designation.Product(scheme, p)));
        result.AddRange(d.List("standards").Select(s => Designation.Standard(scheme, Number(d, "standards", s).Family)));
        var (from, until) = (d.OptDate("from"), d.OptDate("until"));
        if (from > until)
        {
            throw d.Fail("until", $"designation for '{scheme}' ends ({until:yyyy-MM-dd}) before it begins ({from:yyyy-MM-dd}): 'until' must not be before 'from'");
        }

        result = [.. result.Select(r => r.Between(from, until))];
        d.OptStr("source");
        d.OptStr("note");
        var verified = d.Bool("verified", fallback: true);
        d.EnsureAllRead();
        return result.Count > 0
            ? (result, verified)
            : throw d.Fail("scheme", $"designation for '{scheme}' names no scope: give all, categories, products or standards");
    }

    private void ReadCatalogue(YamlRecord c)
    {
        var scheme = c.Str("scheme");
        var edition = c.Str("edition");
        c.OptDate("published");
        var catalogueSource = c.Provenance();
        foreach (var cr in c.Records("categories"))
        {
            Guarded(() =>
            {
                var category = cr.Build(() => new CatalogueCategory(scheme, edition, cr.Int("no"), cr.Text("name"), Inherit(cr, catalogueSource)));
                Add(categories, cr, RegistryKinds.Category, category, x => x.Id);
                foreach (var pr in cr.Records("products"))
                {
                    Guarded(() => Add(products, pr, RegistryKinds.ProductType, ReadProduct(pr, category, catalogueSource), p => p.Id));
                }

                cr.EnsureAllRead();
            });
        }

        c.EnsureAllRead();
    }

    private static ProductType ReadProduct(YamlRecord p, CatalogueCategory category, Provenance catalogueSource)
    {
        var keywords = p.Record("keywords");
        var parsedKeywords = keywords is null ? ProductKeywords.None : new ProductKeywords(keywords.List("en"), keywords.List("zh"));
        keywords?.EnsureAllRead();
        var standards = p.List("standards").Select(s => Number(p, "standards", s).Family).ToList();
        return p.Make(() => new ProductType(category, p.Int("no"), p.OptStr("code"), p.Text("name"), p.Enum<ProductMode>("mode"),
            p.OptStr("rule"), standards, parsedKeywords, p.List("hs_codes"), Inherit(p, catalogueSource)));
    }

    private void ReadHistory(YamlRecord h)
    {
        var scheme = h.Str("scheme");
        var perDate = new Dictionary<DateOnly, int>();
        foreach (var r in h.Records("changes"))
        {
            Guarded(() =>
            {
                var date = r.Date("date");
                perDate[date] = perDate.GetValueOrDefault(date) + 1;
                var change = r.Make(() => new CatalogueChange(scheme, date, perDate[date], r.Str("instrument"), r.Text("effect"), r.Provenance()));
                Add(changes, r, RegistryKinds.Change, change, x => x.Id);
            });
        }

        h.EnsureAllRead();
    }

    /// <summary>Items of a catalogue inherit its source unless they name their own.</summary>
    private static Provenance Inherit(YamlRecord r, Provenance parent) =>
        r.Has("source") ? r.Provenance() : new Provenance(parent.Source, r.Bool("verified", parent.Verified), r.OptStr("note"));

    private static StandardNumber Number(YamlRecord r, string field, string text) =>
        StandardNumber.TryParse(text, out var number, out var error) ? number : throw r.Fail(field, error);

    private void Add<T>(List<T> list, YamlRecord r, string kind, T item, Func<T, string> key)
    {
        var id = $"{kind}:{key(item)}";
        if (locations.TryGetValue(id, out var first))
        {
            errors.Add(new ReferenceDataError(r.File, r.Line, $"duplicate {kind} '{key(item)}' (first at {first.File}:{first.Line})"));
            return;
        }

        locations[id] = r.Location;
        list.Add(item);
    }

    /// <summary>Runs one step; a bad record becomes an error with its line instead of stopping the read.</summary>
    private void Guarded(Action step)
    {
        try
        {
            step();
        }
        catch (ReferenceDataException e)
        {
            errors.AddRange(e.Errors);
        }
    }
}
