using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Supervision.Credit;
using Certa.Infrastructure.Supervision.Credit;
using Certa.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Supervision.Credit;

/// <summary>
/// Credit records (ADR 017): everyone reads each enterprise's and body's level, score and the events that count; an
/// authority officer records the events no single fact in Certa causes.
/// </summary>
public static class CreditEndpoints
{
    public static void MapCreditApi(this IEndpointRouteBuilder app)
    {
        var credit = app.MapGroup("/api/v1/credit").WithTags("Supervision credit").AddEndpointFilter<DomainProblems>();
        credit.MapGet("/", List).WithName("ListCredit").Public();
        credit.MapGet("/{kind}/{id}", Get).WithName("GetCredit").Public();
        credit.MapPost("/events", Record).WithName("RecordCreditEvent").Requires(Permission.CreditRecord);
    }

    [EndpointSummary("List enterprises and bodies with their credit level")]
    [EndpointDescription("Every enterprise (applicant organisation) and certification body with its level and score now; ?kind=enterprise|body, " +
        "?level=A…D and ?q= (part of an id or name) narrow the list.")]
    public static async Task<Ok<IReadOnlyList<CreditSummaryDto>>> List(string? kind, string? level, string? q, CreditQueries queries, CancellationToken ct)
    {
        var only = string.IsNullOrWhiteSpace(kind) ? (CreditSubjectKind?)null : CreditSubjects.Parse(kind);
        return TypedResults.Ok<IReadOnlyList<CreditSummaryDto>>([.. (await queries.ListAsync(only, level, q, ct)).Select(CreditSummaryDto.From)]);
    }

    [EndpointSummary("Get an enterprise's or body's credit")]
    [EndpointDescription("The level and its meaning, the score, and every event that counts now with its points, its weight after decay, " +
        "the day it stops counting and its source in the credit rules.")]
    public static async Task<Ok<CreditDto>> Get(string kind, string id, CreditQueries queries, CancellationToken ct)
    {
        var standing = await queries.SubjectAsync(CreditSubjects.Parse(kind), id, ct)
            ?? throw DomainException.NotFound("credit-subject-not-found", $"Certa has no {kind} '{id}'.");
        return TypedResults.Ok(CreditDto.From(standing, queries.Rules));
    }

    [EndpointSummary("Record a credit event")]
    [EndpointDescription("As an authority officer: an event type the credit rules define (e.g. false-documents, supervision-obstructed for an " +
        "enterprise; decision-overturned for a body), the organisation by id, the day (not after today), a reference and a note. Audited.")]
    public static async Task<Created<CreditRecordDto>> Record(HttpContext http, RecordCreditEventRequest request, CreditEventCommands commands,
        CancellationToken ct)
    {
        var record = await commands.RecordAsync(http.Command(), request.ToInput(), ct);
        return TypedResults.Created(CreditLinks.Api(new CreditSubject(record.SubjectKind, record.SubjectId)), CreditRecordDto.From(record));
    }
}
