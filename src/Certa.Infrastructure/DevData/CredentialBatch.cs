using System.Text.Json;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.Signing;

namespace Certa.Infrastructure.DevData;

/// <summary>
/// Signs each generated certificate's credential as <c>CertificateSigner</c> does — the same facts, status entries and
/// eddsa-jcs-2022 proof with the body's key, dated when the certificate was issued — on every core, since signing is most
/// of a certificate's cost.
/// </summary>
internal sealed class CredentialBatch(IssuerIdentity identity, LocalizedText schemeName, LocalizedText? markName, IReadOnlyDictionary<string, byte[]> seeds)
    : IDisposable
{
    // Each body's key imported once for the whole run, not once a signature.
    private readonly Dictionary<string, Ed25519Signer> signers = seeds.ToDictionary(s => s.Key, s => new Ed25519Signer(s.Value), StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Sign(GeneratedBatch batch, Random random)
    {
        var ids = batch.ToSign.Select(s => DevIds.Next(random, s.At)).ToArray();
        var signed = new IssuedCredential[batch.ToSign.Count];
        Parallel.For(0, signed.Length, i => signed[i] = Sign(batch.ToSign[i], ids[i]));
        batch.Credentials.AddRange(signed);
    }

    public void Dispose()
    {
        foreach (var signer in signers.Values)
        {
            signer.Dispose();
        }
    }

    private IssuedCredential Sign(CredentialToSign item, Guid id)
    {
        var (certificate, body, product, at) = (item.Certificate, item.Body, item.Product, item.At);
        var did = identity.Did(body.Id);
        var facts = new CertificateFacts(certificate.Number, 1, certificate.SchemeId, schemeName, markName, body.Id, body.Name, certificate.HolderId,
            certificate.HolderName, certificate.HolderAddress, certificate.Manufacturer, certificate.Factory, product.Type.Id, product.Type.Name,
            certificate.Product, product.Standards, certificate.IssuedOn, certificate.ValidUntil, certificate.PredecessorNumber,
            identity.VerificationUrl(certificate.Number), new CertificateSignature(did, body.Method, body.Key.Fingerprint, at));
        var unsigned = CertificateCredential.Build(facts, new CredentialIssuer(did, body.Name),
        [
            new CredentialStatusEntry(StatusPurpose.Revocation, identity.StatusListUrl(body.Id, "revocation"), certificate.StatusListIndex),
            new CredentialStatusEntry(StatusPurpose.Suspension, identity.StatusListUrl(body.Id, "suspension"), certificate.StatusListIndex),
            new CredentialStatusEntry(StatusPurpose.Message, identity.StatusListUrl(body.Id, "message"), item.MessageIndex),
        ]);
        var proof = DataIntegrityProof.Sign(unsigned, seeds[body.Id], body.Method, at);
        return new IssuedCredential(id, certificate.Id, certificate.Number, body.Id, 1, item.MessageIndex, body.Method, at, proof.ToJsonString(Compact));
    }
}
