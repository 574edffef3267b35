using System.ComponentModel;
using Certa.Domain.Registry;
using Certa.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Registry;

/// <summary>
/// <c>/api/v1</c> read endpoints of the regulatory registry. Lists take <c>q</c> (searches English and
/// Chinese names, codes and standard numbers), filters, <c>page</c> and <c>pageSize</c>; every 200
/// carries an ETag and honours If-None-Match.
/// </summary>
public static class RegistryEndpoints
{
    private const int MaxQueryLength = 200;

    public static RouteGroupBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Registry");
        api.MapGet("/authorities", ListAuthorities).WithName("ListAuthorities");
        api.MapGet("/authorities/{id}", GetAuthority).WithName("GetAuthority");
        api.MapGet("/schemes", ListSchemes).WithName("ListSchemes");
        api.MapGet("/schemes/{id}", GetScheme).WithName("GetScheme");
        api.MapGet("/schemes/{id}/catalogue", GetCatalogue).WithName("GetCatalogue");
        api.MapGet("/rules/{id}", GetRule).WithName("GetRule");
        api.MapGet("/product-types", ListProductTypes).WithName("ListProductTypes");
        api.MapGet("/product-types/{id}", GetProductType).WithName("GetProductType");
        api.MapGet("/standards", ListStandards).WithName("ListStandards");
        api.MapGet("/standards/{**number}", GetStandard).WithName("GetStandard");
        api.MapGet("/bodies", ListBodies).WithName("ListBodies");
        api.MapGet("/bodies/{id}", GetBody).WithName("GetBody");
        api.MapGet("/labs", ListLabs).WithName("ListLabs");
        api.MapGet("/labs/{id}", GetLab).WithName("GetLab");
        api.MapGet("/search", Search).WithName("Search");
        return api;
    }

    [EndpointSummary("List authorities")]
    [EndpointDescription("SAMR, CNCA, MIIT, GSO… with English and Chinese names.")]
    public static async Task<Results<Tagged<Paged<AuthorityDto>>, ValidationProblem>> ListAuthorities(
        RegistryQueries queries,
        [Description("Search text: English or Chinese name, acronym.")] string? q,
        [Description("Filter by jurisdiction, e.g. CN, GCC, SA.")] string? jurisdiction,
        [Description("Page number, from 1.")] string? page,
        [Description("Items per page, 1 to 200 (default 20).")] string? pageSize,
        CancellationToken ct)
    {
        var errors = new QueryErrors();
        var text = errors.Text("q", q, MaxQueryLength);
        var paging = PageRequest.From(page, pageSize, errors);
        return errors.Any ? errors.Problem() : Tagged.Ok(await queries.AuthoritiesAsync(text, jurisdiction, paging, ct));
    }

    [EndpointSummary("Get an authority")]
    public static async Task<Results<Tagged<AuthorityDto>, ProblemHttpResult>> GetAuthority(
        RegistryQueries queries, string id, CancellationToken ct) =>
        await queries.AuthorityAsync(id, ct) is { } found ? Tagged.Ok(found) : Problems.NotFound("Authority", id);

    [EndpointSummary("List schemes")]
    [EndpointDescription("Certification, approval, licensing and labelling schemes, mandatory and voluntary.")]
    public static async Task<Results<Tagged<Paged<SchemeDto>>, ValidationProblem>> ListSchemes(
        RegistryQueries queries,
        [Description("Search text: English or Chinese name, code, mark.")] string? q,
        [Description("Filter by lead authority id, e.g. MIIT.")] string? authority,
        [Description("mandatory, voluntary or market_driven.")] string? obligation,
        [Description("Filter by jurisdiction, e.g. CN or GCC.")] string? jurisdiction,
        [Description("Page number, from 1.")] string? page,
        [Description("Items per page, 1 to 200 (default 20).")] string? pageSize,
        CancellationToken ct)
    {
        var errors = new QueryErrors();
        var text = errors.Text("q", q, MaxQueryLength);
        var parsedObligation = errors.Enum<Obligation>("obligation", obligation);
        var paging = PageRequest.From(page, pageSize, errors);
        return errors.Any
            ? errors.Problem()
            : Tagged.Ok(await queries.SchemesAsync(text, authority, parsedObligation, jurisdiction, paging, ct));
    }

    [EndpointSummary("Get a scheme")]
    [EndpointDescription("The scheme with its authority, implementation rules, catalogue editions and history of changes.")]
    public static async Task<Results<Tagged<SchemeDetailDto>, ProblemHttpResult>> GetScheme(
        RegistryQueries queries, string id, CancellationToken ct) =>
        await queries.SchemeAsync(id, ct) is { } found ? Tagged.Ok(found) : Problems.NotFound("Scheme", id);

    [EndpointSummary("Get a scheme's catalogue")]
    [EndpointDescription("Categories and their product types; the newest edition unless one is asked for.")]
    public static async Task<Results<Tagged<CatalogueDto>, ProblemHttpResult>> GetCatalogue(
        RegistryQueries queries, string id, [Description("Catalogue edition, e.g. 2023.")] string? edition, CancellationToken ct) =>
        await queries.CatalogueAsync(id, edition, ct) is { } found
            ? Tagged.Ok(found)
            : Problems.NotFound("Catalogue", edition is null ? id : $"{id} {edition}");

    [EndpointSummary("Get an implementation rule or technical regulation")]
    public static async Task<Results<Tagged<RuleDto>, ProblemHttpResult>> GetRule(
        RegistryQueries queries, string id, CancellationToken ct) =>
        await queries.RuleAsync(id, ct) is { } found ? Tagged.Ok(found) : Problems.NotFound("Rule", id);

    [EndpointSummary("List product types")]
    [EndpointDescription("Product types across catalogues, e.g. q=笔记本 or q=0902 or q=GB 4943.1.")]
    public static async Task<Results<Tagged<Paged<ProductSummaryDto>>, ValidationProblem>> ListProductTypes(
        RegistryQueries queries,
        [Description("Search text: name (en/zh), keyword, catalogue code, rule, standard.")] string? q,
        [Description("Filter by scheme id, e.g. ccc.")] string? scheme,
        [Description("Filter by category number within the scheme's catalogue.")] string? category,
        [Description("third_party, sdoc_a, sdoc_b, type_examination or self_declaration.")] string? mode,
        [Description("Page number, from 1.")] string? page,
        [Description("Items per page, 1 to 200 (default 20).")] string? pageSize,
        CancellationToken ct)
    {
        var errors = new QueryErrors();
        var text = errors.Text("q", q, MaxQueryLength);
        int? categoryNo = category is null ? null : errors.Number("category", category, 0, 1, 999);
        var parsedMode = errors.Enum<ProductMode>("mode", mode);
        var paging = PageRequest.From(page, pageSize, errors);
        return errors.Any
            ? errors.Problem()
            : Tagged.Ok(await queries.ProductTypesAsync(text, scheme, categoryNo, parsedMode, paging, ct));
    }

    [EndpointSummary("Get a product type")]
    [EndpointDescription("With its rule, the standard editions that apply on the date (default today), and the designated bodies and labs.")]
    public static async Task<Results<Tagged<ProductTypeDto>, ProblemHttpResult, ValidationProblem>> GetProductType(
        RegistryQueries queries, string id, [Description("Date for standard editions, YYYY-MM-DD.")] string? date, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var on = errors.Date("date", date, queries.Today);
        if (errors.Any)
        {
            return errors.Problem();
        }

        return await queries.ProductTypeAsync(id, on, ct) is { } found ? Tagged.Ok(found) : Problems.NotFound("Product type", id);
    }

    [EndpointSummary("List standard editions")]
    [EndpointDescription("Each edition with its status on the date: upcoming, in_force, superseded or withdrawn.")]
    public static async Task<Results<Tagged<Paged<StandardDto>>, ValidationProblem>> ListStandards(
        RegistryQueries queries,
        [Description("Search text: number (GB 4943.1, GB4943) or title (en/zh).")] string? q,
        [Description("Filter by family, the number without its year, e.g. GB 28380.")] string? family,
        [Description("mandatory, recommended, industry, international or regional.")] string? kind,
        [Description("upcoming, in_force, superseded or withdrawn (on the date).")] string? status,
        [Description("Date the status refers to, YYYY-MM-DD (default today).")] string? date,
        [Description("Page number, from 1.")] string? page,
        [Description("Items per page, 1 to 200 (default 20).")] string? pageSize,
        CancellationToken ct)
    {
        var errors = new QueryErrors();
        var text = errors.Text("q", q, MaxQueryLength);
        var parsedKind = errors.Enum<StandardKind>("kind", kind);
        var parsedStatus = errors.Enum<EditionStatus>("status", status);
        var on = errors.Date("date", date, queries.Today);
        var paging = PageRequest.From(page, pageSize, errors);
        return errors.Any
            ? errors.Problem()
            : Tagged.Ok(await queries.StandardsAsync(text, family, parsedKind, parsedStatus, on, paging, ct));
    }

    [EndpointSummary("Get a standard edition")]
    [EndpointDescription("The edition, its family's other editions with their status on the date, and the product types citing it.")]
    public static async Task<Results<Tagged<StandardDetailDto>, ProblemHttpResult, ValidationProblem>> GetStandard(
        RegistryQueries queries, [Description("Edition number, e.g. GB 28380-2025 (URL-encoded).")] string number,
        [Description("Date for status, YYYY-MM-DD (default today).")] string? date, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var on = errors.Date("date", date, queries.Today);
        if (errors.Any)
        {
            return errors.Problem();
        }

        return await queries.StandardAsync(Uri.UnescapeDataString(number), on, ct) is { } found ? Tagged.Ok(found) : Problems.NotFound("Standard", number);
    }

    [EndpointSummary("List certification bodies")]
    public static Task<Results<Tagged<Paged<BodyDto>>, ValidationProblem>> ListBodies(
        RegistryQueries queries,
        [Description("Search text: name (en/zh), abbreviation, city.")] string? q,
        [Description("Only bodies designated in this scheme, e.g. ccc.")] string? scheme,
        [Description("Only bodies designated for this product type id, e.g. ccc.0902.")] string? productType,
        [Description("Page number, from 1.")] string? page,
        [Description("Items per page, 1 to 200 (default 20).")] string? pageSize,
        CancellationToken ct) => ListBodiesOfKind(queries, BodyKind.CertificationBody, q, scheme, productType, page, pageSize, ct);

    [EndpointSummary("Get a certification body")]
    public static Task<Results<Tagged<BodyDetailDto>, ProblemHttpResult>> GetBody(RegistryQueries queries, string id, CancellationToken ct) =>
        GetBodyOfKind(queries, BodyKind.CertificationBody, id, ct);

    [EndpointSummary("List laboratories")]
    public static Task<Results<Tagged<Paged<BodyDto>>, ValidationProblem>> ListLabs(
        RegistryQueries queries,
        [Description("Search text: name (en/zh), abbreviation, city.")] string? q,
        [Description("Only labs designated in this scheme, e.g. ccc.")] string? scheme,
        [Description("Only labs designated for this product type id, e.g. ccc.0902.")] string? productType,
        [Description("Page number, from 1.")] string? page,
        [Description("Items per page, 1 to 200 (default 20).")] string? pageSize,
        CancellationToken ct) => ListBodiesOfKind(queries, BodyKind.Laboratory, q, scheme, productType, page, pageSize, ct);

    [EndpointSummary("Get a laboratory")]
    public static Task<Results<Tagged<BodyDetailDto>, ProblemHttpResult>> GetLab(RegistryQueries queries, string id, CancellationToken ct) =>
        GetBodyOfKind(queries, BodyKind.Laboratory, id, ct);

    [EndpointSummary("Search the registry")]
    [EndpointDescription("One search over every kind of record: English and Chinese names, codes, keywords, standard numbers.")]
    public static async Task<Results<Tagged<Paged<SearchHitDto>>, ValidationProblem>> Search(
        RegistryQueries queries,
        [Description("Search text (required), e.g. laptop, 笔记本, GB 4943.1, CNCA-C09-01.")] string? q,
        [Description("Restrict to one kind: product-type, scheme, standard, rule, category, body, lab, authority.")] string? kind,
        [Description("Page number, from 1.")] string? page,
        [Description("Items per page, 1 to 200 (default 20).")] string? pageSize,
        CancellationToken ct)
    {
        var errors = new QueryErrors();
        var text = errors.Text("q", q, MaxQueryLength);
        if (text is null && !errors.Any)
        {
            errors.Add("q", "is required: give a word, code or standard number to search for.");
        }

        var parsedKind = errors.OneOf("kind", kind, RegistryQueries.SearchKinds.ToList());
        var paging = PageRequest.From(page, pageSize, errors);
        return errors.Any ? errors.Problem() : Tagged.Ok(await queries.SearchAsync(text!, parsedKind, paging, ct));
    }

    private static async Task<Results<Tagged<Paged<BodyDto>>, ValidationProblem>> ListBodiesOfKind(RegistryQueries queries,
        BodyKind kind, string? q, string? scheme, string? productType, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var text = errors.Text("q", q, MaxQueryLength);
        var paging = PageRequest.From(page, pageSize, errors);
        return errors.Any ? errors.Problem() : Tagged.Ok(await queries.BodiesAsync(kind, text, scheme, productType, paging, ct));
    }

    private static async Task<Results<Tagged<BodyDetailDto>, ProblemHttpResult>> GetBodyOfKind(RegistryQueries queries,
        BodyKind kind, string id, CancellationToken ct) =>
        await queries.BodyAsync(id, ct) is { } found && found.Body.Kind == kind
            ? Tagged.Ok(found)
            : Problems.NotFound(kind == BodyKind.Laboratory ? "Laboratory" : "Certification body", id);
}
