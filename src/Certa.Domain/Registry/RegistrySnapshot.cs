namespace Certa.Domain.Registry;

/// <summary>The whole reference data set as read from <c>data/</c>, before it is stored.</summary>
public sealed record RegistrySnapshot(
    IReadOnlyList<Authority> Authorities,
    IReadOnlyList<Scheme> Schemes,
    IReadOnlyList<ImplementationRule> Rules,
    IReadOnlyList<StandardEdition> Standards,
    IReadOnlyList<CatalogueCategory> Categories,
    IReadOnlyList<ProductType> ProductTypes,
    IReadOnlyList<CatalogueChange> Changes,
    IReadOnlyList<RegistryBody> Bodies)
{
    /// <summary>The market-access advisor's rule files (data/requirements), kept as written and compiled when used.</summary>
    public IReadOnlyList<SourceFile> AdvisorFiles { get; init; } = [];

    /// <summary>The search index that this snapshot implies; rebuilt whenever the data change.</summary>
    public IEnumerable<SearchEntry> SearchEntries()
    {
        foreach (var a in Authorities)
        {
            yield return new SearchEntry(RegistryKinds.Authority, a.Id, a.Name, a.Jurisdiction, [a.Id], a.Provenance.Verified);
        }

        foreach (var s in Schemes)
        {
            yield return new SearchEntry(RegistryKinds.Scheme, s.Id, s.Name, s.Code, [s.Id, s.Code, s.AuthorityId, s.Mark.En, s.Mark.Zh],
                s.Provenance.Verified);
        }

        foreach (var r in Rules)
        {
            yield return new SearchEntry(RegistryKinds.Rule, r.Id, r.Title, r.Id, [r.Id], r.Provenance.Verified);
        }

        foreach (var e in Standards)
        {
            yield return new SearchEntry(RegistryKinds.Standard, e.Number, e.Title, e.Number, [e.Number, e.Family],
                e.Provenance.Verified);
        }

        foreach (var c in Categories)
        {
            yield return new SearchEntry(RegistryKinds.Category, c.Id, c.Name, $"{c.SchemeId} {c.Edition} · {c.No}", [],
                c.Provenance.Verified);
        }

        foreach (var p in ProductTypes)
        {
            string?[] terms = [p.Code, p.RuleId, .. p.StandardFamilies, .. p.KeywordsEn, .. p.KeywordsZh, .. p.HsCodes];
            yield return new SearchEntry(RegistryKinds.ProductType, p.Id, p.Name, string.Join(" · ", new[] { p.Code, p.RuleId }.OfType<string>()), terms,
                p.Provenance.Verified);
        }

        foreach (var b in Bodies)
        {
            var kind = b.Kind == BodyKind.Laboratory ? RegistryKinds.Lab : RegistryKinds.Body;
            yield return new SearchEntry(kind, b.Id, b.Name, b.Abbr, [b.Id, b.Abbr, b.City, b.GsoNotifiedBodyNumber],
                b.Provenance.Verified);
        }
    }
}

public static class RegistryKinds
{
    public const string Authority = "authority";
    public const string Scheme = "scheme";
    public const string Rule = "rule";
    public const string Standard = "standard";
    public const string Category = "category";
    public const string ProductType = "product-type";
    public const string Change = "change";
    public const string Body = "body";
    public const string Lab = "lab";
}

/// <summary>A data file as written, by its path relative to the data directory's parent (<c>data/requirements/rules.yaml</c>).</summary>
public sealed record SourceFile(string Path, string Text);
