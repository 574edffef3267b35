using System.Text.Json;
using System.Text.Json.Nodes;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Signing;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Signing;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Certificates;

/// <summary>What checking a credential found: verified or not, why in a word (<see cref="Code"/>) and in a sentence.</summary>
public sealed record CredentialCheckResult(bool Verified, string Code, string Message, string? VerificationMethod, DateTimeOffset? SignedAt,
    string? Number, string? CertificateState);

/// <summary>
/// Checks a certificate credential against Certa's own keys: the eddsa-jcs-2022 proof, that the key belongs
/// to the issuer named in the credential, and that the key was valid when the proof was made (a key revoked
/// from a moment invalidates what it signed from then on; what it signed before still verifies).
/// </summary>
public sealed class CredentialCheck(CertaDbContext db, IssuerIdentity identity)
{
    public async Task<CredentialCheckResult> CheckAsync(string json, CancellationToken ct)
    {
        JsonObject? credential;
        try
        {
            credential = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException e)
        {
            return Fail("not-json", $"The credential is not JSON: {e.Message}");
        }

        if (credential is null)
        {
            return Fail("not-json", "The credential must be one JSON object.");
        }

        var method = (credential["proof"] as JsonObject)?["verificationMethod"] is JsonValue v && v.TryGetValue<string>(out var m) ? m : null;
        SigningKey? key = null;
        if (method is not null && identity.TryParseMethod(method, out var bodyId, out var keyId))
        {
            key = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.BodyId == bodyId && k.KeyId == keyId, ct);
        }

        var proof = DataIntegrityProof.Verify(credential, id => id == method ? key?.PublicKey : null);
        var number = Subject(credential, "certificateNumber");
        var state = number is null ? null : await db.Certificates.AsNoTracking().Where(c => c.Number == number).Select(c => (CertificateState?)c.State).FirstOrDefaultAsync(ct);
        var stateName = state is { } s ? SnakeCaseNames.Of(s.ToString()) : null;
        if (!proof.Verified)
        {
            return new(false, SnakeCaseNames.Of(proof.Failure.ToString()), proof.Reason ?? "The proof does not verify.", method, null, number, stateName);
        }

        var issuer = credential["issuer"] is JsonObject o ? o["id"]?.GetValue<string>() : credential["issuer"]?.GetValue<string>();
        if (key is null || issuer != identity.Did(key.BodyId))
        {
            return new(false, "issuer-mismatch", $"The credential names {issuer} as its issuer, but it is signed with a key of {key?.BodyId}.", method,
                proof.Created, number, stateName);
        }

        var signedAt = proof.Created ?? DateTimeOffset.MinValue;
        if (!key.ValidAt(signedAt))
        {
            var why = key.RevokedFrom is { } from && signedAt >= from
                ? $"key {key.KeyId} was revoked from {from:yyyy-MM-dd HH:mm:ss}Z ({key.RevocationReason}) and the proof was made {signedAt:yyyy-MM-dd HH:mm:ss}Z"
                : $"key {key.KeyId} was not in use at {signedAt:yyyy-MM-dd HH:mm:ss}Z (created {key.CreatedAt:yyyy-MM-dd HH:mm:ss}Z, retired {key.RetiredAt:yyyy-MM-dd HH:mm:ss}Z)";
            return new(false, "key-not-valid-then", $"The signature is genuine, but {why}.", method, signedAt, number, stateName);
        }

        return new(true, "verified", $"Signed by {issuer} with key {key.KeyId} on {signedAt:yyyy-MM-dd HH:mm:ss}Z; the key was valid then.", method, signedAt,
            number, stateName);
    }

    private static string? Subject(JsonObject credential, string property) =>
        (credential["credentialSubject"] as JsonObject)?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static CredentialCheckResult Fail(string code, string message) => new(false, code, message, null, null, null, null);
}
