using Certa.Domain.Access;
using Certa.Infrastructure.Supervision.Inspections;
using Certa.Web.Access;
using Certa.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Supervision.Inspections;

/// <summary>
/// Supervision inspections: the body plans a certificate's yearly follow-up; the organiser (the body, or the authority
/// for a draw's inspection) records the result, which is published at once and applies the follow-up rules to the
/// certificate in the same transaction, or cancels the inspection.
/// </summary>
public static class InspectionEndpoints
{
    public static void MapInspectionApi(this IEndpointRouteBuilder app)
    {
        var inspections = app.MapGroup("/api/v1/inspections").WithTags("Supervision").AddEndpointFilter<DomainProblems>();
        inspections.MapGet("/", List).WithName("ListInspections").Requires(Permission.InspectionsRead);
        inspections.MapPost("/", Plan).WithName("PlanFollowUpInspection").Requires(Permission.InspectionsManage).Idempotent();
        inspections.MapGet("/{inspectionId:guid}", Get).WithName("GetInspection").Requires(Permission.InspectionsRead);
        inspections.MapPost("/{inspectionId:guid}/result", Record).WithName("RecordInspectionResult").Requires(Permission.InspectionsRecord);
        inspections.MapPost("/{inspectionId:guid}/cancel", Cancel).WithName("CancelInspection").Requires(Permission.InspectionsManage);
    }

    [EndpointSummary("List inspections")]
    [EndpointDescription("Those the caller's organisation organises or whose certificates it issued, newest planned first; ?state= planned, passed, failed or cancelled.")]
    public static async Task<Ok<IReadOnlyList<InspectionDto>>> List(HttpContext http, string? state, InspectionQueries queries, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<InspectionDto>>([.. (await queries.ListAsync(http.RequiredActor(), InspectionStates.Parse(state), ct)).Select(InspectionDto.From)]);

    [EndpointSummary("Plan a follow-up inspection")]
    [EndpointDescription("As the certificate's body: the due day it answers (a day of the certificate's follow-up schedule), the planned day (today or later) " +
        "and the inspectors, registered auditors of the body competent for the product type on that day.")]
    public static async Task<Created<InspectionDto>> Plan(HttpContext http, PlanInspectionRequest request, InspectionCommands commands, CancellationToken ct)
    {
        var inspection = await commands.PlanFollowUpAsync(http.Command(), request.Certificate ?? string.Empty,
            request.DueOn ?? throw Domain.Common.DomainException.Invalid("due-on-required", "Give the due day the follow-up answers.", "dueOn"),
            request.PlannedOn ?? throw Domain.Common.DomainException.Invalid("planned-on-required", "Give the planned day.", "plannedOn"),
            request.Inspectors ?? [], ct);
        return TypedResults.Created($"/api/v1/inspections/{inspection.Id}", InspectionDto.From(inspection));
    }

    [EndpointSummary("Get an inspection")]
    public static async Task<Ok<InspectionDto>> Get(HttpContext http, Guid inspectionId, InspectionQueries queries, CancellationToken ct) =>
        TypedResults.Ok(InspectionDto.From(await queries.ReadAsync(http.RequiredActor(), inspectionId, ct)));

    [EndpointSummary("Record an inspection's result")]
    [EndpointDescription("As the organiser: outcome passed or failed, the day performed (not in the future), findings (at least one when it failed) and a summary. " +
        "Published at once; the follow-up rules are applied to the certificate in the same transaction, so a failure suspends it with a deadline.")]
    public static async Task<Ok<InspectionDto>> Record(HttpContext http, Guid inspectionId, InspectionResultRequest request, InspectionCommands commands,
        CancellationToken ct) =>
        TypedResults.Ok(InspectionDto.From(await commands.RecordResultAsync(http.Command(), inspectionId, request.ToResult(), ct)));

    [EndpointSummary("Cancel a planned inspection")]
    [EndpointDescription("As the organiser, with the reason.")]
    public static async Task<Ok<InspectionDto>> Cancel(HttpContext http, Guid inspectionId, CancelInspectionRequest request, InspectionCommands commands,
        CancellationToken ct) =>
        TypedResults.Ok(InspectionDto.From(await commands.CancelAsync(http.Command(), inspectionId, request.Reason ?? string.Empty, ct)));
}
