using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Signing;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Certificates;

/// <summary>Gathers what a certificate says from the certificate and the registry: the input of its credential and its PDFs.</summary>
public sealed class CertificateFactsReader(CertaDbContext db, IssuerIdentity identity)
{
    public async Task<CertificateFacts> ReadAsync(Certificate certificate, CertificateSignature signature, CancellationToken ct)
    {
        var scheme = await db.Schemes.AsNoTracking().Where(s => s.Id == certificate.SchemeId).Select(s => new { s.Name, s.Mark }).FirstOrDefaultAsync(ct);
        var body = await db.Organisations.AsNoTracking().Where(o => o.Id == certificate.BodyId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        var productType = await db.ProductTypes.AsNoTracking().Where(p => p.Id == certificate.ProductTypeId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        var numbers = certificate.Standards.ToList();
        var titles = await db.Standards.AsNoTracking().Where(s => numbers.Contains(s.Number)).ToDictionaryAsync(s => s.Number, s => s.Title, ct);
        return new CertificateFacts(
            certificate.Number,
            certificate.Version,
            certificate.SchemeId,
            scheme?.Name ?? new LocalizedText(certificate.SchemeId),
            scheme?.Mark is { IsEmpty: false } mark ? mark : null,
            certificate.BodyId,
            body ?? new LocalizedText(certificate.BodyId),
            certificate.HolderId,
            certificate.HolderName,
            certificate.HolderAddress,
            certificate.Manufacturer,
            certificate.Factory,
            certificate.ProductTypeId,
            productType ?? new LocalizedText(certificate.ProductTypeId),
            certificate.Product,
            [.. numbers.Select(n => new CertifiedStandard(n, titles.GetValueOrDefault(n), "pass"))],
            certificate.IssuedOn,
            certificate.ValidUntil,
            certificate.PredecessorNumber,
            identity.VerificationUrl(certificate.Number),
            signature);
    }
}
