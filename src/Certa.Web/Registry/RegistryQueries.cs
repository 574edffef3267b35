using Certa.Domain.Registry;
using Certa.Infrastructure.Persistence;
using Certa.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Registry;

/// <summary>Read side of the registry, shared by the API and the web pages.</summary>
public sealed class RegistryQueries(CertaDbContext db, TimeProvider clock)
{
    private static readonly string[] KindOrder =
        [RegistryKinds.ProductType, RegistryKinds.Scheme, RegistryKinds.Standard, RegistryKinds.Rule, RegistryKinds.Category,
         RegistryKinds.Body, RegistryKinds.Lab, RegistryKinds.Authority];

    public static IReadOnlyList<string> SearchKinds => KindOrder;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Paged<AuthorityDto>> AuthoritiesAsync(string? q, string? jurisdiction, PageRequest page, CancellationToken ct)
    {
        var query = db.Authorities.AsNoTracking();
        if (q is not null)
        {
            var keys = MatchingKeys(RegistryKinds.Authority, q);
            query = query.Where(a => keys.Contains(a.Id));
        }

        if (jurisdiction is not null)
        {
            query = query.Where(a => a.Jurisdiction == jurisdiction);
        }

        return await PageAsync(query.OrderBy(a => a.Jurisdiction).ThenBy(a => a.Id), page, AuthorityDto.From, ct);
    }

