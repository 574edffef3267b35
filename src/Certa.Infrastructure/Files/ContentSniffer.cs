using System.Buffers;
using System.Globalization;
using System.Text;
using Certa.Domain.Common;

namespace Certa.Infrastructure.Files;

/// <summary>
/// What an upload is by its bytes, not its name or declared type: the magic numbers of the binary kinds Certa accepts, and
/// whether a text upload (CSV, NDJSON) is UTF-8 without NULs. Also the one way an upload's file name is made safe to keep.
/// </summary>
public static class ContentSniffer
{
    public const int MaxFileNameLength = 200;

    private static readonly (string Type, byte[] Magic)[] Kinds =
    [
        ("application/pdf", "%PDF-"u8.ToArray()),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
    ];

    /// <summary>The media type the first bytes announce (PDF, PNG or JPEG), or null for anything else.</summary>
    public static string? BinaryType(ReadOnlySpan<byte> head)
    {
        foreach (var (type, magic) in Kinds)
        {
            if (head.StartsWith(magic))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="content"/> is UTF-8 text without a NUL. With <paramref name="prefix"/>, the bytes are the
    /// start of a longer upload, so a character cut at the end is not held against it.
    /// </summary>
    public static bool IsText(ReadOnlySpan<byte> content, bool prefix = false)
    {
        while (!content.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(content, out var rune, out var consumed);
            if (status == OperationStatus.NeedMoreData && prefix)
            {
                return true;
            }

            if (status != OperationStatus.Done || rune.Value == 0)
            {
                return false;
            }

            content = content[consumed..];
        }

        return true;
    }

    /// <summary>A text upload as a string, without a byte-order mark; refused when it is not UTF-8 text (<see cref="IsText"/>).</summary>
    public static string DecodeText(ReadOnlySpan<byte> content, string what)
    {
        if (!IsText(content))
        {
            throw DomainException.Invalid("file-not-text", $"{what} is not UTF-8 text: it holds a NUL or bytes that are not UTF-8 (checked by its content).", "file");
        }

        return Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
    }

    /// <summary>
    /// The name to keep for an upload: its last path segment (either slash), without control or invisible formatting characters
    /// (a right-to-left override makes "gnp.exe" read as "exe.png"), at most <see cref="MaxFileNameLength"/> characters with its
    /// extension kept; <paramref name="fallback"/> when nothing usable is left.
    /// </summary>
    public static string SafeFileName(string? fileName, string fallback)
    {
        var last = (fileName ?? string.Empty).Replace('\\', '/').Split('/')[^1];
        var clean = string.Concat(last.Where(c => !char.IsControl(c) && !IsInvisible(c))).Trim().Trim('.').Trim();
        if (clean.Length == 0)
        {
            return fallback;
        }

        if (clean.Length <= MaxFileNameLength)
        {
            return clean;
        }

        var extension = Path.GetExtension(clean);
        extension = extension.Length <= 16 ? extension : string.Empty;
        return clean[..(MaxFileNameLength - extension.Length)] + extension;
    }

    private static bool IsInvisible(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate;
}
