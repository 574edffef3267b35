using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Registry;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Applications;

/// <summary>
/// Checks that a certificate named for reuse is the applicant's own, valid today and of the same
/// product, and works out what it covers: testing when its standards include every edition that
/// applies to the product type today; the factory audit when the factory is the same.
/// </summary>
public static class CertificateReuseCheck
{
    public static async Task<CertificateReuse> CheckAsync(CertaDbContext db, string number, string applicantId, ProductType productType,
        ProductDetails product, Party factory, DateTimeOffset now, CancellationToken ct)
    {
        var trimmed = number.Trim();
        var certificate = await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == trimmed, ct);
        if (certificate is null || certificate.HolderId != applicantId)
        {
            // Another holder's certificate is as unknown to this applicant as a made-up number.
            throw DomainException.Invalid("reuse-certificate-unknown", $"You hold no certificate {trimmed}.", "reuseCertificate");
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (certificate.State != CertificateState.Active || certificate.ValidUntil < today)
        {
            throw DomainException.Invalid("reuse-certificate-not-valid",
                $"Certificate {trimmed} is not valid today (valid until {certificate.ValidUntil:yyyy-MM-dd}); only a valid certificate can be built on.", "reuseCertificate");
        }

        var models = certificate.Product.AllModels();
        if (!models.Contains(product.MainModel, StringComparer.OrdinalIgnoreCase))
        {
            throw DomainException.Invalid("reuse-other-product",
                $"Certificate {trimmed} covers {string.Join(", ", models)}, not {product.MainModel}: it is for another product.", "reuseCertificate");
        }

        var standards = await Testing.DesignatedLabs.StandardsOnAsync(db, productType, today, ct);
        var coversTesting = standards.Count > 0 && standards.All(s => certificate.Standards.Contains(s, StringComparer.OrdinalIgnoreCase));
        var sameFactory = string.Equals(certificate.Factory.Name.En.Trim(), factory.Name.En.Trim(), StringComparison.OrdinalIgnoreCase);
        return new CertificateReuse(certificate.Id, certificate.Number, certificate.SchemeId, coversTesting, sameFactory);
    }
}
