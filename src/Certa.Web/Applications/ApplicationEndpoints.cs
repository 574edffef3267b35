using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Infrastructure.Applications;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Applications;

/// <summary>
/// <c>/api/v1/applications</c>: the applicant drafts, uploads documents, submits or withdraws; the
/// body accepts, returns or refuses. An illegal move is a 409 problem saying what is possible;
/// someone who is neither the applicant nor the body gets 403.
/// </summary>
public static class ApplicationEndpoints
{
    public static void MapApplicationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/applications").WithTags("Applications").AddEndpointFilter<DomainProblems>();
        api.MapGet("/", List).WithName("ListApplications").Requires(Permission.ApplicationsRead);
        api.MapPost("/", Draft).WithName("DraftApplication").Requires(Permission.ApplicationsDraft).Idempotent();
        api.MapGet("/{applicationId:guid}", Get).WithName("GetApplication").Requires(Permission.ApplicationsRead);
        // Any declared content type is taken: the file's own first bytes decide what it is (DocumentRules).
        api.MapPut("/{applicationId:guid}/documents/{documentId}", Attach).WithName("AttachDocument").Requires(Permission.ApplicationsDraft);
        api.MapGet("/{applicationId:guid}/documents/{documentId}", Download).WithName("DownloadDocument").Requires(Permission.ApplicationsRead);
        api.MapPost("/{applicationId:guid}/submit", Submit).WithName("SubmitApplication").Requires(Permission.ApplicationsDraft);
        api.MapPost("/{applicationId:guid}/withdraw", Withdraw).WithName("WithdrawApplication").Requires(Permission.ApplicationsDraft);
        api.MapPost("/{applicationId:guid}/accept", Accept).WithName("AcceptApplication").Requires(Permission.ApplicationsAccept);
        api.MapPost("/{applicationId:guid}/return", Return).WithName("ReturnApplication").Requires(Permission.ApplicationsAccept);
        api.MapPost("/{applicationId:guid}/refuse", Refuse).WithName("RefuseApplication").Requires(Permission.ApplicationsAccept);
    }

    [EndpointSummary("List applications")]
    [EndpointDescription("An applicant's own, a body's own, or all for authority officers; newest first.")]
    public static async Task<Ok<IReadOnlyList<ApplicationDto>>> List(HttpContext http, CertaDbContext db, CancellationToken ct)
    {
        var applications = await db.Applications.AsNoTracking().VisibleTo(http.RequiredActor()).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ApplicationDto>>([.. applications.OrderByDescending(a => a.CreatedAt).Select(ApplicationDto.From)]);
    }

    [EndpointSummary("Start an application")]
    [EndpointDescription("As a person of an applicant organisation. The documents to attach come from the scheme's data.")]
    public static async Task<Created<ApplicationDto>> Draft(HttpContext http, NewApplicationRequest request, ApplicationCommands commands, CancellationToken ct)
    {
        var input = new NewApplication(Required(request.Body, "body"), Required(request.Scheme, "scheme"), Required(request.ProductType, "productType"),
            (request.Product ?? throw DomainException.Invalid("product-required", "Describe the product.", "product")).ToDetails(),
            (request.Manufacturer ?? new PartyRequest(null, null, null, null)).ToParty("manufacturer"),
            (request.Factory ?? new PartyRequest(null, null, null, null)).ToParty("factory"),
            request.ReuseCertificate);
        var application = await commands.DraftAsync(http.Command(), input, ct);
        return TypedResults.Created($"/api/v1/applications/{application.Id}", ApplicationDto.From(application));
    }

    [EndpointSummary("Get an application")]
    [EndpointDescription("With its clock: each step's expected end from the scheme's procedure, overdue steps, and the estimated completion.")]
    public static async Task<Ok<ApplicationDto>> Get(HttpContext http, Guid applicationId, CertaDbContext db, SchemeProcedures procedures,
        Infrastructure.Supervision.Credit.CreditQueries credit, TimeProvider clock, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct)
            ?? throw DomainException.NotFound("application-not-found", $"There is no application {applicationId}.");
        ApplicationAccess.RequireParty(http.RequiredActor(), Permission.ApplicationsRead, application);
        var productType = await db.ProductTypes.AsNoTracking().FirstAsync(p => p.Id == application.ProductTypeId, ct);
        var steps = (await procedures.ForAsync(productType, ct)).Steps;
        return TypedResults.Ok(ApplicationDto.From(application) with
        {
            Timeline = application.Timeline(steps, clock.GetUtcNow()),
            CreditFlag = http.RequiredActor().May(Permission.ApplicationsAccept, application.BodyId)
                ? Supervision.Credit.CreditFlagDto.From(await credit.FlagAsync(application.ApplicantId, ct)) : null,
        });
    }

    [EndpointSummary("Attach a document")]
    [EndpointDescription("The request body is the file (PDF, PNG or JPEG, at most 20 MiB); ?fileName= names it. Replaces an earlier file for the same document.")]
    public static async Task<Ok<ApplicationDto>> Attach(HttpContext http, Guid applicationId, string documentId, string? fileName,
        ApplicationCommands commands, CancellationToken ct)
    {
        var content = await FileBodies.ReadAsync(http.Request.Body, ct);
        return TypedResults.Ok(ApplicationDto.From(await commands.AttachDocumentAsync(http.Command(), applicationId, documentId, fileName ?? documentId, content, ct)));
    }

    [EndpointSummary("Download a document")]
    public static async Task<FileStreamHttpResult> Download(HttpContext http, Guid applicationId, string documentId, ApplicationCommands commands, CancellationToken ct)
    {
        var (document, content) = await commands.OpenDocumentAsync(http.RequiredActor(), applicationId, documentId, ct);
        return await FileBodies.DownloadAsync(content, document.FileName, ct);
    }

    [EndpointSummary("Submit an application")]
    public static async Task<Ok<ApplicationDto>> Submit(HttpContext http, Guid applicationId, ApplicationCommands commands, CancellationToken ct) =>
        TypedResults.Ok(ApplicationDto.From(await commands.SubmitAsync(http.Command(), applicationId, ct)));

    [EndpointSummary("Withdraw an application")]
    public static async Task<Ok<ApplicationDto>> Withdraw(HttpContext http, Guid applicationId, ReasonRequest request, ApplicationCommands commands, CancellationToken ct) =>
        TypedResults.Ok(ApplicationDto.From(await commands.WithdrawAsync(http.Command(), applicationId, request.Reason ?? string.Empty, ct)));

    [EndpointSummary("Accept an application")]
    public static async Task<Ok<ApplicationDto>> Accept(HttpContext http, Guid applicationId, ApplicationCommands commands, CancellationToken ct) =>
        TypedResults.Ok(ApplicationDto.From(await commands.AcceptAsync(http.Command(), applicationId, ct)));

    [EndpointSummary("Return an application for completion")]
    public static async Task<Ok<ApplicationDto>> Return(HttpContext http, Guid applicationId, ReasonRequest request, ApplicationCommands commands, CancellationToken ct) =>
        TypedResults.Ok(ApplicationDto.From(await commands.ReturnAsync(http.Command(), applicationId, request.Reason ?? string.Empty, ct)));

    [EndpointSummary("Refuse an application at acceptance")]
    public static async Task<Ok<ApplicationDto>> Refuse(HttpContext http, Guid applicationId, ReasonRequest request, ApplicationCommands commands, CancellationToken ct) =>
        TypedResults.Ok(ApplicationDto.From(await commands.RefuseAsync(http.Command(), applicationId, request.Reason ?? string.Empty, ct)));

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw DomainException.Invalid(field + "-required", $"'{field}' is required.", field) : value.Trim();
}
