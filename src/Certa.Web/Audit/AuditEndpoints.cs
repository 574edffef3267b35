using System.ComponentModel;
using Certa.Domain.Access;
using Certa.Domain.Audit;
using Certa.Infrastructure.Audit;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Audit;

/// <summary>
/// <c>/api/v1/audit</c>: the trail, filtered and paged or as CSV, and a walk of the hash chain. Body
/// and organisation admins see their organisation's events; authority officers and platform admins all.
/// </summary>
public static class AuditEndpoints
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/audit").WithTags("Audit").AddEndpointFilter<DomainProblems>();
        api.MapGet("/events", List).WithName("ListAuditEvents").Requires(Permission.AuditRead);
        api.MapGet("/events.csv", Csv).WithName("ExportAuditEvents").Requires(Permission.AuditRead);
        api.MapGet("/verify", Verify).WithName("VerifyAuditChain").Requires(Permission.AuditVerify);
    }

    [EndpointSummary("List audit events")]
    [EndpointDescription("Newest first. Filter by organisation, entity, actor and time; page with page and pageSize.")]
    public static async Task<Results<Ok<Paged<AuditEventDto>>, ValidationProblem>> List(HttpContext http, AuditQueries queries,
        [Description("Organisation id.")] string? organisation,
        [Description("organisation, person, invitation, api_key, reference-data…")] string? entityType,
        string? entityId,
        [Description("person:{id}, client:{key id}, cli:{user} or system.")] string? actor,
        [Description("From this date (2026-11-27) or instant (ISO 8601).")] string? from,
        [Description("Up to this date (inclusive) or instant.")] string? to,
        string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var filter = AuditFilter.Parse(organisation, entityType, entityId, actor, from, to, errors);
        var paging = PageRequest.From(page, pageSize, errors);
        return errors.Any ? errors.Problem() : TypedResults.Ok(await queries.PageAsync(http.RequiredActor(), filter, paging, ct));
    }

    [EndpointSummary("Export audit events as CSV")]
    [EndpointDescription("The same filters as the list, every matching event oldest first, RFC 4180 with a header line.")]
    public static Results<PushStreamHttpResult, ValidationProblem> Csv(HttpContext http, AuditQueries queries,
        string? organisation, string? entityType, string? entityId, string? actor, string? from, string? to)
    {
        var errors = new QueryErrors();
        var filter = AuditFilter.Parse(organisation, entityType, entityId, actor, from, to, errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var who = http.RequiredActor();
        return TypedResults.Stream(stream => AuditCsv.WriteAsync(stream, queries.AllAsync(who, filter, http.RequestAborted), http.RequestAborted),
            "text/csv; charset=utf-8", $"certa-audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
    }

    [EndpointSummary("Verify the audit chain")]
    [EndpointDescription("Walks every event in order and names the first one whose link or hash does not match.")]
    public static async Task<Ok<ChainVerification>> Verify(CertaDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await AuditLog.VerifyAsync(db, ct));
}