    public async Task<AuthorityDto?> AuthorityAsync(string id, CancellationToken ct) =>
        await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } a ? AuthorityDto.From(a) : null;

    public async Task<Paged<SchemeDto>> SchemesAsync(string? q, string? authority, Obligation? obligation, string? jurisdiction,
        PageRequest page, CancellationToken ct)
    {
        var query = db.Schemes.AsNoTracking();
        if (q is not null)
        {
            var keys = MatchingKeys(RegistryKinds.Scheme, q);
            query = query.Where(s => keys.Contains(s.Id));
        }

        if (authority is not null)
        {
            query = query.Where(s => s.AuthorityId == authority);
        }

        if (obligation is not null)
        {
            query = query.Where(s => s.Obligation == obligation);
        }

        if (jurisdiction is not null)
        {
            query = query.Where(s => s.Jurisdiction == jurisdiction);
        }

        return await PageAsync(query.OrderBy(s => s.Jurisdiction).ThenBy(s => s.Obligation).ThenBy(s => s.Code), page, SchemeDto.From, ct);
    }

    public async Task<SchemeDetailDto?> SchemeAsync(string id, CancellationToken ct)
    {
        var scheme = await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scheme is null)
        {
            return null;
        }

        var authority = await db.Authorities.AsNoTracking().FirstAsync(a => a.Id == scheme.AuthorityId, ct);
        var rules = await db.Rules.AsNoTracking().Where(r => r.SchemeId == id).OrderBy(r => r.Id).ToListAsync(ct);
        var editions = await db.Categories.AsNoTracking().Where(c => c.SchemeId == id).Select(c => c.Edition).Distinct().ToListAsync(ct);
        var history = await db.CatalogueChanges.AsNoTracking().Where(c => c.SchemeId == id).OrderBy(c => c.Date).ThenBy(c => c.Id).ToListAsync(ct);
        return new SchemeDetailDto(SchemeDto.From(scheme), AuthorityDto.From(authority), [.. rules.Select(RuleDto.From)],
            [.. editions.Order(StringComparer.Ordinal)], [.. history.Select(ChangeDto.From)]);
    }

    public async Task<CatalogueDto?> CatalogueAsync(string schemeId, string? edition, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().Where(c => c.SchemeId == schemeId).ToListAsync(ct);
        if (categories.Count == 0)
        {
            return null;
        }

        var chosenEdition = edition ?? categories.Max(c => c.Edition)!;
        var chosen = categories.Where(c => c.Edition == chosenEdition).OrderBy(c => c.No).ToList();
        if (chosen.Count == 0)
        {
            return null;
        }

        var products = (await db.ProductTypes.AsNoTracking().Where(p => p.SchemeId == schemeId && p.Edition == chosenEdition).ToListAsync(ct))
            .ToLookup(p => p.CategoryId);
        var dtos = chosen.Select(c => new CategoryDto(c.No, TextDto.From(c.Name), ProvenanceDto.From(c.Provenance),
            [.. products[c.Id].OrderBy(p => p.No).Select(ProductSummaryDto.From)])).ToList();
        return new CatalogueDto(schemeId, chosenEdition, dtos.Sum(c => c.Products.Count), dtos);
    }

    public async Task<Paged<ProductSummaryDto>> ProductTypesAsync(string? q, string? scheme, int? category, ProductMode? mode,
        PageRequest page, CancellationToken ct)
    {
        var query = db.ProductTypes.AsNoTracking();
        if (q is not null)
        {
            var keys = MatchingKeys(RegistryKinds.ProductType, q);
            query = query.Where(p => keys.Contains(p.Id));
        }

        if (scheme is not null)
        {
            query = query.Where(p => p.SchemeId == scheme);
        }

        if (category is not null)
        {
            query = query.Where(p => p.CategoryNo == category);
        }

        if (mode is not null)
        {
            query = query.Where(p => p.Mode == mode);
        }

        return await PageAsync(query.OrderBy(p => p.SchemeId).ThenBy(p => p.No), page, ProductSummaryDto.From, ct);
    }

    public async Task<ProductTypeDto?> ProductTypeAsync(string id, DateOnly on, CancellationToken ct)
    {
        var p = await db.ProductTypes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return null;
        }

        var category = await db.Categories.AsNoTracking().FirstAsync(c => c.Id == p.CategoryId, ct);
        var rule = p.RuleId is null ? null : await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == p.RuleId, ct);
        var timeline = await TimelineAsync(ct);
        var standards = p.StandardFamilies.Select(f => Applied(timeline, f, on)).ToList();
        var bodies = (await db.Bodies.AsNoTracking().ToListAsync(ct)).Where(b => b.IsDesignatedFor(p, on))
            .OrderBy(b => b.Abbr).ToList();
        return new ProductTypeDto(p.Id, p.SchemeId, p.Edition, p.CategoryNo, TextDto.From(category.Name), p.No, p.Code,
            TextDto.From(p.Name), p.Mode, p.IsSelfDeclared, rule is null ? null : RuleDto.From(rule), on, standards,
            p.KeywordsEn, p.KeywordsZh, p.HsCodes,
            [.. bodies.Where(b => b.Kind == BodyKind.CertificationBody).Select(BodyRef)],
            [.. bodies.Where(b => b.Kind == BodyKind.Laboratory).Select(BodyRef)],
            ProvenanceDto.From(p.Provenance));
    }

    public async Task<Paged<StandardDto>> StandardsAsync(string? q, string? family, StandardKind? kind, EditionStatus? status,
        DateOnly on, PageRequest page, CancellationToken ct)
    {
        var query = db.Standards.AsNoTracking();
        if (q is not null)
        {
            var keys = MatchingKeys(RegistryKinds.Standard, q);
            query = query.Where(s => keys.Contains(s.Number));
        }

        if (family is not null)
        {
            query = query.Where(s => s.Family == family);
        }

        if (kind is not null)
        {
            query = query.Where(s => s.Kind == kind);
        }

        // Status depends on the date and on other editions, so it is worked out in memory; the set is small.
        var timeline = await TimelineAsync(ct);
        var matching = (await query.ToListAsync(ct))
            .Select(s => ToDto(timeline, s, on))
            .Where(s => status is null || s.Status == status)
            .OrderBy(s => s.Family, StringComparer.Ordinal).ThenByDescending(s => s.Year)
            .ToList();
        return new Paged<StandardDto>([.. matching.Skip(page.Skip).Take(page.PageSize)], matching.Count, page.Page, page.PageSize);
    }

    public async Task<StandardDetailDto?> StandardAsync(string number, DateOnly on, CancellationToken ct)
    {
        var timeline = await TimelineAsync(ct);
        if (timeline.Find(number) is not { } edition)
        {
            return null;
        }

        var family = edition.Family;
        var usedBy = await db.ProductTypes.AsNoTracking().Where(p => p.StandardFamilies.Contains(family))
            .OrderBy(p => p.SchemeId).ThenBy(p => p.No).ToListAsync(ct);
        return new StandardDetailDto(ToDto(timeline, edition, on),
            [.. timeline.EditionsOf(family).Select(e => ToDto(timeline, e, on))], [.. usedBy.Select(ProductSummaryDto.From)]);
    }

    public async Task<Paged<BodyDto>> BodiesAsync(BodyKind? kind, string? q, string? scheme, string? productTypeId, PageRequest page,
        CancellationToken ct)
    {
        var query = db.Bodies.AsNoTracking();
        if (kind is not null)
        {
            query = query.Where(b => b.Kind == kind);
        }

        if (q is not null)
        {
            var keys = Matching(q).Where(e => e.Kind == RegistryKinds.Body || e.Kind == RegistryKinds.Lab).Select(e => e.Key);
            query = query.Where(b => keys.Contains(b.Id));
        }

        var product = productTypeId is null ? null : await db.ProductTypes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productTypeId, ct);
        var matching = (await query.OrderBy(b => b.Kind).ThenBy(b => b.Abbr).ToListAsync(ct))
            .Where(b => scheme is null || b.SchemeIds.Contains(scheme))
            .Where(b => productTypeId is null || (product is not null && b.IsDesignatedFor(product, Today)))
            .ToList();
        return new Paged<BodyDto>([.. matching.Skip(page.Skip).Take(page.PageSize).Select(BodyDto.From)], matching.Count, page.Page, page.PageSize);
    }

    public async Task<BodyDetailDto?> BodyAsync(string id, CancellationToken ct)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (body is null)
        {
            return null;
        }

        var schemes = body.SchemeIds.ToList();
        var covers = (await db.ProductTypes.AsNoTracking().Where(p => schemes.Contains(p.SchemeId)).ToListAsync(ct))
            .Where(p => body.IsDesignatedFor(p, Today)).OrderBy(p => p.SchemeId).ThenBy(p => p.No).Select(ProductSummaryDto.From).ToList();
        return new BodyDetailDto(BodyDto.From(body), covers);
    }

    public async Task<Paged<SearchHitDto>> SearchAsync(string q, string? kind, PageRequest page, CancellationToken ct)
    {
        var query = Matching(q);
        if (kind is not null)
        {
            query = query.Where(e => e.Kind == kind);
        }

        var total = await query.CountAsync(ct);
        var folded = SearchText.Fold(q);
        var exact = "|" + folded + "|";
        var entries = await query
            .OrderBy(e => e.Names.Contains(exact) ? 0 : e.Text.StartsWith(folded) ? 1 : 2)
            .ThenBy(e => e.Kind == KindOrder[0] ? 0 : e.Kind == KindOrder[1] ? 1 : e.Kind == KindOrder[2] ? 2 : e.Kind == KindOrder[3] ? 3
                : e.Kind == KindOrder[4] ? 4 : e.Kind == KindOrder[5] ? 5 : e.Kind == KindOrder[6] ? 6 : 7)
            .ThenBy(e => e.Key)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<SearchHitDto>([.. entries.Select(e => new SearchHitDto(e.Kind, e.Key, TextDto.From(e.Title), e.Detail,
            e.Verified, ApiHref(e.Kind, e.Key)))], total, page.Page, page.PageSize);
    }

    public static string ApiHref(string kind, string key) => kind switch
    {
        RegistryKinds.Authority => $"/api/v1/authorities/{Uri.EscapeDataString(key)}",
        RegistryKinds.Scheme => $"/api/v1/schemes/{Uri.EscapeDataString(key)}",
        RegistryKinds.Rule => $"/api/v1/rules/{Uri.EscapeDataString(key)}",
        RegistryKinds.Standard => $"/api/v1/standards/{Uri.EscapeDataString(key)}",
        RegistryKinds.Category => $"/api/v1/schemes/{Uri.EscapeDataString(key.Split('.')[0])}/catalogue",
        RegistryKinds.ProductType => $"/api/v1/product-types/{Uri.EscapeDataString(key)}",
        RegistryKinds.Body => $"/api/v1/bodies/{Uri.EscapeDataString(key)}",
        RegistryKinds.Lab => $"/api/v1/labs/{Uri.EscapeDataString(key)}",
        _ => "/api/v1/search",
    };

    public async Task<RegistryStatsDto> StatsAsync(CancellationToken ct) => new(
        await db.Schemes.CountAsync(ct),
        await db.ProductTypes.CountAsync(ct),
        await db.Standards.CountAsync(ct),
        await db.Bodies.CountAsync(b => b.Kind == BodyKind.CertificationBody, ct),
        await db.Bodies.CountAsync(b => b.Kind == BodyKind.Laboratory, ct),
        await db.Authorities.CountAsync(ct));

    public async Task<IReadOnlyList<ProductSummaryDto>> ProductsUnderRuleAsync(string ruleId, CancellationToken ct) =>
        [.. (await db.ProductTypes.AsNoTracking().Where(p => p.RuleId == ruleId).OrderBy(p => p.No).ToListAsync(ct))
            .Select(ProductSummaryDto.From)];

    public async Task<RuleDto?> RuleAsync(string id, CancellationToken ct) =>
        await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } r ? RuleDto.From(r) : null;

    private IQueryable<SearchEntry> Matching(string q)
    {
        var query = db.SearchEntries.AsNoTracking();
        foreach (var term in SearchText.Fold(q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct())
        {
            query = query.Where(e => e.Text.Contains(term));
        }

        return query;
    }

    private IQueryable<string> MatchingKeys(string kind, string q) => Matching(q).Where(e => e.Kind == kind).Select(e => e.Key);

    private async Task<StandardTimeline> TimelineAsync(CancellationToken ct) =>
        new(await db.Standards.AsNoTracking().ToListAsync(ct));

    private static AppliedStandardDto Applied(StandardTimeline timeline, string family, DateOnly on)
    {
        var (edition, next) = timeline.AppliesAndNext(family, on);
        return new AppliedStandardDto(family, edition?.Number, edition is null ? null : TextDto.From(edition.Title),
            edition is null ? null : timeline.StatusOn(edition, on), edition?.InForce, next?.Number, next?.EffectiveFrom,
            edition?.Provenance.Verified ?? false);
    }

    private static StandardDto ToDto(StandardTimeline timeline, StandardEdition s, DateOnly on) =>
        new(s.Number, s.Family, s.Year, TextDto.From(s.Title), s.Kind, s.Published, s.InForce, s.Withdrawn,
            timeline.StatusOn(s, on), on, s.Replaces, [.. timeline.ReplacedBy(s.Number).Select(r => r.Number)],
            ProvenanceDto.From(s.Provenance));

    private static BodyRefDto BodyRef(RegistryBody b) =>
        new(b.Id, b.Abbr, TextDto.From(b.Name), b.Kind, b.ForeignInvested, b.Provenance.Verified);

    private static async Task<Paged<TDto>> PageAsync<T, TDto>(IQueryable<T> query, PageRequest page, Func<T, TDto> map,
        CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<TDto>([.. items.Select(map)], total, page.Page, page.PageSize);
    }
}
