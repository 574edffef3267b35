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
        // A migration that fills a column or builds an index touches every row: on a national registry that is minutes, not
        // the seconds a request is allowed.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }

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
