using System.Collections.Concurrent;
using SkiaSharp;

namespace Certa.Infrastructure.Certificates.Documents;

/// <summary>A subset of the certificate font and the characters it holds.</summary>
internal sealed record SubsetFace(SKTypeface Typeface, IReadOnlySet<int> CodePoints);

/// <summary>
/// The typeface of the certificate PDFs, for Chinese and Latin text alike: WenQuanYi Zen Hei, embedded as
/// subsets. Each language has a common subset (its fixed wording and printable ASCII) made once per process
/// and shared by all its pages; a page adds a subset of its own only for the characters outside it, mostly
/// the Chinese of names and addresses.
/// </summary>
/// <remarks>
/// Not Noto Sans CJK, although it is the better-looking font: its outlines are CFF, which this Skia build
/// embeds as Type 3 fonts whose text extraction maps some ideographs to Kangxi radicals (人 becomes ⼈),
/// breaking search and copy. WenQuanYi Zen Hei is TrueType, embedded as a CID TrueType font that
/// <c>pdftotext</c> reads back exactly. Skia embeds whatever font bytes it is given, so subsetting is ours;
/// sharing the common subset lets Skia reuse its glyph metrics across pages instead of reloading them from
/// a new typeface for every page (docs/decisions/011-certificate-pdf.md).
/// </remarks>
internal static class CertificateFont
{
    public const string FontFile = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    public const string DebianPackage = "fonts-wqy-zenhei";

    // Face 0 of the collection is the proportional "WenQuanYi Zen Hei"; 1 is the monospaced one.
    private const uint FaceIndex = 0;

    // Reading and pre-processing the 16 MB collection takes most of a second: once per process.
    private static readonly Lazy<FontSubsetter> Subsetter = new(Open, LazyThreadSafetyMode.ExecutionAndPublication);

    // The whole face, for measuring only: a subset's advances are the same, and it exists only once the page is laid out.
    private static readonly Lazy<SKTypeface> Whole = new(OpenWhole, LazyThreadSafetyMode.ExecutionAndPublication);

    // Punctuation that names, addresses and standard titles use in either language: cheaper shared than
    // pulling a page-own subset into an otherwise all-ASCII English page.
    private const string Punctuation = "–—‘’“”…·•×±°≤≥（）：；，。、《》【】～／";

    // Each recurring subset is a few kilobytes of font plus Skia's metrics for it. None is ever evicted,
    // because a page being drawn on another thread may hold it; past the capacity pages make their own.
    private const int RecurringCapacity = 256;

    private static readonly ConcurrentDictionary<string, Lazy<SubsetFace>> Recurrent = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<PdfLabels, Lazy<SubsetFace>> Common = new(ReferenceEqualityComparer.Instance);

    /// <summary>The whole typeface, to measure text with before the page's subset is made; never drawn into a PDF.</summary>
    public static SKTypeface ForMeasuring => Whole.Value;

    /// <summary>The subset every page in the language of <paramref name="labels"/> shares; owned by this class.</summary>
    public static SubsetFace CommonTo(PdfLabels labels) =>
        Common.GetOrAdd(labels, l => new Lazy<SubsetFace>(() => Make(l.CommonCodePoints().Concat(Punctuation.Select(c => (int)c))), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// A subset for characters that recur from page to page without being fixed wording (scheme, body and
    /// standard names), kept while there is room so that Skia's glyph metrics for it stay warm; null when
    /// <paramref name="codePoints"/> is empty. With <paramref name="owned"/> the cache was full and the caller
    /// disposes the typeface; the bytes of the page are the same either way.
    /// </summary>
    public static SubsetFace? Recurring(IReadOnlyCollection<int> codePoints, out bool owned)
    {
        owned = false;
        if (codePoints.Count == 0)
        {
            return null;
        }

        var key = string.Concat(codePoints.Select(char.ConvertFromUtf32));
        if (Recurrent.TryGetValue(key, out var known))
        {
            return known.Value;
        }

        if (Recurrent.Count < RecurringCapacity)
        {
            return Recurrent.GetOrAdd(key, _ => new Lazy<SubsetFace>(() => Make(codePoints), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        owned = true;
        return Make(codePoints);
    }

    /// <summary>A subset holding exactly <paramref name="codePoints"/>, for one page; the caller disposes its typeface.</summary>
    public static SubsetFace Make(IEnumerable<int> codePoints)
    {
        var set = codePoints.ToHashSet();
        var font = Subsetter.Value.Subset(set.Order());
        using var data = SKData.CreateCopy(font);
        var typeface = SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"Skia could not load the {font.Length}-byte subset of {FontFile}.");
        return new SubsetFace(typeface, set);
    }

    private static FontSubsetter Open() => FontSubsetter.Open(ExistingFontFile(), FaceIndex);

    private static SKTypeface OpenWhole() =>
        SKTypeface.FromFile(ExistingFontFile(), (int)FaceIndex) ?? throw new InvalidOperationException($"Skia could not load {FontFile}.");

    private static string ExistingFontFile() =>
        File.Exists(FontFile)
            ? FontFile
            : throw new FileNotFoundException(
                $"The certificate PDFs need the font {FontFile}, which is missing: install the Debian package {DebianPackage} (apt-get install {DebianPackage}).",
                FontFile);
}
