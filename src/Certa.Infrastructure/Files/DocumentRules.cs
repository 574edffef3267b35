using System.Security.Cryptography;
using Certa.Domain.Common;

namespace Certa.Infrastructure.Files;

/// <summary>
/// What an uploaded document may be: not empty, at most <see cref="MaxBytes"/>, and a PDF, PNG or
/// JPEG as its first bytes say (the declared type and the name's extension are not trusted).
/// </summary>
public static class DocumentRules
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// Checks an upload before anything is stored and gives its file name (<see cref="ContentSniffer.SafeFileName"/>: the last
    /// path segment of <paramref name="fileName"/>, or <paramref name="fallbackName"/> when none is usable) and SHA-256.
    /// </summary>
    public static AcceptedFile Accept(string? fileName, string fallbackName, byte[] content)
    {
        var name = ContentSniffer.SafeFileName(fileName, fallbackName);
        Check(name, content);
        return new AcceptedFile(name, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>The content's media type; refuses empty, oversized and unrecognised content, naming the file.</summary>
    public static string Check(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            throw DomainException.Invalid("file-empty", $"'{fileName}' is empty.", "file");
        }

        if (content.Length > MaxBytes)
        {
            throw DomainException.Invalid("file-too-large", $"'{fileName}' is {content.Length:N0} bytes; the limit is {MaxBytes:N0} (20 MiB).", "file");
        }

        return ContentSniffer.BinaryType(content) ??
            throw DomainException.Invalid("file-type-not-allowed", $"'{fileName}' is not a PDF, PNG or JPEG file (checked by its content).", "file");
    }
}

/// <summary>An upload that passed <see cref="DocumentRules.Accept"/>: its file name and content hash.</summary>
public sealed record AcceptedFile(string Name, string Sha256);
