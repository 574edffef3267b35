using Certa.Infrastructure.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Persistence;

/// <summary>Schema migration and first-run loading of the reference data.</summary>
public static class DatabaseMaintenance
{
    /// <summary>Applies pending migrations; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(CertaDbContext db, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        return pending;
    }

    /// <summary>Imports the reference data when the registry is empty (first start); otherwise leaves it alone.</summary>
    public static async Task<ImportReport?> ImportIfEmptyAsync(CertaDbContext db, string dataDirectory, TimeProvider clock,
        CancellationToken ct)
    {
        if (await db.Schemes.AnyAsync(ct))
        {
            return null;
        }

        var snapshot = ReferenceDataReader.Read(dataDirectory);
        return await new RegistryImporter(db, clock).ImportAsync(snapshot, dryRun: false, ct);
    }
}
