using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Declarations;
using Certa.Infrastructure.Declarations;
using Certa.Infrastructure.Files;
using Certa.Web.Access;
using Certa.Web.Api;
using Certa.Web.Applications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Declarations;

public sealed record ReportRequest(string? Lab, string? LabName, string? Number, DateOnly? IssuedOn, string? FileName, string? ContentBase64);

/// <summary>A self-declaration: the product type (self-declaration A or B in the catalogue), the product and the type-test report, its file in base64.</summary>
public sealed record NewDeclarationRequest(string? ProductType, ProductRequest? Product, PartyRequest? Manufacturer, PartyRequest? Factory, ReportRequest? Report);

public sealed record DeclarationDto(Guid Id, string FilingNumber, string Declarant, string Scheme, string ProductType, string Mode, ProductDetails Product,
    Party Manufacturer, Party Factory, TypeTestReport Report, string State, string? WithdrawnBecause, DateTimeOffset FiledAt, DateTimeOffset? WithdrawnAt)
{
    public static DeclarationDto From(Declaration d) => new(d.Id, d.FilingNumber, d.DeclarantId, d.SchemeId, d.ProductTypeId, SnakeCaseNames.Of(d.Mode.ToString()),
        d.Product, d.Manufacturer, d.Factory, d.Report, SnakeCaseNames.Of(d.State.ToString()), d.WithdrawnBecause, d.FiledAt, d.WithdrawnAt);
}

/// <summary>The public filing record: what a customs officer or a buyer may see, without the report itself.</summary>
public sealed record FilingRecordDto(string FilingNumber, string Scheme, string ProductType, string Mode, ProductDetails Product, Party Manufacturer, Party Factory,
    string Lab, string ReportNumber, DateOnly ReportIssuedOn, string State, string? WithdrawnBecause, DateTimeOffset FiledAt, DateTimeOffset? WithdrawnAt)
{
    public static FilingRecordDto From(Declaration d) => new(d.FilingNumber, d.SchemeId, d.ProductTypeId, SnakeCaseNames.Of(d.Mode.ToString()), d.Product,
        d.Manufacturer, d.Factory, d.Report.LabName, d.Report.ReportNumber, d.Report.IssuedOn, SnakeCaseNames.Of(d.State.ToString()), d.WithdrawnBecause,
        d.FiledAt, d.WithdrawnAt);
}

/// <summary>
/// Self-declarations (CCC self-declaration A/B): no certificate; the declarant files the declaration
/// with its type-test report and gets a public filing record.
/// </summary>
public static class DeclarationEndpoints
{
    public static void MapDeclarationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/declarations").WithTags("Self-declarations").AddEndpointFilter<DomainProblems>();
        api.MapGet("/", List).WithName("ListDeclarations").Requires(Permission.DeclarationsRead);
        api.MapPost("/", File).WithName("FileDeclaration").Requires(Permission.DeclarationsFile).Idempotent();
        api.MapGet("/{declarationId:guid}", Get).WithName("GetDeclaration").Requires(Permission.DeclarationsRead);
        api.MapGet("/{declarationId:guid}/report", Report).WithName("DownloadDeclarationReport").Requires(Permission.DeclarationsRead);
        api.MapPost("/{declarationId:guid}/withdraw", Withdraw).WithName("WithdrawDeclaration").Requires(Permission.DeclarationsFile);

        app.MapGroup("/api/v1/public/declarations").WithTags("Self-declarations").AddEndpointFilter<DomainProblems>()
            .MapGet("/{number}", Public).WithName("GetFilingRecord").Public();
    }

    [EndpointSummary("List self-declarations")]
    public static async Task<Ok<IReadOnlyList<DeclarationDto>>> List(HttpContext http, DeclarationCommands commands, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<DeclarationDto>>([.. (await commands.ListAsync(http.RequiredActor(), ct)).Select(DeclarationDto.From)]);

    [EndpointSummary("File a self-declaration")]
    [EndpointDescription("As a person of an applicant organisation, for a catalogue product under self-declaration A (a lab of choice: lab id or labName) " +
        "or B (a Certa laboratory designated for the product type). The report file (PDF, PNG or JPEG, at most 20 MiB) is given in base64. Returns the public filing number.")]
    public static async Task<Created<DeclarationDto>> File(HttpContext http, NewDeclarationRequest request, DeclarationCommands commands, CancellationToken ct)
    {
        var report = request.Report ?? throw DomainException.Invalid("report-required", "Attach the type-test report.", "report");
        var input = new NewDeclaration(
            string.IsNullOrWhiteSpace(request.ProductType) ? throw DomainException.Invalid("productType-required", "'productType' is required.", "productType") : request.ProductType.Trim(),
            (request.Product ?? throw DomainException.Invalid("product-required", "Describe the product.", "product")).ToDetails(),
            (request.Manufacturer ?? new PartyRequest(null, null, null, null)).ToParty("manufacturer"),
            (request.Factory ?? new PartyRequest(null, null, null, null)).ToParty("factory"),
            report.Lab, report.LabName, report.Number, report.IssuedOn, report.FileName ?? "type-test-report", Decode(report.ContentBase64));
        var declaration = await commands.FileAsync(http.Command(), input, ct);
        return TypedResults.Created($"/api/v1/declarations/{declaration.Id}", DeclarationDto.From(declaration));
    }

    [EndpointSummary("Get a self-declaration")]
    public static async Task<Ok<DeclarationDto>> Get(HttpContext http, Guid declarationId, DeclarationCommands commands, CancellationToken ct) =>
        TypedResults.Ok(DeclarationDto.From(await commands.ReadAsync(http.RequiredActor(), declarationId, ct)));

    [EndpointSummary("Download the type-test report")]
    public static async Task<FileStreamHttpResult> Report(HttpContext http, Guid declarationId, DeclarationCommands commands, CancellationToken ct)
    {
        var (report, content) = await commands.OpenReportAsync(http.RequiredActor(), declarationId, ct);
        return await FileBodies.DownloadAsync(content, report.FileName, ct);
    }

    [EndpointSummary("Withdraw a self-declaration")]
    [EndpointDescription("As the declarant, with a reason; the public record stays and shows it.")]
    public static async Task<Ok<DeclarationDto>> Withdraw(HttpContext http, Guid declarationId, ReasonRequest request, DeclarationCommands commands, CancellationToken ct) =>
        TypedResults.Ok(DeclarationDto.From(await commands.WithdrawAsync(http.Command(), declarationId, request.Reason ?? string.Empty, ct)));

    [EndpointSummary("The public filing record of a self-declaration")]
    [EndpointDescription("No sign-in: by filing number, the record verification and supervision treat like a certificate.")]
    public static async Task<Ok<FilingRecordDto>> Public(string number, DeclarationCommands commands, CancellationToken ct) =>
        TypedResults.Ok(FilingRecordDto.From(await commands.PublicAsync(number, ct)));

    private static byte[] Decode(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return [];
        }

        // Base64 is 4/3 of the bytes: refuse before decoding anything larger than the file limit allows.
        if (base64.Length > (DocumentRules.MaxBytes + 2) / 3 * 4 + 4)
        {
            throw DomainException.Invalid("file-too-large", $"The report is larger than {DocumentRules.MaxBytes / 1024 / 1024} MiB.", "report.contentBase64");
        }

        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw DomainException.Invalid("report-not-base64", "The report's content is not valid base64.", "report.contentBase64");
        }
    }
}
