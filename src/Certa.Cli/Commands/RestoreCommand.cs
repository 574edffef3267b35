using System.CommandLine;
using Certa.Infrastructure.Backup;
using Certa.Infrastructure.Persistence;

namespace Certa.Cli.Commands;

/// <summary><c>certa restore FILE</c>: into an empty database and data directory (or --force), then the integrity check.</summary>
internal static class RestoreCommand
{
    public static Command Create(GlobalOptions global)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "An archive written by 'certa backup'." };
        var force = new Option<bool>("--force") { Description = "Replace a database and data directory that already hold data (stop the server first)." };
        var restore = new Command("restore",
            "Restore a backup: the archive is checked against its manifest first (a changed byte refuses it), a target that holds data is "
            + "refused without --force, and the integrity check runs after (audit chain, log, counts and head as in the manifest). "
            + "Exit 3 if refused (nothing changed), 5 if the restored data fail the check.") { file, force };
        restore.SetAction((parse, ct) => CheckCommand.BackupRunAsync(async () =>
        {
            await using var services = CliServices.Build(global.Overrides(parse));
            var source = parse.GetRequiredValue(file).FullName;
            var manifest = await CertaBackup.RestoreAsync(services.GetRequiredService<DatabaseOptions>(), source, parse.GetValue(force), ct);
            Console.WriteLine($"Restored {source} (backup of {manifest.CreatedAt:u}, {manifest.Entries.Count} files). Checking integrity:");
            return await CheckCommand.RunAsync(services, manifest, ct);
        }));
        return restore;
    }
}
