using System.Data.Common;

namespace Certa.Infrastructure.Verification.Bulk;

/// <summary>
/// On SQLite, a page cache of 128 MB on the bulk reader's connection for one request, and the default again after it (the
/// connection goes back to the pool). A million lookups touch the covering index (about 100 MB at 1 M certificates) a few
/// million times; the default 2 MB cache sends most of those to the operating system, one system call a page. Measured at
/// 1 M: a lookup 5.3 → 2.6 µs (bench/RESULTS.md, session 11). PostgreSQL has its shared buffers: nothing to do.
/// </summary>
internal sealed class LargerCache : IAsyncDisposable
{
    private const int Kibibytes = 131_072;

    private readonly DbConnection? connection;

    private LargerCache(DbConnection? connection) => this.connection = connection;

    public static async Task<LargerCache> ForAsync(DbConnection connection, bool postgres, CancellationToken ct)
    {
        if (postgres)
        {
            return new LargerCache(null);
        }

        await SetAsync(connection, $"PRAGMA cache_size = -{Kibibytes}", ct);
        return new LargerCache(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            // Back to SQLite's default (2 MB); lowering the size frees the pages above it.
            await SetAsync(connection, "PRAGMA cache_size = -2000", CancellationToken.None);
        }
    }

    private static async Task SetAsync(DbConnection connection, string pragma, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(ct);
    }
}
