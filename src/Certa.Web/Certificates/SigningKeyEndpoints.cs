using Certa.Domain.Access;
using Certa.Domain.Signing;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.Signing;
using Certa.Web.Access;
using Certa.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Certificates;

public sealed record SigningKeyDto(string KeyId, string VerificationMethod, string PublicKeyMultibase, string Fingerprint, string State,
    DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt, DateTimeOffset? RevokedFrom, string? RevocationReason)
{
    public static SigningKeyDto From(SigningKey k, IssuerIdentity identity) => new(k.KeyId, identity.VerificationMethod(k.BodyId, k.KeyId),
        Multikey.Encode(k.PublicKey), k.Fingerprint, Domain.Common.SnakeCaseNames.Of(k.State.ToString()), k.CreatedAt, k.RetiredAt, k.RevokedFrom,
        k.RevocationReason);
}

public sealed record RevokeKeyRequest(DateTimeOffset? From, string? Reason);

/// <summary>
/// A body's signing keys: the list, rotation and revocation for its admin; and, for everyone, the body's
/// DID document and JWKS, where verifiers find the public keys (revoked ones too, with their date).
/// </summary>
public static class SigningKeyEndpoints
{
    public static void MapSigningKeyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/organisations/{id}/signing-keys").WithTags("Signing keys").AddEndpointFilter<DomainProblems>();
        api.MapGet("/", List).WithName("ListSigningKeys").Requires(Permission.SigningKeysRead);
        api.MapPost("/", Rotate).WithName("RotateSigningKey").Requires(Permission.SigningKeysManage).Idempotent();
        api.MapPost("/{keyId}/revoke", Revoke).WithName("RevokeSigningKey").Requires(Permission.SigningKeysManage);

        app.MapGet("/bodies/{bodyId}/did.json", DidDocument).WithTags("Signing keys").WithName("GetBodyDidDocument").Public();
        app.MapGet("/bodies/{bodyId}/jwks.json", JsonWebKeys).WithTags("Signing keys").WithName("GetBodyJwks").Public();
    }

    [EndpointSummary("List a body's signing keys")]
    public static async Task<Ok<IReadOnlyList<SigningKeyDto>>> List(HttpContext http, string id, BodyKeys keys, IssuerIdentity identity, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<SigningKeyDto>>([.. (await keys.ListAsync(http.RequiredActor(), id, ct)).Select(k => SigningKeyDto.From(k, identity))]);

    [EndpointSummary("Rotate the body's signing key")]
    [EndpointDescription("Makes a new active key; the old one is retired: it signs nothing new, and what it signed still verifies.")]
    public static async Task<Created<SigningKeyDto>> Rotate(HttpContext http, string id, BodyKeys keys, IssuerIdentity identity, CancellationToken ct)
    {
        var key = await keys.RotateAsync(http.Command(), id, ct);
        return TypedResults.Created($"/api/v1/organisations/{id}/signing-keys", SigningKeyDto.From(key, identity));
    }

    [EndpointSummary("Revoke a compromised signing key")]
    [EndpointDescription("From a moment (default now; may be in the past): credentials it signed from then on no longer verify. Revoking the active key rotates at once.")]
    public static async Task<Ok<SigningKeyDto>> Revoke(HttpContext http, string id, string keyId, RevokeKeyRequest request, BodyKeys keys,
        IssuerIdentity identity, CancellationToken ct) =>
        TypedResults.Ok(SigningKeyDto.From(await keys.RevokeAsync(http.Command(), id, keyId, request.From, request.Reason ?? string.Empty, ct), identity));

    [EndpointSummary("A body's DID document (did:web)")]
    public static async Task<IResult> DidDocument(string bodyId, BodyKeys keys, IssuerIdentity identity, CancellationToken ct)
    {
        var published = await PublishedAsync(bodyId, keys, ct);
        return published.Count == 0
            ? NoKeys(bodyId)
            : Results.Text(DidDocuments.Build(identity.Did(bodyId), published).ToJsonString(), "application/did+json", System.Text.Encoding.UTF8);
    }

    [EndpointSummary("A body's public keys as a JWK set")]
    public static async Task<IResult> JsonWebKeys(string bodyId, BodyKeys keys, CancellationToken ct)
    {
        var published = await PublishedAsync(bodyId, keys, ct);
        return published.Count == 0 ? NoKeys(bodyId) : Results.Text(Jwks.Build(published).ToJsonString(), "application/jwk-set+json", System.Text.Encoding.UTF8);
    }

    private static async Task<IReadOnlyList<PublishedKey>> PublishedAsync(string bodyId, BodyKeys keys, CancellationToken ct) =>
        [.. (await keys.PublishedAsync(bodyId, ct)).Select(k => new PublishedKey(k.KeyId, k.PublicKey, k.CreatedAt, k.RevokedFrom))];

    private static IResult NoKeys(string bodyId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No signing keys",
            detail: $"{bodyId} has no signing keys: it is not a certification body, or it has not signed a certificate yet.",
            extensions: new Dictionary<string, object?> { ["code"] = "keys-not-found" });
}
