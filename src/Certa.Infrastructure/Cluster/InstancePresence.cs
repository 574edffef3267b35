using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Certa.Infrastructure.Cluster;

/// <summary>
/// Lets the instances sharing one PostgreSQL database tell whether another is still alive, without heartbeats: each holds
/// a session advisory lock under its own id, on a connection of its own, for as long as it lives. PostgreSQL releases the
/// lock the moment the process dies (its connection closes), so trying that lock answers "dead" at once. An idempotency
/// key reserved by an instance that died (kill -9 mid-request) can then be freed on the client's next try rather than after
/// <see cref="Idempotency.IdempotencyStore.AbandonedAfter"/>.
/// </summary>
public sealed class InstancePresence(DatabaseOptions database, ILogger<InstancePresence> log) : IAsyncDisposable
{
    /// <summary>The first half of the two-part advisory lock key; the second is the instance's id.</summary>
    public const int LockClass = 2026112809;

    private readonly SemaphoreSlim gate = new(1, 1);
    private NpgsqlConnection? held;

    /// <summary>This process's id, random: two instances drawing the same one is a chance of one in two billion.</summary>
    public int Id { get; } = Random.Shared.Next(1, int.MaxValue);

    /// <summary>Whether this instance holds its lock now: only then may it name itself the owner of what it reserves.</summary>
    public bool IsHeld => held is { State: System.Data.ConnectionState.Open };

    /// <summary>
    /// Takes the lock if this instance does not hold it (at start, and again after the database went away and came back), and
    /// checks that the connection holding it still works. Safe to call every second.
    /// </summary>
    public async Task HoldAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (held is not null)
            {
                try
                {
                    await using var ping = new NpgsqlCommand("SELECT 1", held);
                    await ping.ExecuteScalarAsync(ct);
                    return;
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                    log.LogWarning(e, "The connection holding this instance's presence lock failed; taking the lock again.");
                    await held.DisposeAsync();
                    held = null;
                }
            }

            // Not pooled: a pooled connection is reset when it goes back to the pool, and the lock with it.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ResolveConnectionString()) { Pooling = false }.ConnectionString);
            try
            {
                await connection.OpenAsync(ct);
                await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@class, @id)", connection);
                take.Parameters.AddWithValue("class", LockClass);
                take.Parameters.AddWithValue("id", Id);
                await take.ExecuteNonQueryAsync(ct);
                held = connection;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Whether the instance <paramref name="owner"/> is alive: its lock is held. Trying the lock and letting it go again is one
    /// statement, so no lock is left behind on the pooled connection.
    /// </summary>
    public static async Task<bool> IsAliveAsync(CertaDbContext db, int owner, CancellationToken ct) =>
        await db.Database.SqlQuery<bool>(
                $"SELECT CASE WHEN pg_try_advisory_lock({LockClass}, {owner}) THEN NOT pg_advisory_unlock({LockClass}, {owner}) ELSE true END AS \"Value\"")
            .SingleAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (held is not null)
        {
            await held.DisposeAsync();
        }

        gate.Dispose();
    }
}
