using Certa.Infrastructure.Persistence;

namespace Certa.Infrastructure.Backup;

/// <summary>
/// <c>certa backup</c> and <c>certa restore</c>: the database and the data directory's files in one archive with a manifest
/// (ADR-style notes in the README). The database is copied first and the documents after: documents are written before the
/// row that names them commits and are never deleted, so every document the snapshot refers to is already on disk.
/// </summary>
public static class CertaBackup
{
    public static async Task<BackupManifest> BackupAsync(DatabaseOptions options, string archive, TimeProvider clock, CancellationToken ct)
    {
        var staging = Directory.CreateTempSubdirectory("certa-backup-").FullName;
        try
        {
            var databaseEntry = $"database/{DatabaseFileName(options.Provider)}";
            var dump = Path.Combine(staging, DatabaseFileName(options.Provider));
            var createdAt = clock.GetUtcNow();
            var census = options.Provider switch
            {
                DatabaseProvider.Sqlite => await SqliteSnapshot.DumpAsync(options, dump, ct),
                DatabaseProvider.Postgres => await PostgresSnapshot.DumpAsync(options, dump, ct),
            };

            await using var writer = BackupArchiveWriter.Create(archive);
            await writer.AddFileAsync(databaseEntry, dump, ct);
            var files = new DataDirectoryFiles(options);
            foreach (var (entry, source) in files.List())
            {
                await writer.AddFileAsync(entry, source, ct);
            }

            var manifest = new BackupManifest(BackupManifest.CurrentFormat, createdAt, options.Provider, databaseEntry, census,
                File.Exists(files.MasterKeyPath), [.. writer.Entries]);
            await writer.CompleteAsync(manifest, ct);
            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// Proves the archive whole, refuses a target that holds data unless <paramref name="force"/>, then restores the database and
    /// the files. The integrity check against the manifest is the caller's next step (<see cref="IntegrityCheck"/>).
    /// </summary>
    public static async Task<BackupManifest> RestoreAsync(DatabaseOptions options, string archive, bool force, CancellationToken ct)
    {
        var staging = Directory.CreateTempSubdirectory("certa-restore-").FullName;
        try
        {
            var manifest = await BackupArchiveReader.ExtractAsync(Path.GetFullPath(archive), staging, ct);
            if (manifest.Provider != options.Provider)
            {
                throw new BackupRefusedException($"The backup is of a {manifest.Provider} database; the target is {options.Provider}. Restore it with --provider {manifest.Provider.ToString().ToLowerInvariant()}.");
            }

            var files = new DataDirectoryFiles(options);
            var databaseEmpty = options.Provider switch
            {
                DatabaseProvider.Sqlite => await SqliteSnapshot.IsEmptyAsync(options, ct),
                DatabaseProvider.Postgres => await PostgresSnapshot.IsEmptyAsync(options, ct),
            };
            var occupied = files.Occupied().Prepend(databaseEmpty ? null : "the database has tables").OfType<string>().ToList();
            if (occupied.Count > 0 && !force)
            {
                throw new BackupRefusedException($"The target is not empty ({string.Join("; ", occupied)}); nothing was restored. "
                    + "Restore into an empty database and data directory, or add --force to replace what is there.");
            }

            var dump = Path.Combine(staging, manifest.DatabaseEntry.Replace('/', Path.DirectorySeparatorChar));
            switch (options.Provider)
            {
                case DatabaseProvider.Sqlite:
                    SqliteSnapshot.Restore(options, dump);
                    break;
                case DatabaseProvider.Postgres:
                    await PostgresSnapshot.RestoreAsync(options, dump, clear: !databaseEmpty, ct);
                    break;
            }

            files.Restore(staging);
            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static string DatabaseFileName(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "certa.db",
        DatabaseProvider.Postgres => "certa.pgdump",
    };
}
