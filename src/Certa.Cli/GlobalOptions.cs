using System.CommandLine;
using Certa.Infrastructure.Persistence;

namespace Certa.Cli;

/// <summary>Options every command takes; they override configuration and environment variables.</summary>
public sealed class GlobalOptions
{
    public Option<DatabaseProvider?> Provider { get; } = new("--provider")
    {
        Description = "Database: sqlite (default, a file in the data directory) or postgres.",
        Recursive = true,
    };

    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = "Database connection string (required for postgres).",
        Recursive = true,
    };

    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Directory for Certa's own files, e.g. the SQLite database (default ./.certa).",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Provider);
        root.Options.Add(ConnectionString);
        root.Options.Add(DataDir);
    }

    /// <summary>Configuration entries for the options given on the command line.</summary>
    public Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Provider) is { } provider)
        {
            overrides["Certa:Database:Provider"] = provider.ToString();
        }

        if (parse.GetValue(ConnectionString) is { } connection)
        {
            overrides["Certa:Database:ConnectionString"] = connection;
        }

        if (parse.GetValue(DataDir) is { } dataDir)
        {
            overrides["Certa:DataDirectory"] = dataDir;
        }

        return overrides;
    }
}
