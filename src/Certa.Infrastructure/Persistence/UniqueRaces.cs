using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Persistence;

/// <summary>
/// Commands that draw the next number (certificate, GCTS code, status-list index) read the highest taken and
/// write one past it; two at once meet the unique index, and the loser starts again with a clean unit of work.
/// </summary>
public static class UniqueRaces
{
    public const int Attempts = 3;

    public static async Task<T> RetryAsync<T>(this CertaDbContext db, Func<Task<T>> command, CancellationToken ct, int attempts = Attempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                return await command();
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
