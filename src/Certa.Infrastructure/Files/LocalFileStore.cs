using System.Security.Cryptography;
using Certa.Infrastructure.Persistence;

namespace Certa.Infrastructure.Files;

/// <summary>Files under <c>{data directory}/files/ab/abcdef…</c>, written to a temporary name and moved into place.</summary>
public sealed class LocalFileStore(DatabaseOptions options) : IFileStore
{
    private readonly string root = Path.GetFullPath(Path.Combine(options.DataDirectory, "files"));

    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return sha256;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, content.ToArray(), ct);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Someone stored the same content at the same moment: same bytes, nothing to do.
            File.Delete(temporary);
        }

        return sha256;
    }

    public Task<Stream?> OpenAsync(string sha256, CancellationToken ct) =>
        Task.FromResult<Stream?>(IsHash(sha256) && File.Exists(PathOf(sha256)) ? File.OpenRead(PathOf(sha256)) : null);

    public Task<bool> ExistsAsync(string sha256, CancellationToken ct) => Task.FromResult(IsHash(sha256) && File.Exists(PathOf(sha256)));

    private string PathOf(string sha256) => Path.Combine(root, sha256[..2], sha256);

    private static bool IsHash(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);
}
