using Certa.Domain.Access;
using Certa.Domain.Supervision.FollowUps;
using Certa.Infrastructure.Supervision.FollowUps;
using Certa.Web.Access;
using Certa.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Supervision.FollowUps;

public sealed record PendingFollowUpDto(string Certificate, string Scheme, string CertificateState, DateOnly DueOn, DateOnly OpensOn, DateOnly LastGraceDay,
    DateOnly? PlannedOn, bool PastGrace)
{
    public static PendingFollowUpDto From(PendingFollowUp p, DateOnly today) => new(p.CertificateNumber, p.SchemeId,
        Domain.Common.SnakeCaseNames.Of(p.State.ToString()), p.DueOn, p.OpensOn, p.LastGraceDay, p.PlannedOn, today > p.LastGraceDay);
}

/// <summary>One page of a body's worklist; <c>next</c> is the <c>after</c> of the following page, none on the last.</summary>
public sealed record FollowUpWorklistDto(string Body, DateOnly Today, IReadOnlyList<PendingFollowUpDto> Due, IReadOnlyList<PendingFollowUpDto> Overdue,
    int DueTotal, int OverdueTotal, string? Next);

/// <summary>A body's yearly follow-ups: due (in the window before their due day) and overdue (past it, in grace or past grace).</summary>
public static class FollowUpEndpoints
{
    public static void MapFollowUpApi(this IEndpointRouteBuilder app)
    {
        var bodies = app.MapGroup("/api/v1/bodies").WithTags("Supervision").AddEndpointFilter<DomainProblems>();
        bodies.MapGet("/{id}/follow-ups", Worklist).WithName("ListFollowUps").Requires(Permission.InspectionsRead);
    }

    [EndpointSummary("List a body's due and overdue follow-ups")]
    [EndpointDescription("By the follow-up rules of data/supervision/follow-up.yaml, at today's date: due ones from the window before their due day, " +
        "overdue ones after it; pastGrace marks those the daily supervision round suspends. A page holds up to `limit` certificates (default 100, " +
        "at most 1000), overdue first, then by due day; pass `next` as `after` for the following page. dueTotal and overdueTotal count the certificates " +
        "of the whole worklist.")]
    public static async Task<Ok<FollowUpWorklistDto>> Worklist(HttpContext http, string id, FollowUpQueries queries, TimeProvider clock, CancellationToken ct,
        string? after = null, int limit = FollowUpQueries.DefaultLimit)
    {
        http.RequiredActor().Require(Permission.InspectionsRead, id);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var page = await queries.PageAsync(id, now, FollowUpCursor.Parse(after), limit, ct);
        return TypedResults.Ok(new FollowUpWorklistDto(id, today, [.. page.Worklist.Due.Select(p => PendingFollowUpDto.From(p, today))],
            [.. page.Worklist.Overdue.Select(p => PendingFollowUpDto.From(p, today))], page.DueTotal, page.OverdueTotal, page.Next?.ToString()));
    }
}
