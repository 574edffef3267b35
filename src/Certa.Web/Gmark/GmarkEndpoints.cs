using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Gmark;
using Certa.Infrastructure.Gmark;
using Certa.Web.Access;
using Certa.Web.Api;
using Certa.Web.Applications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Gmark;

/// <summary>
/// G-mark e-certificates (GSO): a notified body registers a product and gets its GCTS code, submits it; an officer of
/// GSO approves or rejects it; the body activates it, which issues the signed e-certificate numbered with the code.
/// </summary>
public static class GmarkEndpoints
{
    public static void MapGmarkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/gmark").WithTags("G-mark").AddEndpointFilter<DomainProblems>();
        api.MapGet("/", List).WithName("ListGmarkRegistrations").Requires(Permission.GmarkRead);
        api.MapPost("/", Register).WithName("RegisterGmarkProduct").Requires(Permission.GmarkRegister).Idempotent();
        api.MapPost("/import", Import).WithName("ImportGmarkCsv").Requires(Permission.GmarkRegister).Idempotent();
        api.MapGet("/{registrationId:guid}", Get).WithName("GetGmarkRegistration").Requires(Permission.GmarkRead);
        api.MapPut("/{registrationId:guid}", Correct).WithName("CorrectGmarkRegistration").Requires(Permission.GmarkRegister);
        api.MapPost("/{registrationId:guid}/submit", Submit).WithName("SubmitGmarkRegistration").Requires(Permission.GmarkRegister);
        api.MapPost("/{registrationId:guid}/approve", Approve).WithName("ApproveGmarkRegistration").Requires(Permission.GmarkApprove);
        api.MapPost("/{registrationId:guid}/reject", Reject).WithName("RejectGmarkRegistration").Requires(Permission.GmarkApprove);
        api.MapPost("/{registrationId:guid}/activate", Activate).WithName("ActivateGmarkRegistration").Requires(Permission.GmarkRegister).Idempotent();
    }

    [EndpointSummary("List G-mark registrations")]
    [EndpointDescription("A body's and a holder's own; every one for an authority officer. ?state=submitted gives the approval queue.")]
    public static async Task<Results<Ok<IReadOnlyList<GmarkDto>>, ProblemHttpResult>> List(HttpContext http, string? state, GmarkCommands commands, CancellationToken ct)
    {
        GmarkState? wanted = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!SnakeCaseNames.TryParse(state, ignoreCase: true, out GmarkState parsed))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
                    detail: $"'{state}' is not a state; states are {SnakeCaseNames.List<GmarkState>()}.", extensions: new Dictionary<string, object?> { ["code"] = "state-invalid" });
            }

            wanted = parsed;
        }

        return TypedResults.Ok<IReadOnlyList<GmarkDto>>([.. (await commands.ListAsync(http.RequiredActor(), wanted, ct)).Select(GmarkDto.From)]);
    }

    [EndpointSummary("Register a product for a G-mark e-certificate")]
    [EndpointDescription("As a notified body (a certification body with a GSO number in data/gcc/gcts.yaml). Returns the registration with its GCTS code. " +
        "Toys (BD-131704-01) are activated for at least 3 years.")]
    public static async Task<Created<GmarkDto>> Register(HttpContext http, GmarkRequest request, GmarkCommands commands, CancellationToken ct)
    {
        var registration = await commands.RegisterAsync(http.Command(), request.ToInput(), ct);
        return TypedResults.Created($"/api/v1/gmark/{registration.Id}", GmarkDto.From(registration));
    }

    [EndpointSummary("Register G-mark products from a CSV file")]
    [EndpointDescription("The body is the CSV text (RFC 4180; header: holder,product_type,product_name_en,main_model,hs_code,manufacturer_name_en," +
        "manufacturer_address_en,factory_name_en,factory_address_en,target_countries,validity_years and optionally product_name_zh,series_models," +
        "trade_mark,standards,age_grading,internal_reference). Every line is checked first: if any is bad, the answer is 422 with every bad line in " +
        "'errors' and nothing is registered; otherwise all are registered in one transaction.")]
    public static async Task<Results<Created<GmarkImportDto>, ProblemHttpResult>> Import(HttpContext http, GmarkCsvImport import, CancellationToken ct)
    {
        var result = await import.ImportAsync(http.Command(), await ReadCsvAsync(http.Request, ct), ct);
        if (result.Errors.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nothing imported",
                detail: $"{result.Errors.Count} line(s) of the file are wrong; nothing was registered. Correct them and upload the whole file again.",
                extensions: new Dictionary<string, object?> { ["code"] = "csv-invalid", ["errors"] = GmarkPages.Errors(result.Errors) });
        }

        return TypedResults.Created("/api/v1/gmark", new GmarkImportDto(result.Imported.Count, [.. result.Imported.Select(GmarkDto.From)]));
    }

    [EndpointSummary("Get a G-mark registration")]
    public static async Task<Ok<GmarkDto>> Get(HttpContext http, Guid registrationId, GmarkCommands commands, CancellationToken ct) =>
        TypedResults.Ok(GmarkDto.From(await commands.ReadAsync(http.RequiredActor(), registrationId, ct)));

    [EndpointSummary("Correct a registration before submission or after a rejection")]
    public static async Task<Ok<GmarkDto>> Correct(HttpContext http, Guid registrationId, GmarkRequest request, GmarkCommands commands, CancellationToken ct) =>
        TypedResults.Ok(GmarkDto.From(await commands.CorrectAsync(http.Command(), registrationId, request.ToInput(), ct)));

    [EndpointSummary("Submit a registration to GSO")]
    public static async Task<Ok<GmarkDto>> Submit(HttpContext http, Guid registrationId, GmarkCommands commands, CancellationToken ct) =>
        TypedResults.Ok(GmarkDto.From(await commands.SubmitAsync(http.Command(), registrationId, ct)));

    [EndpointSummary("Approve a submitted registration")]
    [EndpointDescription("As an officer of the scheme's authority (GSO for G-mark); an officer of another authority is refused.")]
    public static async Task<Ok<GmarkDto>> Approve(HttpContext http, Guid registrationId, GmarkCommands commands, CancellationToken ct) =>
        TypedResults.Ok(GmarkDto.From(await commands.ApproveAsync(http.Command(), registrationId, ct)));

    [EndpointSummary("Reject a submitted registration, with a reason")]
    public static async Task<Ok<GmarkDto>> Reject(HttpContext http, Guid registrationId, ReasonRequest request, GmarkCommands commands, CancellationToken ct) =>
        TypedResults.Ok(GmarkDto.From(await commands.RejectAsync(http.Command(), registrationId, request.Reason ?? string.Empty, ct)));

    [EndpointSummary("Activate an approved registration")]
    [EndpointDescription("Issues the e-certificate (its number is the GCTS code), signed as a verifiable credential, with PDFs at /api/v1/certificates/{id}/pdf.")]
    public static async Task<Ok<GmarkDto>> Activate(HttpContext http, Guid registrationId, GmarkCommands commands, CancellationToken ct) =>
        TypedResults.Ok(GmarkDto.From(await commands.ActivateAsync(http.Command(), registrationId, ct)));

    /// <summary>Reads at most one byte more than the limit, so an overlong upload is refused without being held whole.</summary>
    private static async Task<string> ReadCsvAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > GmarkCsvImport.MaxBytes)
        {
            throw DomainException.Invalid("file-too-large", $"The file is larger than {GmarkCsvImport.MaxBytes / 1024 / 1024} MiB; split it.", "file");
        }

        var buffer = new byte[GmarkCsvImport.MaxBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }

        return read > GmarkCsvImport.MaxBytes
            ? throw DomainException.Invalid("file-too-large", $"The file is larger than {GmarkCsvImport.MaxBytes / 1024 / 1024} MiB; split it.", "file")
            : Infrastructure.Files.ContentSniffer.DecodeText(buffer.AsSpan(0, read), "The CSV");
    }
}
