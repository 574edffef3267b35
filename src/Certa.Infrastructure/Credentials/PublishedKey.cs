namespace Certa.Infrastructure.Credentials;

/// <summary>
/// A body's signing key as the public sees it. A revoked key stays published with its revocation instant, so
/// credentials signed before then keep verifying and anything signed after can be refused.
/// </summary>
public sealed record PublishedKey(string KeyId, byte[] PublicKey, DateTimeOffset Created, DateTimeOffset? RevokedFrom = null)
{
    /// <summary>The verification method id under <paramref name="controller"/>: "did:web:…#key-id".</summary>
    public string VerificationMethodId(string controller) => $"{controller}#{KeyId}";
}
