using System.Text.Json;
using Certa.Domain.Certificates;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Signing;

namespace Certa.Infrastructure.Certificates;

/// <summary>
/// Signs the current version of a certificate as a verifiable credential with its body's active key and
/// stores it, in the caller's unit of work: the certificate, its change and its credential are saved together.
/// </summary>
public sealed class CertificateSigner(CertaDbContext db, BodyKeys keys, IssuerIdentity identity, CertificateFactsReader facts, StatusListIndexes indexes)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IssuedCredential> SignAsync(Certificate certificate, DateTimeOffset now, CancellationToken ct)
    {
        var key = await keys.ActiveKeyAsync(certificate.BodyId, now, ct);
        var did = identity.Did(certificate.BodyId);
        var method = identity.VerificationMethod(certificate.BodyId, key.KeyId);
        var signature = new CertificateSignature(did, method, key.Fingerprint, now);
        var content = await facts.ReadAsync(certificate, signature, ct);
        var messageIndex = await indexes.NextMessageAsync(certificate.BodyId, ct);
        var unsigned = CertificateCredential.Build(content, new CredentialIssuer(did, content.BodyName),
        [
            new CredentialStatusEntry(StatusPurpose.Revocation, identity.StatusListUrl(certificate.BodyId, "revocation"), certificate.StatusListIndex),
            new CredentialStatusEntry(StatusPurpose.Suspension, identity.StatusListUrl(certificate.BodyId, "suspension"), certificate.StatusListIndex),
            new CredentialStatusEntry(StatusPurpose.Message, identity.StatusListUrl(certificate.BodyId, "message"), messageIndex),
        ]);
        var seed = keys.PrivateSeed(key);
        try
        {
            var signed = DataIntegrityProof.Sign(unsigned, seed, method, now);
            var credential = new IssuedCredential(Guid.CreateVersion7(now), certificate.Id, certificate.Number, certificate.BodyId, certificate.Version,
                messageIndex, method, now,
                signed.ToJsonString(Compact));
            db.IssuedCredentials.Add(credential);
            return credential;
        }
        finally
        {
            Array.Clear(seed);
        }
    }
}
