using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Infrastructure.Idempotency;

/// <summary>
/// Keeps idempotency keys for 24 hours. Each operation runs in a database context of its own, apart
/// from the request's unit of work: the reservation must be visible to a concurrent request before
/// the first one has finished, and must survive (or be released) whatever the request's work does.
/// </summary>
public sealed class IdempotencyStore(IServiceScopeFactory scopes, TimeProvider clock, Cluster.InstancePresence? presence = null)
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
            var live = existing is not null && existing.CreatedAt + Lifetime > now;
            var ended = live && existing!.ResponseBody is null && await HasEndedAsync(db, existing, now, ct);
            if (live && !(ended && !existing!.IsCompleted))
            {
                return new Reservation(existing!, IsNew: false, IsOrphaned: ended);
            }

            if (existing is not null)
            {
                // A reservation whose request died is taken over only if its work has still not committed: the commit marks it
                // in the same transaction, and on PostgreSQL this delete waits for that transaction and then sees the mark.
                var removed = await db.IdempotencyKeys.Where(k => k.Id == existing.Id && (!live || k.CompletedAt == null)).ExecuteDeleteAsync(ct);
                if (removed == 0 && attempt < 3)
                {
                    continue;
                }
            }

            var record = IdempotencyRecord.Reserve(caller, key, method, path, requestHash, now, presence is { IsHeld: true } ? presence.Id : null);
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

    /// <summary>
    /// Whether the request that reserved <paramref name="record"/> (and has stored no answer) can no longer be running: it is
    /// older than any request lasts, or older than this process on SQLite (one process serves it), or on PostgreSQL its
    /// instance no longer holds its presence lock.
    /// </summary>
    private async Task<bool> HasEndedAsync(CertaDbContext db, IdempotencyRecord record, DateTimeOffset now, CancellationToken ct)
    {
        if (record.CreatedAt + AbandonedAfter <= now || (db.Database.IsSqlite() && record.CreatedAt < started))
        {
            return true;
        }

        return presence is not null && record.Owner is { } owner && owner != presence.Id && !await Cluster.InstancePresence.IsAliveAsync(db, owner, ct);
    }

    /// <summary>Stores the response of the reserved request, for its repeats.</summary>
    public async Task CompleteAsync(Guid id, int statusCode, string? contentType, string? location, byte[] protectedBody, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        // None when another instance took the key over (this one's presence lock was lost): that request's answer is the key's.
        var record = await db.IdempotencyKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (record is null)
        {
            return;
        }

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
