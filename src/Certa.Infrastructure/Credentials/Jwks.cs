using System.Buffers.Text;
using System.Text.Json.Nodes;

namespace Certa.Infrastructure.Credentials;

/// <summary>
/// The body's public keys as a JSON Web Key Set (RFC 7517; Ed25519 as OKP per RFC 8037) for verifiers that speak
/// JOSE rather than DIDs. Standard members only: revoked keys are left out here (the DID document keeps them).
/// </summary>
public static class Jwks
{
    public static JsonObject Build(IEnumerable<PublishedKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new JsonObject
        {
            ["keys"] = new JsonArray([.. keys.Where(k => k.RevokedFrom is null).Select(Jwk)]),
        };
    }

    public static JsonObject Jwk(PublishedKey key) => new()
    {
        ["kty"] = "OKP",
        ["crv"] = "Ed25519",
        ["x"] = Base64Url.EncodeToString(key.PublicKey),
        ["kid"] = key.KeyId,
        ["use"] = "sig",
        ["alg"] = "EdDSA",
    };
}
