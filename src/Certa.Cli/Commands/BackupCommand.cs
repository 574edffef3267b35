using System.CommandLine;
using Certa.Infrastructure.Backup;
using Certa.Infrastructure.Persistence;

namespace Certa.Cli.Commands;

/// <summary><c>certa backup FILE</c>: the database and the data directory's keys and documents in one archive, while the server runs.</summary>
internal static class BackupCommand
{
    public static Command Create(GlobalOptions global)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The archive to write (a .tar.gz); replaced if it exists." };
        var backup = new Command("backup",
            "Back up the database (SQLite: online backup API; PostgreSQL: pg_dump) with the master key and the uploaded documents into one "
            + "archive with a manifest (counts, audit chain head, log head, SHA-256 of every file). The server may keep running.") { file };
        backup.SetAction((parse, ct) => CheckCommand.BackupRunAsync(async () =>
        {
            await using var services = CliServices.Build(global.Overrides(parse));
            var target = parse.GetRequiredValue(file).FullName;
            var manifest = await CertaBackup.BackupAsync(services.GetRequiredService<DatabaseOptions>(), target, TimeProvider.System, ct);
            var census = manifest.Census;
            Console.WriteLine($"Backed up to {target} ({new FileInfo(target).Length:N0} bytes, {manifest.Entries.Count} files):");
            Console.WriteLine($"  {string.Join(", ", census.Counts.Select(c => $"{c.Value} {c.Key}"))}");
            Console.WriteLine($"  audit head #{census.AuditHeadSequence} {census.AuditHeadHash ?? "(none)"}; log size {census.LogTreeSize} root {census.LogRootHash ?? "(none)"}");
            Console.WriteLine(manifest.MasterKeyIncluded
                ? "  The archive holds the master key that decrypts the signing keys: keep it as safe as the keys themselves."
                : "  No master key in the data directory: if Certa:Signing:MasterKey configures it, it is NOT in the archive; keep it apart, a restore needs it.");
            return ExitCodes.Ok;
        }));
        return backup;
    }
}
