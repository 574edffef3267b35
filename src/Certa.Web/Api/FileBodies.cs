using Certa.Infrastructure.Files;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Api;

/// <summary>
/// Files in and out of the API as raw request and response bodies (and of the pages, as form files):
/// application documents and lab reports alike. Any declared content type is taken on the way in; the file's own first bytes decide
/// what it is (<see cref="DocumentRules"/>), on the way in (by the command) and on the way out.
/// </summary>
public static class FileBodies
{
    /// <summary>Reads at most one byte more than the limit, so an oversized upload is refused without reading it all.</summary>
    public static async Task<byte[]> ReadAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > DocumentRules.MaxBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The stored file as a download named <paramref name="fileName"/>, typed by its first bytes.</summary>
    public static async Task<FileStreamHttpResult> DownloadAsync(Stream content, string fileName, CancellationToken ct)
    {
        var head = new byte[8];
        var read = await content.ReadAsync(head, ct);
        content.Position = 0;
        return TypedResults.File(content, DocumentRules.Check(fileName, head.AsSpan(0, read)), fileName);
    }
}
