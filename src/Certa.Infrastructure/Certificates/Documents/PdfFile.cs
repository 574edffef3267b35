using System.Text;
using System.Text.RegularExpressions;

namespace Certa.Infrastructure.Certificates.Documents;

/// <summary>
/// A PDF's structure (ISO 32000-1 §7.5): where each object is, from the cross-reference tables of the original
/// file and of every incremental update, newest first, and the newest trailer. A file whose cross-reference is a
/// stream (PDF 1.5 compression) or whose offsets are wrong is indexed by scanning for its objects instead.
/// </summary>
internal sealed partial class PdfFile
{
    private const int MaxSections = 1024;

    private readonly Dictionary<int, long> offsets;

    private PdfFile(byte[] bytes, Dictionary<int, long> offsets, PdfDictionary trailer, long? startXref)
    {
        Bytes = bytes;
        this.offsets = offsets;
        Trailer = trailer;
        StartXref = startXref;
    }

    public byte[] Bytes { get; }

    /// <summary>The newest trailer: <c>/Root</c>, <c>/Size</c>, <c>/Info</c>…</summary>
    public PdfDictionary Trailer { get; }

    /// <summary>Where the newest cross-reference table starts; null when it is not a classic table.</summary>
    public long? StartXref { get; }

    public int Size => Trailer["Size"] is long size ? checked((int)size) : throw new InvalidDataException("Damaged PDF: the trailer has no /Size.");

    public PdfRef Root => Trailer["Root"] as PdfRef? ?? throw new InvalidDataException("Damaged PDF: the trailer has no /Root.");

    /// <exception cref="InvalidDataException">The bytes are not a PDF, or its structure cannot be found.</exception>
    public static PdfFile Open(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var header = pdf.AsSpan(0, Math.Min(pdf.Length, 1024)).IndexOf("%PDF-"u8);
        if (header < 0)
        {
            var start = Encoding.Latin1.GetString(pdf, 0, Math.Min(pdf.Length, 16));
            throw new InvalidDataException($"Not a PDF: no %PDF- header in the first 1024 bytes (it starts with '{start}').");
        }

        var keyword = pdf.AsSpan().LastIndexOf("startxref"u8);
        if (keyword < 0)
        {
            throw new InvalidDataException($"Damaged PDF: no startxref in its {pdf.Length} bytes.");
        }

        var startXref = new PdfParser(pdf, keyword + "startxref".Length).ReadInteger();
        return FromTables(pdf, startXref) ?? Scanned(pdf, startXref);
    }

    /// <summary>The value itself, or the object it refers to; null for a reference to a missing object.</summary>
    public object? Resolve(object? value) => value is PdfRef reference ? Read(reference).Value : value;

    public PdfDictionary? Dictionary(object? value) => Resolve(value) as PdfDictionary;

    /// <summary>The object <paramref name="reference"/> points at, and where its stream's data starts if it has one.</summary>
    public (object? Value, int? StreamStart) Read(PdfRef reference)
    {
        if (!offsets.TryGetValue(reference.Number, out var offset))
        {
            return (null, null);
        }

        var parser = new PdfParser(Bytes, checked((int)offset));
        if (parser.ReadInteger() != reference.Number)
        {
            throw parser.Damaged($"object {reference.Number} is not where the cross-reference table says");
        }

        parser.ReadInteger();
        parser.Expect("obj");
        var value = parser.ReadValue();
        if (value is not PdfDictionary || !parser.TryKeyword("stream"))
        {
            return (value, null);
        }

        // The keyword is followed by CRLF or LF, then the data (§7.3.8.1).
        var start = parser.Position + (Bytes.AsSpan(parser.Position).StartsWith("\r\n"u8) ? 2 : 1);
        return (value, start);
    }

    /// <summary>A stream's dictionary and its bytes as stored (still encoded by its filters).</summary>
    public (PdfDictionary Dictionary, byte[] Data) Stream(object? reference)
    {
        if (reference is not PdfRef target || Read(target) is not (PdfDictionary dictionary, int start))
        {
            throw new InvalidDataException($"Damaged PDF: {reference ?? "nothing"} is not a stream.");
        }

        if (Resolve(dictionary["Length"]) is not long length || length < 0 || start + length > Bytes.Length)
        {
            throw new InvalidDataException($"Damaged PDF: the stream of object {target.Number} has no valid /Length ({dictionary["Length"] ?? "none"}).");
        }

        return (dictionary, Bytes[start..(start + (int)length)]);
    }

    private static PdfFile? FromTables(byte[] pdf, long startXref)
    {
        var offsets = new Dictionary<int, long>();
        PdfDictionary? newest = null;
        var seen = new HashSet<long>();
        for (long? at = startXref; at is long section; )
        {
            if (section < 0 || section >= pdf.Length || !seen.Add(section) || seen.Count > MaxSections)
            {
                return null;
            }

            var parser = new PdfParser(pdf, (int)section);
            if (!parser.TryKeyword("xref"))
            {
                return null;
            }

            try
            {
                var trailer = ReadTable(parser, offsets);
                newest ??= trailer;
                at = trailer["Prev"] as long?;
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }

        return new PdfFile(pdf, offsets, newest!, startXref);
    }

    // A newer section comes first in the chain, so an object's first offset is its current one.
    private static PdfDictionary ReadTable(PdfParser parser, Dictionary<int, long> offsets)
    {
        while (!parser.TryKeyword("trailer"))
        {
            var first = parser.ReadInteger();
            var count = parser.ReadInteger();
            for (var i = 0; i < count; i++)
            {
                var offset = parser.ReadInteger();
                parser.ReadInteger();
                if (parser.TryKeyword("n"))
                {
                    offsets.TryAdd(checked((int)(first + i)), offset);
                }
                else
                {
                    parser.Expect("f");
                }
            }
        }

        return parser.ReadValue() as PdfDictionary ?? throw parser.Damaged("expected the trailer dictionary");
    }

    private static PdfFile Scanned(byte[] pdf, long startXref)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var offsets = new Dictionary<int, long>();
        foreach (Match match in ObjectHeader().Matches(text))
        {
            if (int.TryParse(match.Groups[1].ValueSpan, out var number))
            {
                offsets[number] = match.Index;
            }
        }

        var scanned = new PdfFile(pdf, offsets, PdfDictionary.Of(), null);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var trailer = trailerAt >= 0
            ? new PdfParser(pdf, trailerAt + "trailer".Length).ReadValue() as PdfDictionary
            : StreamTrailer(scanned, text, startXref);
        return new PdfFile(pdf, offsets, trailer ?? throw new InvalidDataException("Damaged PDF: no trailer found."), null);
    }

    // A cross-reference stream's dictionary holds the trailer's entries (§7.5.8.2).
    private static PdfDictionary? StreamTrailer(PdfFile scanned, string text, long startXref)
    {
        if (startXref < 0 || startXref >= text.Length)
        {
            return null;
        }

        var header = ObjectHeader().Match(text, (int)startXref);
        return header.Success && header.Index == startXref && int.TryParse(header.Groups[1].ValueSpan, out var number)
            ? scanned.Read(new PdfRef(number, 0)).Value as PdfDictionary
            : null;
    }

    [GeneratedRegex(@"(?<![0-9])(\d{1,9})[ \r\n\t\f\0]+\d{1,5}[ \r\n\t\f\0]+obj\b")]
    private static partial Regex ObjectHeader();
}
