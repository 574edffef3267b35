using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Certa.Infrastructure.Cluster;

/// <summary>
/// Reports this instance's rate-limit counts to <c>RateLimitWindows</c> on PostgreSQL and reads the deployment's totals back,
/// all partitions in one statement a round; deletes windows that have ended. ADR 020.
/// </summary>
public sealed class RateLimitWindowStore(IServiceScopeFactory scopes, SharedRateCounts counts, TimeProvider clock)
{
    // Adds the deltas (in key order, so two instances lock rows in the same order and cannot deadlock) and returns the new
    // totals; partitions with nothing to add are only read.
    private const string Report = """
        WITH d AS (SELECT * FROM unnest(@partitions, @starts, @deltas) AS d("Partition", "WindowStart", "Delta")),
        added AS (
            INSERT INTO "RateLimitWindows" ("Partition", "WindowStart", "Count")
            SELECT "Partition", "WindowStart", "Delta" FROM d WHERE "Delta" > 0 ORDER BY "Partition", "WindowStart"
            ON CONFLICT ("Partition", "WindowStart") DO UPDATE SET "Count" = "RateLimitWindows"."Count" + EXCLUDED."Count"
            RETURNING "Partition", "WindowStart", "Count")
        SELECT "Partition", "WindowStart", "Count" FROM added
        UNION ALL
        SELECT r."Partition", r."WindowStart", r."Count" FROM "RateLimitWindows" r JOIN d USING ("Partition", "WindowStart") WHERE d."Delta" = 0
        """;

    private long lastExpiry = long.MinValue;

    /// <summary>One round: report and read back; once a window, delete the windows before the previous one. Returns how many partitions.</summary>
    public async Task<int> SyncAsync(CancellationToken ct)
    {
        var deltas = counts.TakeDeltas();
        var window = SharedRateCounts.WindowOf(clock.GetUtcNow());
        if (deltas.Count == 0 && window == lastExpiry)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            if (deltas.Count > 0)
            {
                await ReportAsync(connection, deltas, ct);
            }
        }
        catch
        {
            foreach (var delta in deltas)
            {
                counts.Restore(delta);
            }

            throw;
        }

        if (window != lastExpiry)
        {
            await using var expire = new NpgsqlCommand("""DELETE FROM "RateLimitWindows" WHERE "WindowStart" < @before""", connection);
            expire.Parameters.AddWithValue("before", window - SharedRateCounts.WindowSeconds);
            await expire.ExecuteNonQueryAsync(ct);
            lastExpiry = window;
        }

        return deltas.Count;
    }

    private async Task ReportAsync(NpgsqlConnection connection, IReadOnlyList<WindowCount> deltas, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Report, connection);
        command.Parameters.Add(new NpgsqlParameter("partitions", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = deltas.Select(d => d.Partition).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("starts", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = deltas.Select(d => d.WindowStart).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("deltas", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = deltas.Select(d => d.Count).ToArray() });
        var totals = new Dictionary<(string, long), long>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                totals[(reader.GetString(0), reader.GetInt64(1))] = reader.GetInt64(2);
            }
        }

        foreach (var delta in deltas)
        {
            // A window deleted meanwhile has no row to read: its total is what this instance just reported, nothing.
            counts.Settle(delta, totals.GetValueOrDefault((delta.Partition, delta.WindowStart)));
        }
    }
}
