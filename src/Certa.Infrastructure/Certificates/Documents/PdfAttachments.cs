using System.IO.Compression;

namespace Certa.Infrastructure.Certificates.Documents;

/// <summary>
/// Files embedded in a PDF (ISO 32000-1 §7.11.4, PDF/A-3 associated files): a certificate PDF carries its signed
/// credential, so whoever holds the PDF holds what a verifier checks. Embedding appends an incremental update and
/// leaves the original bytes untouched; the same input always gives the same bytes.
/// </summary>
public static class PdfAttachments
{
    private const int MaxTreeDepth = 32;

    /// <summary>
    /// <paramref name="pdf"/> with <paramref name="content"/> attached as <paramref name="fileName"/>: an embedded
    /// file stream (FlateDecode), its file specification (<c>/AFRelationship /Source</c>), the catalog's
    /// <c>/EmbeddedFiles</c> name tree and <c>/AF</c> array, written as an incremental update. A file already
    /// attached under the same name is replaced.
    /// </summary>
    /// <exception cref="InvalidDataException"><paramref name="pdf"/> is not a PDF, or is damaged.</exception>
    /// <exception cref="NotSupportedException">Its cross-reference is a stream, not a classic table.</exception>
    public static byte[] Embed(byte[] pdf, string fileName, byte[] content, string mimeType, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        ArgumentNullException.ThrowIfNull(description);
        var file = PdfFile.Open(pdf);
        var startXref = file.StartXref
            ?? throw new NotSupportedException("Only PDFs with a classic cross-reference table can take an attachment; this one has a cross-reference stream or broken offsets.");
        var root = file.Root;
        var catalog = file.Dictionary(root) ?? throw new InvalidDataException($"Damaged PDF: the catalog, object {root.Number}, is missing.");
        var size = file.Size;
        PdfRef stream = new(size, 0), spec = new(size + 1, 0), names = new(size + 2, 0);

        var key = PdfString.FromText(fileName);
        var leaves = Leaves(file, file.Dictionary(catalog["Names"])?["EmbeddedFiles"])
            .Where(l => !l.Name.Bytes.AsSpan().SequenceEqual(key.Bytes))
            .Append((Name: key, Value: (object?)spec))
            .OrderBy(l => l.Name.Bytes, ByteOrder.Instance)
            .SelectMany(l => new[] { l.Name, l.Value })
            .ToList();
        var af = file.Resolve(catalog["AF"]) as List<object?> ?? [];

        var writer = new PdfWriter(pdf);
        var compressed = Deflate(content);
        writer.WriteObject(stream, PdfDictionary.Of(
            ("Type", new PdfName("EmbeddedFile")),
            ("Subtype", new PdfName(mimeType)),
            ("Params", PdfDictionary.Of(("Size", (long)content.Length))),
            ("Filter", new PdfName("FlateDecode")),
            ("Length", (long)compressed.Length)), compressed);
        writer.WriteObject(spec, PdfDictionary.Of(
            ("Type", new PdfName("Filespec")),
            ("F", key),
            ("UF", key),
            ("Desc", PdfString.FromText(description)),
            ("AFRelationship", new PdfName("Source")),
            ("EF", PdfDictionary.Of(("F", stream), ("UF", stream)))));
        writer.WriteObject(names, (file.Dictionary(catalog["Names"]) ?? PdfDictionary.Of())
            .With("EmbeddedFiles", PdfDictionary.Of(("Names", leaves))));
        writer.WriteObject(root, catalog.With("Names", names).With("AF", af.Append(spec).ToList()));
        return writer.Finish(file.Trailer.Without("Prev", "XRefStm").With("Size", (long)(size + 3)).With("Prev", startXref));
    }

    /// <summary>The files embedded in <paramref name="pdf"/> (its <c>/EmbeddedFiles</c> name tree), decoded; empty if it has none.</summary>
    /// <exception cref="InvalidDataException"><paramref name="pdf"/> is not a PDF, or is damaged.</exception>
    /// <exception cref="NotSupportedException">An embedded file is encoded with a filter other than FlateDecode.</exception>
    public static IReadOnlyList<PdfAttachment> Extract(byte[] pdf)
    {
        var file = PdfFile.Open(pdf);
        var catalog = file.Dictionary(file.Root) ?? throw new InvalidDataException($"Damaged PDF: the catalog, object {file.Root.Number}, is missing.");
        var attachments = new List<PdfAttachment>();
        foreach (var (name, value) in Leaves(file, file.Dictionary(catalog["Names"])?["EmbeddedFiles"]))
        {
            if (file.Dictionary(value) is not { } spec || file.Dictionary(spec["EF"]) is not { } ef)
            {
                continue;
            }

            var fileName = (file.Resolve(spec["UF"]) ?? file.Resolve(spec["F"])) is PdfString s ? s.Text : name.Text;
            var (dictionary, data) = file.Stream(ef["UF"] ?? ef["F"]);
            attachments.Add(new PdfAttachment(fileName, (file.Resolve(dictionary["Subtype"]) as PdfName)?.Value, Decode(fileName, file.Resolve(dictionary["Filter"]), data)));
        }

        return attachments;
    }

    // A name tree's leaves in order (§7.9.6): /Names pairs at the leaves, /Kids above them.
    private static List<(PdfString Name, object? Value)> Leaves(PdfFile file, object? tree, int depth = 0)
    {
        if (depth > MaxTreeDepth)
        {
            throw new InvalidDataException($"Damaged PDF: the embedded files' name tree is more than {MaxTreeDepth} levels deep.");
        }

        var node = file.Dictionary(tree);
        var leaves = new List<(PdfString, object?)>();
        if (file.Resolve(node?["Names"]) is List<object?> pairs)
        {
            for (var i = 0; i + 1 < pairs.Count; i += 2)
            {
                if (file.Resolve(pairs[i]) is PdfString name)
                {
                    leaves.Add((name, pairs[i + 1]));
                }
            }
        }

        if (file.Resolve(node?["Kids"]) is List<object?> kids)
        {
            leaves.AddRange(kids.SelectMany(kid => Leaves(file, kid, depth + 1)));
        }

        return leaves;
    }

    private static byte[] Deflate(byte[] content)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(content);
        }

        return output.ToArray();
    }

    private static byte[] Decode(string fileName, object? filter, byte[] data)
    {
        var filters = filter switch
        {
            null => [],
            PdfName one => [one],
            List<object?> many => many.OfType<PdfName>().ToList(),
            _ => throw new InvalidDataException($"Damaged PDF: the embedded file '{fileName}' has a /Filter that is not a name ({filter})."),
        };
        foreach (var step in filters)
        {
            if (step.Value is not ("FlateDecode" or "Fl"))
            {
                throw new NotSupportedException($"The embedded file '{fileName}' is encoded with /{step.Value}; only FlateDecode is read.");
            }

            try
            {
                using var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
                using var output = new MemoryStream();
                zlib.CopyTo(output);
                data = output.ToArray();
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"Damaged PDF: the embedded file '{fileName}' does not inflate ({e.Message}).", e);
            }
        }

        return data;
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
