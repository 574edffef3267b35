using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Certa.Infrastructure.Backup;

/// <summary>
/// PostgreSQL through pg_dump's custom format and pg_restore. The census and the dump see the same moment: the census runs in a
/// repeatable-read transaction whose snapshot pg_dump is given (<c>--snapshot</c>), so writes that land meanwhile are in neither.
/// </summary>
internal static class PostgresSnapshot
{
    public static async Task<DatabaseCensus> DumpAsync(DatabaseOptions options, string file, CancellationToken ct)
    {
        var connectionString = options.ResolveConnectionString();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", ct);
        await using var snapshotCommand = new NpgsqlCommand("SELECT pg_export_snapshot()", connection);
        var snapshot = (string)(await snapshotCommand.ExecuteScalarAsync(ct))!;
        var builder = new DbContextOptionsBuilder<PostgresCertaDbContext>().UseNpgsql(connection);
        DatabaseCensus census;
        await using (var db = new PostgresCertaDbContext(builder.Options))
        {
            census = await DatabaseCensus.TakeAsync(db, ct);
        }

        await PostgresTools.RunAsync("pg_dump", connectionString, ["--format=custom", $"--snapshot={snapshot}", "--no-owner", "--no-privileges", $"--file={file}"], ct);
        await ExecuteAsync(connection, "COMMIT", ct);
        return census;
    }

    public static async Task<bool> IsEmptyAsync(DatabaseOptions options, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(options.ResolveConnectionString());
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public'", connection);
        return (long)(await command.ExecuteScalarAsync(ct))! == 0;
    }

    /// <summary>Restores into the (empty or, with <paramref name="clear"/>, emptied) public schema in one transaction.</summary>
    public static async Task RestoreAsync(DatabaseOptions options, string file, bool clear, CancellationToken ct)
    {
        var connectionString = options.ResolveConnectionString();
        if (clear)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await ExecuteAsync(connection, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;", ct);
        }

        NpgsqlConnection.ClearAllPools();
        await PostgresTools.RunAsync("pg_restore", connectionString, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={new NpgsqlConnectionStringBuilder(connectionString).Database}", file], ct);
    }

    public static async Task<DatabaseCensus> CensusAsync(DatabaseOptions options, CancellationToken ct)
    {
        var builder = new DbContextOptionsBuilder<PostgresCertaDbContext>().UseNpgsql(options.ResolveConnectionString());
        await using var db = new PostgresCertaDbContext(builder.Options);
        return await DatabaseCensus.TakeAsync(db, ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
