using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Certificates;

public sealed record SuspendRequest(string? Reason, DateOnly? Deadline);

public sealed record ReasonRequest(string? Reason);

public sealed record LocalizedInput(string? En, string? Zh)
{
    public LocalizedText ToText() => new(En ?? string.Empty, Zh);
}

public sealed record ChangeHolderRequest(LocalizedInput? HolderName, LocalizedInput? HolderAddress, string? Reason);

public sealed record ExtendRequest(IReadOnlyList<SeriesModel>? Models, string? Reason);

public sealed record CredentialVersionDto(int Version, string VerificationMethod, DateTimeOffset SignedAt, string Url);

/// <summary>
/// A certificate's life after issue (suspend, restore, withdraw, cancel, renew, change, extend), its signed
/// credentials and its PDFs. Every refused transition is a 409 problem naming the certificate's state; nothing changes.
/// </summary>
public static class CertificateEndpoints
{
    private const string CredentialMediaType = "application/vc+ld+json";

    public static void MapCertificateApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/certificates").WithTags("Certificates").AddEndpointFilter<DomainProblems>();
        api.MapPost("/{certificateId:guid}/suspend", Suspend).WithName("SuspendCertificate").Requires(Permission.CertificatesManage);
        api.MapPost("/{certificateId:guid}/restore", Restore).WithName("RestoreCertificate").Requires(Permission.CertificatesManage);
        api.MapPost("/{certificateId:guid}/withdraw", Withdraw).WithName("WithdrawCertificate").Requires(Permission.CertificatesManage);
        api.MapPost("/{certificateId:guid}/cancel", Cancel).WithName("CancelCertificate").Requires(Permission.CertificatesCancel);
        api.MapPost("/{certificateId:guid}/renew", Renew).WithName("RenewCertificate").Requires(Permission.CertificatesManage).Idempotent();
        api.MapPost("/{certificateId:guid}/holder", ChangeHolder).WithName("ChangeCertificateHolder").Requires(Permission.CertificatesManage);
        api.MapPost("/{certificateId:guid}/models", Extend).WithName("ExtendCertificate").Requires(Permission.CertificatesManage);
        api.MapGet("/{certificateId:guid}/credentials", Credentials).WithName("ListCertificateCredentials").Requires(Permission.CertificatesRead);
        api.MapGet("/{certificateId:guid}/credential", Credential).WithName("GetCertificateCredential").Requires(Permission.CertificatesRead);
        api.MapGet("/{certificateId:guid}/pdf", Pdf).WithName("GetCertificatePdf").Requires(Permission.CertificatesRead);

