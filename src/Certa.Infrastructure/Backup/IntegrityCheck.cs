using System.Security.Cryptography;
using Certa.Infrastructure.Audit;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Transparency;

namespace Certa.Infrastructure.Backup;

/// <summary>
/// <c>certa check</c>, and the check after every restore: the audit chain (<see cref="AuditLog.VerifyAsync"/>), the transparency
/// log (<see cref="LogMonitor"/>, from its first signed head), every stored document against the SHA-256 that is its name, and
/// after a restore the census and the files the backup's manifest promised.
/// </summary>
public sealed class IntegrityCheck(CertaDbContext db, LogMonitor monitor, DatabaseOptions options)
{
    public async Task<IReadOnlyList<MonitorCheck>> RunAsync(BackupManifest? restored, CancellationToken ct)
    {
        List<MonitorCheck> checks = [];
        var chain = await AuditLog.VerifyAsync(db, ct);
        checks.Add(new MonitorCheck("audit chain", chain.Intact, chain.Intact
            ? $"{chain.Events} events, each chained to the one before; last hash {chain.LastHash ?? "(none)"}."
            : $"BROKEN at event {chain.BrokenAt}: {chain.Problem}."));
        checks.AddRange((await monitor.CheckAsync(0, ct)).Select(c => c.Name.StartsWith("log", StringComparison.Ordinal) ? c : c with { Name = $"log {c.Name}" }));
        checks.Add(await DocumentsAsync(ct));
        if (restored is not null)
        {
            var differences = (await DatabaseCensus.TakeAsync(db, ct)).DifferencesFrom(restored.Census);
            checks.Add(new MonitorCheck("census", differences.Count == 0, differences.Count == 0
                ? $"{string.Join(", ", restored.Census.Counts.Select(c => $"{c.Value} {c.Key}"))}; audit head #{restored.Census.AuditHeadSequence}, log size {restored.Census.LogTreeSize}: as in the backup of {restored.CreatedAt:u}."
                : string.Join("; ", differences)));
            checks.Add(FilesPromised(restored));
        }

        return checks;
    }

    /// <summary>Every document of the file store still hashes to its name: a changed byte in an uploaded file shows here.</summary>
    private async Task<MonitorCheck> DocumentsAsync(CancellationToken ct)
    {
        var files = new DataDirectoryFiles(options).List().Where(f => f.Entry.StartsWith(DataDirectoryFiles.Prefix + "files/", StringComparison.Ordinal)).ToList();
        List<string> altered = [];
        foreach (var (_, path) in files)
        {
            await using var content = File.OpenRead(path);
            if (Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct)) != Path.GetFileName(path))
            {
                altered.Add(path);
            }
        }

        return new MonitorCheck("documents", altered.Count == 0, altered.Count == 0
            ? $"{files.Count} stored documents, each matches the SHA-256 it is stored under."
            : $"{altered.Count} of {files.Count} stored documents do not match their SHA-256 (first: {altered[0]}).");
    }

    private MonitorCheck FilesPromised(BackupManifest restored)
    {
        var root = Path.GetFullPath(options.DataDirectory);
        var promised = restored.Entries.Where(e => e.Path.StartsWith(DataDirectoryFiles.Prefix, StringComparison.Ordinal)).ToList();
        var missing = promised.Where(e => !File.Exists(Path.Combine(root, e.Path[DataDirectoryFiles.Prefix.Length..]))).Select(e => e.Path).ToList();
        var keyNote = restored.MasterKeyIncluded ? "the master key and " : "no master key (the source had none in its data directory: it is configured as Certa:Signing:MasterKey, or nothing was signed yet) and ";
        return new MonitorCheck("files", missing.Count == 0, missing.Count == 0
            ? $"{keyNote}{promised.Count(e => e.Path.StartsWith(DataDirectoryFiles.Prefix + "files/", StringComparison.Ordinal))} documents restored."
            : $"{missing.Count} files of the backup are missing from {root} (first: {missing[0]}).");
    }
}
