using Certa.Domain.Certificates;
using Certa.Domain.Verification;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Certificates.Search;

/// <summary>
/// Keeps <see cref="CertificateModelKey"/> rows in step with the certificates being saved: a new certificate gets a row per
/// model, and one whose product changed (models added) gets the difference. Called inside the commit, so a certificate and
/// its keys are written together or not at all.
/// </summary>
public static class CertificateModelKeys
{
    /// <summary>The distinct keys of a certificate's models.</summary>
    public static IEnumerable<CertificateModelKey> Of(Certificate certificate) =>
        KeysOf(certificate.Models).Select(k => new CertificateModelKey(k, certificate.Id));

    public static void Sync(CertaDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<Certificate>().ToList())
        {
            if (entry.State == EntityState.Added)
            {
                db.CertificateModels.AddRange(Of(entry.Entity));
            }
            else if (entry.State == EntityState.Modified && entry.Property(c => c.Product).IsModified)
            {
                var before = KeysOf(entry.Property(c => c.Product).OriginalValue.AllModels());
                var after = KeysOf(entry.Entity.Models);
                db.CertificateModels.AddRange(after.Except(before).Select(k => new CertificateModelKey(k, entry.Entity.Id)));
                db.CertificateModels.RemoveRange(before.Except(after).Select(k => new CertificateModelKey(k, entry.Entity.Id)));
            }
        }
    }

    /// <summary>The key searched for: the model as typed, compared as certificates' models are.</summary>
    public static string KeyOf(string model)
    {
        var key = CertificateJudge.ModelKey(model);
        return key.Length > CertificateModelKey.MaxLength ? key[..CertificateModelKey.MaxLength] : key;
    }

    private static HashSet<string> KeysOf(IEnumerable<string> models) =>
        [.. models.Select(KeyOf).Where(k => k.Length > 0)];
}
