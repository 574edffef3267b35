using System.Text;

namespace Certa.Infrastructure.Certificates.Documents;

// The few PDF object types the attachment code reads and writes (ISO 32000-1 §7.3). Integers are long, reals
// decimal (so "2.4000001" is written back as read), arrays List<object?>, booleans bool, null null.

/// <summary>An indirect reference, <c>12 0 R</c>.</summary>
internal readonly record struct PdfRef(int Number, int Generation);

/// <summary>A name, decoded (<c>/application#2Fjson</c> is "application/json"), without its slash.</summary>
internal sealed record PdfName(string Value);

/// <summary>A string's bytes, whether it was written literal or hex.</summary>
internal sealed class PdfString(byte[] bytes)
{
    public byte[] Bytes { get; } = bytes;

    /// <summary>A text string (§7.9.2.2): ASCII as is, anything else as UTF-16BE with its byte order mark.</summary>
    public static PdfString FromText(string text) =>
        new(text.All(c => c is >= ' ' and <= '~') ? Encoding.ASCII.GetBytes(text) : [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)]);

    /// <summary>The string as text: UTF-16BE or UTF-8 by their byte order marks, otherwise PDFDocEncoding (read as Latin-1).</summary>
    public string Text => Bytes switch
    {
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(Bytes, 2, Bytes.Length - 2),
        [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8.GetString(Bytes, 3, Bytes.Length - 3),
        _ => Encoding.Latin1.GetString(Bytes),
    };
}

/// <summary>A dictionary, its entries in the order they were written, so a rewritten one differs only where it was changed.</summary>
internal sealed class PdfDictionary(IReadOnlyList<KeyValuePair<string, object?>> entries)
{
    public IReadOnlyList<KeyValuePair<string, object?>> Entries { get; } = entries;

    public object? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/>: in its place if present, else last.</summary>
    public PdfDictionary With(string key, object? value) =>
        new(Entries.Any(e => e.Key == key)
            ? [.. Entries.Select(e => e.Key == key ? new KeyValuePair<string, object?>(key, value) : e)]
            : [.. Entries, new(key, value)]);

    public PdfDictionary Without(params string[] keys) => new([.. Entries.Where(e => !keys.Contains(e.Key))]);

    public static PdfDictionary Of(params (string Key, object? Value)[] entries) => new([.. entries.Select(e => new KeyValuePair<string, object?>(e.Key, e.Value))]);
}
