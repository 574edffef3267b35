using Certa.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Backup;

/// <summary>
/// SQLite through its online backup API: a consistent copy page by page while the server keeps running (the copy holds a read
/// lock for the one step it takes; WAL lets writers go on), and the same API the other way to restore.
/// </summary>
internal static class SqliteSnapshot
{
    public static async Task<DatabaseCensus> DumpAsync(DatabaseOptions options, string file, CancellationToken ct)
    {
        var source = Builder(options.ResolveConnectionString());
        if (!File.Exists(source.DataSource))
        {
            throw new BackupRefusedException($"There is no SQLite database at {source.DataSource} to back up.");
        }

        source.Mode = SqliteOpenMode.ReadOnly;
        using (var from = new SqliteConnection(source.ToString()))
        using (var to = new SqliteConnection(Builder($"Data Source={file}").ToString()))
        {
            from.Open();
            to.Open();
            from.BackupDatabase(to);
        }

        return await CensusAsync(file, ct);
    }

    public static async Task<bool> IsEmptyAsync(DatabaseOptions options, CancellationToken ct)
    {
        var target = Builder(options.ResolveConnectionString());
        if (!File.Exists(target.DataSource) || new FileInfo(target.DataSource).Length == 0)
        {
            return true;
        }

        await using var connection = new SqliteConnection(target.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    /// <summary>Replaces every page of the target database with the snapshot's. The server must be stopped.</summary>
    public static void Restore(DatabaseOptions options, string file)
    {
        SqliteConnection.ClearAllPools();
        using var from = new SqliteConnection(Builder($"Data Source={file}").ToString());
        using var to = new SqliteConnection(Builder(options.ResolveConnectionString()).ToString());
        from.Open();
        to.Open();
        from.BackupDatabase(to);
    }

    public static async Task<DatabaseCensus> CensusAsync(string file, CancellationToken ct)
    {
        var builder = new DbContextOptionsBuilder<SqliteCertaDbContext>().UseSqlite(Builder($"Data Source={file}").ToString());
        await using var db = new SqliteCertaDbContext(builder.Options);
        return await DatabaseCensus.TakeAsync(db, ct);
    }

    /// <summary>Unpooled, so that the file is closed when the connection is: a staged copy can then be deleted at once.</summary>
    private static SqliteConnectionStringBuilder Builder(string connectionString) => new(connectionString) { Pooling = false };
}
