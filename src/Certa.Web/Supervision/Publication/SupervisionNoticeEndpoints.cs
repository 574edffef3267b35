using System.ComponentModel;
using Certa.Infrastructure.Supervision.Publication;
using Certa.Web.Access;
using Certa.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Supervision.Publication;

/// <summary>
/// The public record of supervision, for anyone and without a key: <c>GET /api/v1/supervision/notices</c> (paged, newest
/// first) and the open-data exports <c>/api/v1/open-data/supervision.csv</c> and <c>.json</c> (every matching notice,
/// streamed). Rate-limited as the other public lookups.
/// </summary>
public static class SupervisionNoticeEndpoints
{
    public static void MapSupervisionNoticeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/supervision/notices", List).WithTags("Supervision").WithName("ListSupervisionNotices")
            .Public().RequireRateLimiting(PublicRateLimits.Lookup);
        var open = app.MapGroup("/api/v1/open-data").WithTags("Open data").Public().RequireRateLimiting(PublicRateLimits.Lookup);
        open.MapGet("/supervision.csv", Csv).WithName("ExportSupervisionNoticesCsv");
        open.MapGet("/supervision.json", Json).WithName("ExportSupervisionNoticesJson");
    }

    [EndpointSummary("List supervision notices")]
    [EndpointDescription("Published inspection results, suspensions and withdrawals, newest first. Filter by day, scheme, body, enterprise and kind; "
        + "page with page and pageSize.")]
    public static async Task<Results<Ok<Paged<SupervisionNotice>>, ValidationProblem>> List(SupervisionNotices notices,
        [Description("From this day (UTC), YYYY-MM-DD.")] string? from,
        [Description("Up to this day (UTC, included), YYYY-MM-DD.")] string? to,
        [Description("Scheme id: ccc, cqc-mark…")] string? scheme,
        [Description("Certification body id.")] string? body,
        [Description("The certificate holder's organisation id.")] string? enterprise,
        [Description("inspection, suspension or withdrawal.")] string? kind,
        string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var filter = NoticeQuery.Parse(from, to, scheme, body, enterprise, kind, errors);
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var total = await notices.CountAsync(filter, ct);
        var items = paging.Skip < total ? await notices.PageAsync(filter, paging.Skip, paging.PageSize, ct) : [];
        return TypedResults.Ok(new Paged<SupervisionNotice>(items, total, paging.Page, paging.PageSize));
    }

    [EndpointSummary("Export supervision notices as CSV (open data)")]
    [EndpointDescription("The list's filters; every matching notice newest first, RFC 4180, UTF-8, a header line. Columns: docs/open-data.md.")]
    public static Results<PushStreamHttpResult, ValidationProblem> Csv(HttpContext http, SupervisionNotices notices, TimeProvider clock,
        string? from, string? to, string? scheme, string? body, string? enterprise, string? kind) =>
        Export(http, clock, from, to, scheme, body, enterprise, kind, "text/csv; charset=utf-8", "csv",
            (stream, filter, _, ct) => OpenDataCsv.WriteAsync(stream, notices.AllAsync(filter, ct), ct));

    [EndpointSummary("Export supervision notices as JSON (open data)")]
    [EndpointDescription("The list's filters; one object with the format, the filter and the columns, then every matching notice newest first. "
        + "Columns: docs/open-data.md.")]
    public static Results<PushStreamHttpResult, ValidationProblem> Json(HttpContext http, SupervisionNotices notices, TimeProvider clock,
        string? from, string? to, string? scheme, string? body, string? enterprise, string? kind) =>
        Export(http, clock, from, to, scheme, body, enterprise, kind, "application/json; charset=utf-8", "json",
            (stream, filter, at, ct) => OpenDataJson.WriteAsync(stream, filter, at, notices.AllAsync(filter, ct), ct));

    private static Results<PushStreamHttpResult, ValidationProblem> Export(HttpContext http, TimeProvider clock,
        string? from, string? to, string? scheme, string? body, string? enterprise, string? kind, string contentType, string extension,
        Func<Stream, NoticeFilter, DateTimeOffset, CancellationToken, Task> write)
    {
        var errors = new QueryErrors();
        var filter = NoticeQuery.Parse(from, to, scheme, body, enterprise, kind, errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var at = clock.GetUtcNow();
        return TypedResults.Stream(stream => write(stream, filter, at, http.RequestAborted), contentType,
            $"certa-supervision-{at.UtcDateTime:yyyyMMdd-HHmmss}.{extension}");
    }
}
