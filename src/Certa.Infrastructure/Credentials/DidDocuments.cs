using System.Text.Json.Nodes;

namespace Certa.Infrastructure.Credentials;

/// <summary>
/// A body's did:web DID document: each key as a Multikey verification method (W3C Controlled Identifiers v1.0),
/// every key listed under assertionMethod. Revoked keys keep their entry with a <c>revoked</c> instant.
/// </summary>
public static class DidDocuments
{
    public static JsonObject Build(string did, IEnumerable<PublishedKey> keys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(did);
        ArgumentNullException.ThrowIfNull(keys);
        var published = keys.ToList();
        return new JsonObject
        {
            ["@context"] = new JsonArray(CredentialContexts.DidV1, CredentialContexts.MultikeyV1),
            ["id"] = did,
            ["verificationMethod"] = new JsonArray([.. published.Select(k => VerificationMethod(did, k))]),
            ["assertionMethod"] = new JsonArray([.. published.Select(k => JsonValue.Create(k.VerificationMethodId(did)))]),
        };
    }

    /// <summary>
    /// The Ed25519 key <paramref name="didDocument"/> publishes as <paramref name="verificationMethod"/>, or null when
    /// it lists no such Multikey: a resolver for <see cref="DataIntegrityProof.Verify"/> over a DID document at hand.
    /// </summary>
    public static byte[]? PublicKeyOf(JsonObject didDocument, string verificationMethod)
    {
        ArgumentNullException.ThrowIfNull(didDocument);
        var method = (didDocument["verificationMethod"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(m => m["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && m["id"]!.GetValue<string>() == verificationMethod);
        return method?["type"]?.ToString() == "Multikey" && Multikey.TryDecode(method["publicKeyMultibase"]?.ToString(), out var key) ? key : null;
    }

    /// <summary>One key as a Multikey verification method, as a verifier dereferences it.</summary>
    public static JsonObject VerificationMethod(string controller, PublishedKey key)
    {
        var method = new JsonObject
        {
            ["id"] = key.VerificationMethodId(controller),
            ["type"] = "Multikey",
            ["controller"] = controller,
            ["publicKeyMultibase"] = Multikey.Encode(key.PublicKey),
        };
        if (key.RevokedFrom is { } revoked)
        {
            method["revoked"] = Timestamps.Utc(revoked);
        }

        return method;
    }
}
