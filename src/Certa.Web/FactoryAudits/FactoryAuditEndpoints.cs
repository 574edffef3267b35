using Certa.Domain.Access;
using Certa.Domain.Audits;
using Certa.Domain.Common;
using Certa.Infrastructure.Audits;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Api;
using Certa.Web.Applications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.FactoryAudits;

/// <summary>
/// The initial factory audit: the body registers auditors and plans the audit with a competent team;
/// an auditor of the team reports against the scheme's checklist and closes findings; the applicant
/// answers findings with evidence; the body then closes the audit step.
/// </summary>
public static class FactoryAuditEndpoints
{
    public static void MapFactoryAuditApi(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapGroup("/api/v1/organisations").WithTags("Factory audits").AddEndpointFilter<DomainProblems>();
        organisations.MapGet("/{id}/auditors", Auditors).WithName("ListAuditors").Requires(Permission.AuditorsRead);
        organisations.MapPut("/{id}/auditors/{personId:guid}", Register).WithName("RegisterAuditor").Requires(Permission.AuditorsManage);

        var applications = app.MapGroup("/api/v1/applications").WithTags("Factory audits").AddEndpointFilter<DomainProblems>();
        applications.MapPost("/{applicationId:guid}/factory-audits", Plan).WithName("PlanFactoryAudit").Requires(Permission.FactoryAuditsManage).Idempotent();
        applications.MapPost("/{applicationId:guid}/complete-factory-audit", Complete).WithName("CompleteFactoryAudit").Requires(Permission.FactoryAuditsManage);

        var audits = app.MapGroup("/api/v1/factory-audits").WithTags("Factory audits").AddEndpointFilter<DomainProblems>();
        audits.MapGet("/", List).WithName("ListFactoryAudits").Requires(Permission.FactoryAuditsRead);
        audits.MapGet("/{auditId:guid}", Get).WithName("GetFactoryAudit").Requires(Permission.FactoryAuditsRead);
        audits.MapPost("/{auditId:guid}/report", Report).WithName("ReportFactoryAudit").Requires(Permission.FactoryAuditsConduct);
        audits.MapPut("/{auditId:guid}/findings/{findingNo:int}/evidence", Answer).WithName("AnswerFinding").Requires(Permission.FindingsRespond);
        audits.MapGet("/{auditId:guid}/findings/{findingNo:int}/evidence", Evidence).WithName("DownloadFindingEvidence").Requires(Permission.FactoryAuditsRead);
        audits.MapPost("/{auditId:guid}/findings/{findingNo:int}/close", Close).WithName("CloseFinding").Requires(Permission.FactoryAuditsConduct);
        audits.MapPost("/{auditId:guid}/findings/{findingNo:int}/reject", Reject).WithName("RejectFindingEvidence").Requires(Permission.FactoryAuditsConduct);
    }

    [EndpointSummary("List a body's registered auditors")]
    public static async Task<Ok<IReadOnlyList<AuditorDto>>> Auditors(HttpContext http, string id, AuditorCommands commands, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<AuditorDto>>([.. (await commands.ListAsync(http.RequiredActor(), id, ct)).Select(a => AuditorDto.From(a.Person, a.Registration))]);

    [EndpointSummary("Register an auditor")]
    [EndpointDescription("As the body admin, for a person holding the auditor role: registration number, qualification (auditor or senior_auditor), " +
        "competence scope (product types such as ccc.0902 or categories such as ccc.09) and the date the registration ends. Registering again revises it.")]
    public static async Task<Ok<AuditorDto>> Register(HttpContext http, string id, Guid personId, AuditorRegistrationRequest request, AuditorCommands commands,
        CertaDbContext db, CancellationToken ct)
    {
        http.RequiredActor().Require(Permission.AuditorsManage, id);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.OrganisationId == id, ct)
            ?? throw DomainException.NotFound("person-not-found", $"{id} has no person {personId}.");
        var qualification = SnakeCaseNames.TryParse(request.Qualification?.Trim() ?? "auditor", ignoreCase: true, out AuditorQualification q)
            ? q
            : throw DomainException.Invalid("qualification-invalid", $"'{request.Qualification}' is not a qualification; they are {SnakeCaseNames.List<AuditorQualification>()}.", "qualification");
        var input = new AuditorRegistrationInput(request.RegistrationNumber ?? string.Empty, qualification, request.Scope ?? [],
            request.ValidUntil ?? throw DomainException.Invalid("valid-until-required", "Give the date the registration ends.", "validUntil"));
        var registration = await commands.RegisterAsync(http.Command(), personId, input, ct);
        return TypedResults.Ok(AuditorDto.From(person, registration));
    }