        var open = app.MapGroup("/api/v1/public/certificates").WithTags("Certificates").AddEndpointFilter<DomainProblems>()
            .RequireRateLimiting(PublicRateLimits.Lookup);
        open.MapGet("/{number}/credential", PublicCredential).WithName("GetPublicCertificateCredential").Public();
        open.MapGet("/{number}/pdf", PublicPdf).WithName("GetPublicCertificatePdf").Public();
        app.MapPost("/api/v1/public/credentials/verify", VerifyCredential).WithTags("Certificates").WithName("VerifyCertificateCredential")
            .AddEndpointFilter<DomainProblems>().Public();
    }

    [EndpointSummary("Suspend a certificate")]
    [EndpointDescription("As its body: an active certificate, with the reason and the deadline (within its validity) to correct by.")]
    public static async Task<Ok<CertificateDto>> Suspend(HttpContext http, Guid certificateId, SuspendRequest request, CertificateCommands commands,
        CancellationToken ct) =>
        TypedResults.Ok(CertificateDto.From(await commands.SuspendAsync(http.Command(), certificateId, request.Reason ?? string.Empty,
            request.Deadline ?? throw DomainException.Invalid("deadline-required", "Give the deadline (YYYY-MM-DD) by which the holder must correct.", "deadline"),
            ct)));

    [EndpointSummary("Restore a suspended certificate")]
    [EndpointDescription("As its body, before the suspension's deadline.")]
    public static async Task<Ok<CertificateDto>> Restore(HttpContext http, Guid certificateId, ReasonRequest request, CertificateCommands commands,
        CancellationToken ct) =>
        TypedResults.Ok(CertificateDto.From(await commands.RestoreAsync(http.Command(), certificateId, request.Reason, ct)));

    [EndpointSummary("Withdraw (revoke) a certificate")]
    public static async Task<Ok<CertificateDto>> Withdraw(HttpContext http, Guid certificateId, ReasonRequest request, CertificateCommands commands,
        CancellationToken ct) =>
        TypedResults.Ok(CertificateDto.From(await commands.WithdrawAsync(http.Command(), certificateId, request.Reason ?? string.Empty, ct)));

    [EndpointSummary("Cancel a certificate")]
    [EndpointDescription("As its holder, with the reason.")]
    public static async Task<Ok<CertificateDto>> Cancel(HttpContext http, Guid certificateId, ReasonRequest request, CertificateCommands commands,
        CancellationToken ct) =>
        TypedResults.Ok(CertificateDto.From(await commands.CancelAsync(http.Command(), certificateId, request.Reason ?? string.Empty, ct)));

    [EndpointSummary("Renew a certificate")]
    [EndpointDescription("As its body: a new certificate with the next number and a fresh validity, naming this one as its predecessor; this one is superseded. " +
        "Send an Idempotency-Key: the same key again returns the same renewal.")]
    public static async Task<Created<CertificateDto>> Renew(HttpContext http, Guid certificateId, CertificateCommands commands, CancellationToken ct)
    {
        var renewal = await commands.RenewAsync(http.Command(), certificateId, ct);
        return TypedResults.Created($"/api/v1/certificates/{renewal.Id}", CertificateDto.From(renewal));
    }

    [EndpointSummary("Change the holder's name or address")]
    [EndpointDescription("As its body: a new version of the certificate under the same number, signed as a new credential.")]
    public static async Task<Ok<CertificateDto>> ChangeHolder(HttpContext http, Guid certificateId, ChangeHolderRequest request, CertificateCommands commands,
        CancellationToken ct) =>
        TypedResults.Ok(CertificateDto.From(await commands.ChangeHolderAsync(http.Command(), certificateId,
            request.HolderName?.ToText() ?? LocalizedText.Empty, request.HolderAddress?.ToText() ?? LocalizedText.Empty, request.Reason ?? string.Empty, ct)));

    [EndpointSummary("Extend a certificate to new models")]
    [EndpointDescription("As its body: series models with how each differs from the main model; a new version, signed as a new credential.")]
    public static async Task<Ok<CertificateDto>> Extend(HttpContext http, Guid certificateId, ExtendRequest request, CertificateCommands commands,
        CancellationToken ct) =>
        TypedResults.Ok(CertificateDto.From(await commands.ExtendAsync(http.Command(), certificateId, request.Models ?? [], request.Reason ?? string.Empty, ct)));

    [EndpointSummary("List a certificate's signed credentials, one per version")]
    public static async Task<Ok<IReadOnlyList<CredentialVersionDto>>> Credentials(HttpContext http, Guid certificateId, CertificateQueries queries,
        CertificateDocuments documents, CancellationToken ct)
    {
        var certificate = await queries.ReadAsync(http.RequiredActor(), certificateId, ct);
        return TypedResults.Ok<IReadOnlyList<CredentialVersionDto>>([.. (await documents.CredentialsAsync(certificate, ct)).Select(c =>
            new CredentialVersionDto(c.Version, c.KeyId, c.SignedAt, $"/api/v1/certificates/{certificateId}/credential?version={c.Version}"))]);
    }

    [EndpointSummary("Download a certificate's verifiable credential")]
    [EndpointDescription("The W3C Verifiable Credential 2.0 with its eddsa-jcs-2022 proof, exactly as signed; ?version= for an earlier version.")]
    public static async Task<IResult> Credential(HttpContext http, Guid certificateId, int? version, CertificateQueries queries, CertificateDocuments documents,
        CancellationToken ct)
    {
        var certificate = await queries.ReadAsync(http.RequiredActor(), certificateId, ct);
        return CredentialFile(await documents.CredentialAsync(certificate, version, ct));
    }

    [EndpointSummary("Download a certificate's PDF")]
    [EndpointDescription("?lang=en (default) or zh. The same certificate gives the same bytes every time.")]
    public static async Task<IResult> Pdf(HttpContext http, Guid certificateId, string? lang, CertificateQueries queries, CertificateDocuments documents,
        CancellationToken ct)
    {
        var certificate = await queries.ReadAsync(http.RequiredActor(), certificateId, ct);
        return PdfFile(certificate, lang, await documents.PdfAsync(certificate, lang ?? "en", ct));
    }

    [EndpointSummary("Download a certificate's verifiable credential by its number")]
    [EndpointDescription("Public, like the certificate register: anyone may fetch and verify it.")]
    public static async Task<IResult> PublicCredential(string number, int? version, CertificateQueries queries, CertificateDocuments documents,
        CancellationToken ct) =>
        CredentialFile(await documents.CredentialAsync(await queries.PublicAsync(number, ct), version, ct));

    [EndpointSummary("Download a certificate's PDF by its number")]
    public static async Task<IResult> PublicPdf(string number, string? lang, CertificateQueries queries, CertificateDocuments documents, CancellationToken ct)
    {
        var certificate = await queries.PublicAsync(number, ct);
        return PdfFile(certificate, lang, await documents.PdfAsync(certificate, lang ?? "en", ct));
    }

    [EndpointSummary("Verify a certificate credential")]
    [EndpointDescription("Send the credential JSON as the body. The answer says whether its eddsa-jcs-2022 proof verifies with the body's key, " +
        "whether that key was valid when the proof was made, and, when it does not verify, why (code and sentence). 200 either way; 400 for a body that is not JSON.")]
    public static async Task<IResult> VerifyCredential(HttpContext http, CredentialCheck check, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Request.Body, System.Text.Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        var result = await check.CheckAsync(body, ct);
        return result.Code == "not-json"
            ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a credential", detail: result.Message,
                extensions: new Dictionary<string, object?> { ["code"] = result.Code })
            : Results.Ok(result);
    }

    /// <summary>The certificate by its number, for anyone: the public PDF and credential, and the <c>/verify</c> page.</summary>
    private static IResult CredentialFile(IssuedCredential credential) =>
        Results.Text(credential.Json, CredentialMediaType, System.Text.Encoding.UTF8);

    private static IResult PdfFile(Certificate certificate, string? lang, byte[] pdf) =>
        Results.File(pdf, "application/pdf", $"certificate-{certificate.Number}-v{certificate.Version}-{(lang ?? "en").ToLowerInvariant()}.pdf");
}
