using System.Diagnostics;
using Npgsql;

namespace Certa.Infrastructure.Backup;

/// <summary>
/// Runs PostgreSQL's own pg_dump and pg_restore: found on the PATH, else in Debian's <c>/usr/lib/postgresql/VERSION/bin</c>
/// (the newest version, since pg_dump must not be older than the server). The connection goes to them as libpq environment
/// variables, so a password never shows in the process list.
/// </summary>
internal static class PostgresTools
{
    public static async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Locate(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username ?? Environment.UserName;
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start) ?? throw new BackupEnvironmentException($"{tool} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await output;
        if (process.ExitCode != 0)
        {
            throw new BackupEnvironmentException($"{tool} failed (exit {process.ExitCode}): {(await error).Trim()}");
        }
    }

    private static string Locate(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool));
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin", tool))
            : [];
        return onPath.Concat(debian).FirstOrDefault(File.Exists)
            ?? throw new BackupEnvironmentException(
                $"{tool} was not found on the PATH nor in /usr/lib/postgresql/*/bin. Install PostgreSQL's client programs "
                + "(Debian: apt-get install postgresql-client) in a version not older than the server.");
    }
}