    [EndpointSummary("Plan the factory audit")]
    [EndpointDescription("As the body, once the application is accepted: at least the scheme's number of registered auditors competent for the product type, " +
        "the first day and the days on site. The checklist comes from the scheme's data. The auditors may then neither review nor decide the application.")]
    public static async Task<Created<FactoryAuditDto>> Plan(HttpContext http, Guid applicationId, PlanAuditRequest request, FactoryAuditCommands commands,
        TimeProvider clock, CancellationToken ct)
    {
        var input = new NewFactoryAudit(request.Auditors ?? [],
            request.StartsOn ?? throw DomainException.Invalid("starts-on-required", "Give the audit's first day.", "startsOn"),
            request.Days ?? throw DomainException.Invalid("days-required", "Give the days on site.", "days"));
        var audit = await commands.PlanAsync(http.Command(), applicationId, input, ct);
        return TypedResults.Created($"/api/v1/factory-audits/{audit.Id}", Dto(audit, clock));
    }

    [EndpointSummary("Close the factory-audit step")]
    [EndpointDescription("As the body: moves the application to review once its factory audit has passed (every finding closed).")]
    public static async Task<Ok<ApplicationDto>> Complete(HttpContext http, Guid applicationId, FactoryAuditCommands commands, CancellationToken ct) =>
        TypedResults.Ok(ApplicationDto.From(await commands.CompleteAsync(http.Command(), applicationId, ct)));

    [EndpointSummary("List factory audits")]
    [EndpointDescription("The body's, or an applicant's for its applications, or all for authority officers; ?application= narrows to one, ?mine=true to the caller's audit teams.")]
    public static async Task<Ok<IReadOnlyList<FactoryAuditDto>>> List(HttpContext http, Guid? application, bool? mine, FactoryAuditCommands commands,
        TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<FactoryAuditDto>>([.. (await commands.ListAsync(http.RequiredActor(), application, mine ?? false, ct)).Select(a => Dto(a, clock))]);

    [EndpointSummary("Get a factory audit")]
    public static async Task<Ok<FactoryAuditDto>> Get(HttpContext http, Guid auditId, FactoryAuditCommands commands, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(Dto(await commands.ReadAsync(http.RequiredActor(), auditId, ct), clock));

    [EndpointSummary("Report the audit")]
    [EndpointDescription("As an auditor of the team, from the first day: a result for every checklist item and a finding (major or minor, description, " +
        "corrective-action deadline) for every item that does not conform. Without findings the audit passes.")]
    public static async Task<Ok<FactoryAuditDto>> Report(HttpContext http, Guid auditId, AuditReportRequest request, FactoryAuditCommands commands,
        TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(Dto(await commands.ReportAsync(http.Command(), auditId, request.Results(), request.NewFindings(), ct), clock));

    [EndpointSummary("Answer a finding")]
    [EndpointDescription("As the applicant: the request body is the evidence file (PDF, PNG or JPEG, at most 20 MiB); ?correctiveAction= says what was done, ?fileName= names the file.")]
    public static async Task<Ok<FactoryAuditDto>> Answer(HttpContext http, Guid auditId, int findingNo, string? correctiveAction, string? fileName,
        FactoryAuditCommands commands, TimeProvider clock, CancellationToken ct)
    {
        var content = await FileBodies.ReadAsync(http.Request.Body, ct);
        return TypedResults.Ok(Dto(await commands.AnswerAsync(http.Command(), auditId, findingNo, correctiveAction ?? string.Empty, fileName ?? string.Empty, content, ct), clock));
    }

    [EndpointSummary("Download a finding's evidence")]
    public static async Task<FileStreamHttpResult> Evidence(HttpContext http, Guid auditId, int findingNo, FactoryAuditCommands commands, CancellationToken ct)
    {
        var (evidence, content) = await commands.OpenEvidenceAsync(http.RequiredActor(), auditId, findingNo, ct);
        return await FileBodies.DownloadAsync(content, evidence.FileName, ct);
    }

    [EndpointSummary("Close a finding")]
    [EndpointDescription("As an auditor of the team, on the applicant's evidence. The last finding closed passes the audit.")]
    public static async Task<Ok<FactoryAuditDto>> Close(HttpContext http, Guid auditId, int findingNo, FactoryAuditCommands commands, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(Dto(await commands.CloseFindingAsync(http.Command(), auditId, findingNo, ct), clock));

    [EndpointSummary("Reject a finding's evidence")]
    [EndpointDescription("As an auditor of the team: the finding is open again, with the reason for the applicant.")]
    public static async Task<Ok<FactoryAuditDto>> Reject(HttpContext http, Guid auditId, int findingNo, ReasonRequest request, FactoryAuditCommands commands,
        TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(Dto(await commands.RejectEvidenceAsync(http.Command(), auditId, findingNo, request.Reason ?? string.Empty, ct), clock));

    private static FactoryAuditDto Dto(FactoryAudit audit, TimeProvider clock) => FactoryAuditDto.From(audit, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
}
