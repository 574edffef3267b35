using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Persistence;

/// <summary>
/// A lock held to the end of the open transaction, for writers that must not interleave. SQLite needs none: its write
/// transactions are already exclusive (Microsoft.Data.Sqlite begins them IMMEDIATE). PostgreSQL takes an advisory lock.
/// </summary>
public static class TransactionLock
{
    public static async Task TakeAsync(CertaDbContext db, long key, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
    }
}
