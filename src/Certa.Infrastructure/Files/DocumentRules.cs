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

    private static readonly (string Type, byte[] Magic)[] Kinds =
    [
        ("application/pdf", "%PDF-"u8.ToArray()),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
    ];

    /// <summary>
    /// Checks an upload before anything is stored and gives its file name (the last path segment of
    /// <paramref name="fileName"/>, or <paramref name="fallbackName"/> when none is given) and SHA-256.
    /// </summary>
    public static AcceptedFile Accept(string? fileName, string fallbackName, byte[] content)
    {
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? fallbackName : fileName.Trim());
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

        foreach (var (type, magic) in Kinds)
        {
            if (content.StartsWith(magic))
            {
                return type;
            }
        }

        throw DomainException.Invalid("file-type-not-allowed", $"'{fileName}' is not a PDF, PNG or JPEG file (checked by its content).", "file");
    }
}

/// <summary>An upload that passed <see cref="DocumentRules.Accept"/>: its file name and content hash.</summary>
public sealed record AcceptedFile(string Name, string Sha256);
