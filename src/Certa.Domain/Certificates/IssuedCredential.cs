namespace Certa.Domain.Certificates;

/// <summary>
/// The signed verifiable credential of one version of a certificate, stored exactly as signed: the
/// bytes a verifier receives are the bytes that were signed. Written once, with the change that made
/// the version, and never altered.
/// </summary>
public sealed class IssuedCredential
{
    private IssuedCredential()
    {
        Number = BodyId = KeyId = Json = string.Empty;
    }

    public IssuedCredential(Guid id, Guid certificateId, string number, string bodyId, int version, int messageListIndex, string keyId,
        DateTimeOffset signedAt, string json)
    {
        Id = id;
        CertificateId = certificateId;
        Number = number;
        BodyId = bodyId;
        MessageListIndex = messageListIndex;
        Version = version;
        KeyId = keyId;
        SignedAt = signedAt;
        Json = json;
    }

    public Guid Id { get; private set; }

    public Guid CertificateId { get; private set; }

    public string Number { get; private set; }

    public string BodyId { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// This version's place in the body's message list, whose set bits mark superseded versions. Revocation and
    /// suspension apply to every version of a certificate and use the certificate's index; superseding is per version.
    /// </summary>
    public int MessageListIndex { get; private set; }

    /// <summary>The full verification method: the body's DID and the key's fragment.</summary>
    public string KeyId { get; private set; }

    public DateTimeOffset SignedAt { get; private set; }

    public string Json { get; private set; }
}
