using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Certa.Infrastructure.Backup;

/// <summary>
/// A backup is one gzip-compressed tar file: the database snapshot, the data directory's files and <c>manifest.json</c>, written
/// last because it holds the SHA-256 of every other entry. It is written to a temporary name beside the target and moved into
/// place only when complete, so a backup that fails halfway leaves no archive that looks whole.
/// </summary>
internal sealed class BackupArchiveWriter : IAsyncDisposable
{
    private readonly string path;
    private readonly string partial;
    private readonly FileStream file;
    private readonly GZipStream gzip;
    private readonly TarWriter tar;
    private readonly List<BackupEntry> entries = [];
    private bool completed;

    private BackupArchiveWriter(string path)
    {
        this.path = path;
        partial = $"{path}.{Guid.NewGuid():N}.partial";
        file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
        tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
    }

    public IReadOnlyList<BackupEntry> Entries => entries;

    public static BackupArchiveWriter Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new BackupArchiveWriter(Path.GetFullPath(path));
    }

    public async Task AddFileAsync(string entryName, string source, CancellationToken ct)
    {
        await using var content = File.OpenRead(source);
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
        content.Position = 0;
        await WriteAsync(entryName, content, ct);
        entries.Add(new BackupEntry(entryName, sha256, content.Length));
    }

    /// <summary>Writes the manifest as the last entry and moves the archive into place.</summary>
    public async Task CompleteAsync(BackupManifest manifest, CancellationToken ct)
    {
        using (var content = new MemoryStream(manifest.ToJson()))
        {
            await WriteAsync(BackupManifest.EntryName, content, ct);
        }

        await tar.DisposeAsync();
        await gzip.DisposeAsync();
        await file.FlushAsync(ct);
        file.Flush(flushToDisk: true);
        await file.DisposeAsync();
        File.Move(partial, path, overwrite: true);
        completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (completed)
        {
            return;
        }

        await tar.DisposeAsync();
        await gzip.DisposeAsync();
        await file.DisposeAsync();
        File.Delete(partial);
    }

    private Task WriteAsync(string entryName, Stream content, CancellationToken ct) =>
        tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = content, ModificationTime = DateTimeOffset.UnixEpoch }, ct);
}

/// <summary>
/// Unpacks a backup into a staging directory and proves it whole before anything is restored: every entry named in the
/// manifest is there with its SHA-256 and size, and nothing else is. Entry names are checked against the few shapes a backup
/// writes, so an archive cannot write outside the staging directory.
/// </summary>
internal static class BackupArchiveReader
{
    public static async Task<BackupManifest> ExtractAsync(string archive, string staging, CancellationToken ct)
    {
        if (!File.Exists(archive))
        {
            throw new BackupRefusedException($"There is no backup at {archive}.");
        }

        var found = new Dictionary<string, BackupEntry>(StringComparer.Ordinal);
        byte[]? manifestJson = null;
        try
        {
            await using var file = File.OpenRead(archive);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !IsSafeName(entry.Name) || found.ContainsKey(entry.Name))
                {
                    throw new BackupRefusedException($"The archive holds an entry a Certa backup never writes: '{entry.Name}' ({entry.EntryType}).");
                }

                if (entry.Name == BackupManifest.EntryName)
                {
                    using var buffer = new MemoryStream();
                    if (entry.DataStream is not null)
                    {
                        await entry.DataStream.CopyToAsync(buffer, ct);
                    }

                    manifestJson = buffer.ToArray();
                    continue;
                }

                found[entry.Name] = await StageAsync(entry, Path.Combine(staging, entry.Name), ct);
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new BackupRefusedException($"{archive} is not a readable Certa backup (damaged or not a tar.gz): {e.Message}");
        }

        var manifest = BackupManifest.Parse(manifestJson ?? throw new BackupRefusedException($"{archive} has no {BackupManifest.EntryName}: it is not a Certa backup, or it was cut short."));
        var problems = manifest.Entries
            .Where(expected => !found.TryGetValue(expected.Path, out var actual) || actual != expected)
            .Select(expected => found.TryGetValue(expected.Path, out var actual)
                ? $"{expected.Path}: SHA-256 {actual.Sha256} ({actual.Size} bytes), the manifest says {expected.Sha256} ({expected.Size} bytes)"
                : $"{expected.Path}: missing")
            .Concat(found.Keys.Except(manifest.Entries.Select(e => e.Path)).Select(extra => $"{extra}: not in the manifest"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new BackupRefusedException($"The backup {archive} was altered or damaged; nothing was restored. {string.Join("; ", problems.Take(5))}"
                + (problems.Count > 5 ? $" (and {problems.Count - 5} more)" : string.Empty) + ".");
        }

        return manifest;
    }

    private static async Task<BackupEntry> StageAsync(TarEntry entry, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var output = File.Create(target))
        {
            if (entry.DataStream is not null)
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await entry.DataStream.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                    size += read;
                }
            }
        }

        return new BackupEntry(entry.Name, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    /// <summary>manifest.json, database/NAME, data/keys/NAME or data/files/ab/HASH: nothing else, and no way up or out.</summary>
    internal static bool IsSafeName(string name)
    {
        var parts = name.Split('/');
        return parts.All(p => p.Length > 0 && p != "." && p != ".." && p.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            && parts switch
            {
                [BackupManifest.EntryName] => true,
                ["database", _] => true,
                ["data", "keys", _] => true,
                ["data", "files", _, _] => true,
                _ => false,
            };
    }
}
