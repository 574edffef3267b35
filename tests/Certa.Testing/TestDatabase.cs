using Certa.Infrastructure.Persistence;
using Npgsql;

namespace Certa.Testing;

/// <summary>
/// A database of its own for one test or test class: a fresh SQLite file in a temporary directory,
/// or a fresh database in the PostgreSQL cluster that <c>./test.sh</c> starts (connection string in
/// <c>CERTA_TEST_POSTGRES</c>). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CERTA_TEST_POSTGRES";

    private readonly string? postgresAdmin;
    private readonly string? databaseName;

    private TestDatabase(DatabaseProvider provider, string dataDirectory, string? connectionString, string? postgresAdmin, string? databaseName)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        this.postgresAdmin = postgresAdmin;
        this.databaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }

    public string DataDirectory { get; }

    public string? ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("certa-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, dataDirectory, null, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with ./test.sh, which starts a throwaway PostgreSQL cluster, " +
                $"or set {PostgresVariable} to a connection string of a server where databases may be created.");
        }

        var name = $"certa_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, dataDirectory, builder.ConnectionString, admin, name);
    }

    /// <summary>
    /// A new database with <paramref name="template"/>'s content and a copy of its data directory. The template must have no
    /// open connections (PostgreSQL copies only an idle database; SQLite's file must be checkpointed).
    /// </summary>
    public static async Task<TestDatabase> CopyOfAsync(TestDatabase template)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("certa-test-").FullName;
        CopyDirectory(template.DataDirectory, dataDirectory);
        if (template.Provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(template.Provider, dataDirectory, null, null, null);
        }

        var name = $"certa_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(template.postgresAdmin))
        {
            await connection.OpenAsync();
            // Serialised: PostgreSQL refuses a template that another CREATE DATABASE is copying at the same moment.
            await CopyLock.WaitAsync();
            try
            {
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template.databaseName}\" STRATEGY FILE_COPY", connection);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                CopyLock.Release();
            }
        }

        var builder = new NpgsqlConnectionStringBuilder(template.postgresAdmin) { Database = name };
        return new TestDatabase(template.Provider, dataDirectory, builder.ConnectionString, template.postgresAdmin, name);
    }

    private static readonly SemaphoreSlim CopyLock = new(1, 1);

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    /// <summary>Configuration entries pointing Certa at this database.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Certa:Database:Provider"] = Provider.ToString(),
        ["Certa:Database:ConnectionString"] = ConnectionString,
        ["Certa:DataDirectory"] = DataDirectory,
    };

    public DatabaseOptions Options() => new()
    {
        Provider = Provider,
        ConnectionString = ConnectionString,
        DataDirectory = DataDirectory,
    };

    public async ValueTask DisposeAsync()
    {
        if (postgresAdmin is not null && databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection; the temp directory is cleaned by the OS.
        }
    }
}
