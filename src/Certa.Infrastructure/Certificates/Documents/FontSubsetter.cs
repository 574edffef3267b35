using System.Runtime.InteropServices;

namespace Certa.Infrastructure.Certificates.Documents;

/// <summary>
/// HarfBuzz's subsetter, called directly: HarfBuzzSharp wraps shaping but not <c>hb-subset</c>, and the
/// SkiaSharp build in use embeds whatever font bytes it is given, so a CJK font must be cut down to the
/// document's characters before Skia sees it (docs/decisions/011-certificate-pdf.md).
/// </summary>
/// <remarks>
/// The font file is parsed once and pre-processed with <c>hb_subset_preprocess</c>, which builds the
/// lookup tables every later subset would otherwise rebuild; HarfBuzz faces are immutable and safe to
/// subset from several threads at once.
/// </remarks>
internal sealed class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";

    // hb_subset_sets_t and hb_subset_flags_t from hb-subset.h.
    private const int DropTableTagSet = 3;
    private const uint NoHintingFlag = 0x1;

    // Tables the PDF never reads: Skia draws glyph by glyph (no shaping), and viewers ignore hinting.
    private static readonly string[] DroppedTables =
        ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG", "gasp", "hdmx", "EBDT", "EBLC", "EBSC", "LTSH", "VDMX", "kern"];

    private readonly IntPtr face;

    private FontSubsetter(IntPtr face) => this.face = face;

    /// <summary>Parses face <paramref name="index"/> of the font file at <paramref name="path"/>; kept for the life of the process.</summary>
    public static FontSubsetter Open(string path, uint index)
    {
        // A NUL-terminated UTF-8 path, as HarfBuzz takes it.
        var blob = hb_blob_create_from_file_or_fail(System.Text.Encoding.UTF8.GetBytes(path + '\0'));
        if (blob == IntPtr.Zero)
        {
            throw new InvalidOperationException($"HarfBuzz could not read the font file {path}.");
        }

        var whole = hb_face_create(blob, index);
        hb_blob_destroy(blob);
        var prepared = hb_subset_preprocess(whole);
        hb_face_destroy(whole);
        return prepared == IntPtr.Zero
            ? throw new InvalidOperationException($"HarfBuzz could not prepare face {index} of {path} for subsetting.")
            : new FontSubsetter(prepared);
    }

    /// <summary>A TrueType font holding only the glyphs of <paramref name="codePoints"/> (and .notdef).</summary>
    public byte[] Subset(IEnumerable<int> codePoints)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            throw new InvalidOperationException("HarfBuzz could not allocate a subset input.");
        }

        try
        {
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var codePoint in codePoints)
            {
                hb_set_add(unicodes, (uint)codePoint);
            }

            var dropped = hb_subset_input_set(input, DropTableTagSet);
            foreach (var table in DroppedTables)
            {
                hb_set_add(dropped, Tag(table));
            }

            hb_subset_input_set_flags(input, NoHintingFlag);
            var subset = hb_subset_or_fail(face, input);
            if (subset == IntPtr.Zero)
            {
                throw new InvalidOperationException("HarfBuzz could not subset the certificate font.");
            }

            try
            {
                return Bytes(subset);
            }
            finally
            {
                hb_face_destroy(subset);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    private static byte[] Bytes(IntPtr face)
    {
        var blob = hb_face_reference_blob(face);
        try
        {
            var data = hb_blob_get_data(blob, out var length);
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            hb_blob_destroy(blob);
        }
    }

    private static uint Tag(string tag) => (uint)(tag[0] << 24 | tag[1] << 16 | tag[2] << 8 | tag[3]);

    [DllImport(Library)]
    private static extern IntPtr hb_blob_create_from_file_or_fail(byte[] fileName);

    [DllImport(Library)]
    private static extern void hb_blob_destroy(IntPtr blob);

    [DllImport(Library)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(Library)]
    private static extern IntPtr hb_face_create(IntPtr blob, uint index);

    [DllImport(Library)]
    private static extern void hb_face_destroy(IntPtr face);

    [DllImport(Library)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(Library)]
    private static extern void hb_set_add(IntPtr set, uint codePoint);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_preprocess(IntPtr face);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(Library)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_input_set(IntPtr input, int setType);

    [DllImport(Library)]
    private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

    [DllImport(Library)]
    private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
}
