namespace Certa.Infrastructure.Files;

/// <summary>
/// Where documents are kept, addressed by the SHA-256 of their content: the same file stored twice is
/// kept once, and a stored file cannot change under its name. The local implementation writes under
/// the data directory; an object store can implement the same three calls.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content and returns its SHA-256 (lower-case hex).</summary>
    Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken ct);

    /// <summary>The content of <paramref name="sha256"/>, or null if it is not stored.</summary>
    Task<Stream?> OpenAsync(string sha256, CancellationToken ct);

    Task<bool> ExistsAsync(string sha256, CancellationToken ct);
}
