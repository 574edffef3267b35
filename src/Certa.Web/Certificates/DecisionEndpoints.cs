using Certa.Domain.Access;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Certificates;
using Certa.Web.Access;
using Certa.Web.Api;
using Certa.Web.Applications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Certificates;

public sealed record AssignReviewerRequest(Guid? Reviewer);

public sealed record ReviewRequest(string? Recommendation, string? Notes);

public sealed record DecisionRequest(string? Decision, string? Reason);

public sealed record DecisionDto(ApplicationDto Application, CertificateDto? Certificate);

/// <summary>
/// Review and decision, and the certificates they produce. Each step names the person doing it: a
/// reviewer or decision maker who tested or audited the application, or a decider who reviewed it,
/// is refused (403) and nothing changes. Two simultaneous decisions: one wins, the other gets 409.
/// </summary>
public static class DecisionEndpoints
{
    public static void MapDecisionApi(this IEndpointRouteBuilder app)
    {
        var applications = app.MapGroup("/api/v1/applications").WithTags("Review and decision").AddEndpointFilter<DomainProblems>();
        applications.MapPost("/{applicationId:guid}/reviewer", AssignReviewer).WithName("AssignReviewer").Requires(Permission.ApplicationsAccept);
        applications.MapPost("/{applicationId:guid}/review", Review).WithName("ReviewApplication").Requires(Permission.ApplicationsReview);
        applications.MapPost("/{applicationId:guid}/decision", Decide).WithName("DecideApplication").Requires(Permission.ApplicationsDecide).Idempotent();

        var certificates = app.MapGroup("/api/v1/certificates").WithTags("Certificates").AddEndpointFilter<DomainProblems>();
        certificates.MapGet("/", List).WithName("ListCertificates").Requires(Permission.CertificatesRead);
        certificates.MapGet("/{certificateId:guid}", Get).WithName("GetCertificate").Requires(Permission.CertificatesRead);
    }

    [EndpointSummary("Assign the reviewer")]
    [EndpointDescription("As the body, in review: a reviewer of the body who neither tested nor audited the application.")]
    public static async Task<Ok<ApplicationDto>> AssignReviewer(HttpContext http, Guid applicationId, AssignReviewerRequest request, DecisionCommands commands,
        CancellationToken ct) =>
        TypedResults.Ok(ApplicationDto.From(await commands.AssignReviewerAsync(http.Command(), applicationId,
            request.Reviewer ?? throw DomainException.Invalid("reviewer-required", "Name the reviewer (a person id).", "reviewer"), ct)));

    [EndpointSummary("Record the review")]
    [EndpointDescription("As the assigned reviewer: recommendation grant or refuse, and notes.")]
    public static async Task<Ok<ApplicationDto>> Review(HttpContext http, Guid applicationId, ReviewRequest request, DecisionCommands commands, CancellationToken ct) =>
        TypedResults.Ok(ApplicationDto.From(await commands.ReviewAsync(http.Command(), applicationId, GrantOrRefuse(request.Recommendation, "recommendation"),
            request.Notes ?? string.Empty, ct)));

    [EndpointSummary("Decide")]
    [EndpointDescription("As a decision maker who neither evaluated nor reviewed the application: grant (issues the certificate: number by the scheme's pattern, " +
        "validity from the scheme's data, at most five years) or refuse with a reason.")]
    public static async Task<Ok<DecisionDto>> Decide(HttpContext http, Guid applicationId, DecisionRequest request, DecisionCommands commands, CancellationToken ct)
    {
        var (application, certificate) = await commands.DecideAsync(http.Command(), applicationId, GrantOrRefuse(request.Decision, "decision"), request.Reason, ct);
        return TypedResults.Ok(new DecisionDto(ApplicationDto.From(application), certificate is null ? null : CertificateDto.From(certificate)));
    }

    [EndpointSummary("List certificates")]
    [EndpointDescription("A holder's own, a body's own, or all for authority officers; ?application= narrows to one application's.")]
    public static async Task<Ok<IReadOnlyList<CertificateDto>>> List(HttpContext http, Guid? application, CertificateQueries queries, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<CertificateDto>>([.. (await queries.ListAsync(http.RequiredActor(), application, ct)).Select(CertificateDto.From)]);

    [EndpointSummary("Get a certificate")]
    public static async Task<Ok<CertificateDto>> Get(HttpContext http, Guid certificateId, CertificateQueries queries, CancellationToken ct) =>
        TypedResults.Ok(CertificateDto.From(await queries.ReadAsync(http.RequiredActor(), certificateId, ct)));

    private static bool GrantOrRefuse(string? value, string field) => value?.Trim().ToLowerInvariant() switch
    {
        "grant" => true,
        "refuse" => false,
        _ => throw DomainException.Invalid(field + "-invalid", $"'{field}' is 'grant' or 'refuse', not '{value}'.", field),
    };
}
