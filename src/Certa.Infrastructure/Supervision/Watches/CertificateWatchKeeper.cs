using Certa.Domain.Certificates;
using Certa.Domain.Supervision.FollowUps;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.Watches;

/// <summary>
/// Makes the stored watches of certificates again from their rows and inspections as saved. Called by
/// <see cref="CertaDbContext.CommitAsync"/> after it saves, in its transaction, for every certificate the commit changed or
/// whose inspections it changed: a certificate and its watch are written together or not at all.
/// </summary>
public sealed class CertificateWatchKeeper(FollowUpRules rules)
{
    /// <summary>The certificates whose watch the changes <paramref name="db"/> tracks may move.</summary>
    public static IReadOnlyCollection<Guid> Touched(CertaDbContext db) =>
    [
        .. db.ChangeTracker.Entries<Certificate>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity.Id)
            .Concat(db.ChangeTracker.Entries<Inspection>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => e.Entity.CertificateId))
            .Distinct(),
    ];

    /// <summary>Writes the watches of <paramref name="certificateIds"/> as their saved rows make them; saves through <paramref name="save"/>.</summary>
    public async Task KeepAsync(CertaDbContext db, IReadOnlyCollection<Guid> certificateIds, Func<CancellationToken, Task> save, CancellationToken ct)
    {
        if (certificateIds.Count == 0)
        {
            return;
        }

        var ids = certificateIds.ToList();
        var certificates = await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        await ReplaceAsync(db, ids, await WatchesOfAsync(db, certificates, ct), save, ct);
    }

    /// <summary>The watches of <paramref name="certificates"/>, from their inspections as saved.</summary>
    public async Task<List<CertificateWatch>> WatchesOfAsync(CertaDbContext db, IReadOnlyList<Certificate> certificates, CancellationToken ct)
    {
        var supervised = await new SupervisedCertificates(db).ForAsync(certificates, ct);
        return [.. supervised.Zip(certificates, (s, c) => CertificateWatch.Of(rules.For(s.SchemeId), s, c.Id)).OfType<CertificateWatch>()];
    }

    /// <summary>Deletes the watches of <paramref name="ids"/> and stores <paramref name="watches"/> in their place.</summary>
    internal static async Task ReplaceAsync(CertaDbContext db, IReadOnlyList<Guid> ids, IReadOnlyList<CertificateWatch> watches,
        Func<CancellationToken, Task> save, CancellationToken ct)
    {
        await db.CertificateWatches.Where(w => ids.Contains(w.CertificateId)).ExecuteDeleteAsync(ct);
        if (watches.Count == 0)
        {
            return;
        }

        db.CertificateWatches.AddRange(watches);
        await save(ct);
        // Not kept tracked: the next commit of this context deletes and adds them again by key.
        foreach (var watch in watches)
        {
            db.Entry(watch).State = EntityState.Detached;
        }
    }
}
