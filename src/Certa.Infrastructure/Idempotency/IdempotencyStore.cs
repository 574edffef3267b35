using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Infrastructure.Idempotency;

/// <summary>
/// Keeps idempotency keys for 24 hours. Each operation runs in a database context of its own, apart
/// from the request's unit of work: the reservation must be visible to a concurrent request before
/// the first one has finished, and must survive (or be released) whatever the request's work does.
/// </summary>
public sealed class IdempotencyStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// A reservation this old whose work never committed belongs to a request that died with its process (a request that
    /// commits marks its key in the same transaction). Long enough for any request Certa serves to finish.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    // SQLite is served by one process: a reservation older than this process cannot belong to a request still running.
    private readonly DateTimeOffset started = clock.GetUtcNow();

    /// <summary>
    /// Reserves <paramref name="key"/> for <paramref name="caller"/>; if it is taken, returns the record
    /// that holds it. An expired record is removed and the key reserved anew.
    /// </summary>
    public async Task<Reservation> ReserveAsync(string caller, string key, string method, string path, string requestHash, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            var now = clock.GetUtcNow();
            var existing = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Caller == caller && k.Key == key, ct);
            var ended = existing is not null && existing.ResponseBody is null
                && (existing.CreatedAt + AbandonedAfter <= now || (db.Database.IsSqlite() && existing.CreatedAt < started));
            if (existing is not null && existing.CreatedAt + Lifetime > now && !(ended && !existing.IsCompleted))
            {
                return new Reservation(existing, IsNew: false, IsOrphaned: ended);
            }

            if (existing is not null)
            {
                await db.IdempotencyKeys.Where(k => k.Id == existing.Id).ExecuteDeleteAsync(ct);
            }

            var record = IdempotencyRecord.Reserve(caller, key, method, path, requestHash, now);
            db.IdempotencyKeys.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return new Reservation(record, IsNew: true);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A concurrent request reserved the key between the look-up and the insert (the unique index
                // refused this one): look again, and find theirs.
            }
        }
    }

    /// <summary>Stores the response of the reserved request, for its repeats.</summary>
    public async Task CompleteAsync(Guid id, int statusCode, string? contentType, string? location, byte[] protectedBody, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var record = await db.IdempotencyKeys.FirstAsync(k => k.Id == id, ct);
        record.Complete(statusCode, contentType, location, protectedBody, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Frees the key of a request that failed, so that the client may send it again.</summary>
    public async Task ReleaseAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CertaDbContext>().IdempotencyKeys.Where(k => k.Id == id).ExecuteDeleteAsync(ct);
    }

    /// <summary>Removes keys older than <see cref="Lifetime"/>; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - Lifetime;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CertaDbContext>().IdempotencyKeys.Where(k => k.CreatedAt < before).ExecuteDeleteAsync(ct);
    }
}
