using Certa.Infrastructure.Persistence;

namespace Certa.Infrastructure.Backup;

/// <summary>
/// The files of the data directory a backup must carry: the master key (without it the bodies' private keys cannot be decrypted
/// and the log's tree heads no longer verify) and the uploaded documents of the file store. The SQLite file is copied through
/// the backup API instead; the mail outbox's <c>.eml</c> copies and the log monitor's state are the machine's, not the registry's.
/// </summary>
internal sealed class DataDirectoryFiles(DatabaseOptions options)
{
    public const string Prefix = "data/";

    private const string MasterKey = "keys/master.key";

    private readonly string root = Path.GetFullPath(options.DataDirectory);

    public string MasterKeyPath => Path.Combine(root, MasterKey);

    /// <summary>Archive entry names (<c>data/…</c>) and where each file is now.</summary>
    public IEnumerable<(string Entry, string Source)> List()
    {
        if (File.Exists(MasterKeyPath))
        {
            yield return (Prefix + MasterKey, MasterKeyPath);
        }

        var files = Path.Combine(root, "files");
        if (!Directory.Exists(files))
        {
            yield break;
        }

        // Only the stored documents (files/ab/<sha256>): a half-written ".tmp" of an upload in flight is not one yet.
        foreach (var path in Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.Split('/') is ["files", var shard, var name] && name.Length == 64 && name.StartsWith(shard, StringComparison.Ordinal))
            {
                yield return (Prefix + relative, path);
            }
        }
    }

    /// <summary>What the data directory already holds that a restore would overwrite or mix with.</summary>
    public IReadOnlyList<string> Occupied()
    {
        List<string> found = [];
        if (File.Exists(MasterKeyPath))
        {
            found.Add(MasterKeyPath);
        }

        var documents = List().Count(f => f.Entry.StartsWith(Prefix + "files/", StringComparison.Ordinal));
        if (documents > 0)
        {
            found.Add($"{documents} document(s) in {Path.Combine(root, "files")}");
        }

        return found;
    }

    /// <summary>Moves the staged <c>data/…</c> files into the data directory; the master key keeps its owner-only mode.</summary>
    public void Restore(string staging)
    {
        var staged = Path.Combine(staging, "data");
        if (!Directory.Exists(staged))
        {
            return;
        }

        foreach (var source in Directory.EnumerateFiles(staged, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(staged, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            if (target == MasterKeyPath && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }
}
