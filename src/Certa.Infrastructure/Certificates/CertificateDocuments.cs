using System.Text;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Certificates.Documents;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Certificates;

/// <summary>
/// A certificate's documents: its signed credentials as stored, and its PDFs, rendered on demand from the
/// current version and the signature of that version's credential (same input, same bytes, so nothing to store).
/// Each PDF carries that credential as an embedded file, byte for byte as served by the credential endpoint.
/// </summary>
public sealed class CertificateDocuments(CertaDbContext db, CertificateFactsReader facts)
{
    /// <summary>The media type of a W3C verifiable credential secured with an embedded proof (VC Data Model 2.0 §6.3).</summary>
    public const string CredentialMediaType = "application/vc+ld+json";

    public async Task<IssuedCredential> CredentialAsync(Certificate certificate, int? version, CancellationToken ct)
    {
        var wanted = version ?? certificate.Version;
        return await db.IssuedCredentials.AsNoTracking().FirstOrDefaultAsync(c => c.CertificateId == certificate.Id && c.Version == wanted, ct)
            ?? throw DomainException.NotFound("credential-not-found", $"Certificate {certificate.Number} has no credential for version {wanted}.");
    }

    public async Task<IReadOnlyList<IssuedCredential>> CredentialsAsync(Certificate certificate, CancellationToken ct) =>
        [.. (await db.IssuedCredentials.AsNoTracking().Where(c => c.CertificateId == certificate.Id).ToListAsync(ct)).OrderBy(c => c.Version)];

    public async Task<byte[]> PdfAsync(Certificate certificate, string language, CancellationToken ct)
    {
        var lang = language?.Trim().ToLowerInvariant() switch
        {
            "en" or null or "" => "en",
            "zh" or "zh-cn" or "zh-hans" => "zh",
            _ => throw DomainException.Invalid("language-invalid", $"Certificates are printed in 'en' or 'zh', not '{language}'.", "lang"),
        };
        var credential = await CredentialAsync(certificate, null, ct);
        var hash = credential.KeyId.LastIndexOf('#');
        var keyId = credential.KeyId[(hash + 1)..];
        var fingerprint = await db.SigningKeys.AsNoTracking().Where(k => k.BodyId == certificate.BodyId && k.KeyId == keyId)
            .Select(k => k.Fingerprint).FirstOrDefaultAsync(ct);
        var signature = new CertificateSignature(credential.KeyId[..Math.Max(hash, 0)], credential.KeyId, fingerprint ?? string.Empty, credential.SignedAt);
        var pdf = CertificatePdf.Render(await facts.ReadAsync(certificate, signature, ct), lang);
        return PdfAttachments.Embed(pdf, $"certificate-{certificate.Number}-v{credential.Version}.json", Encoding.UTF8.GetBytes(credential.Json),
            CredentialMediaType, $"Signed verifiable credential of certificate {certificate.Number}, version {credential.Version}");
    }
}
