namespace Certa.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where Certa keeps its data. Configuration section <c>Certa:Database</c>; environment variables
/// <c>Certa__Database__Provider</c>, <c>Certa__Database__ConnectionString</c>, <c>Certa__DataDirectory</c>.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Certa:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL; for SQLite the default is <c>{DataDirectory}/certa.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Directory for the SQLite file (and later, keys and uploads). Default <c>./.certa</c>.</summary>
    public string DataDirectory { get; set; } = ".certa";

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "PostgreSQL needs a connection string: set Certa:Database:ConnectionString (env Certa__Database__ConnectionString).");
        }

        var directory = Path.GetFullPath(DataDirectory);
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "certa.db")};Default Timeout=30";
    }
}
