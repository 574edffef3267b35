using Certa.Domain.Certificates;
using SkiaSharp;

namespace Certa.Infrastructure.Certificates.Documents;

/// <summary>
/// The certificate as a one-page A4 PDF, in English or Chinese, with a QR code of its verification address.
/// Made only from <see cref="CertificateFacts"/>, like the signed credential, so the two never disagree; the
/// same facts always give the same bytes, so a PDF can be re-made instead of stored and still match its hash.
/// </summary>
public static class CertificatePdf
{
    private const string Producer = "Certa";

    /// <summary>Renders <paramref name="facts"/> in <paramref name="language"/> ("en" or "zh").</summary>
    /// <exception cref="ArgumentOutOfRangeException">The language is neither English nor Chinese.</exception>
    /// <exception cref="FileNotFoundException">The certificate font (Debian package fonts-wqy-zenhei) is not installed.</exception>
    public static byte[] Render(CertificateFacts facts, string language)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var labels = PdfLabels.For(language);
        var layout = new CertificatePage(facts, language, labels, new TextMeasure());
        var page = layout.Layout();

        // Three subsets at most, each character in the first that holds it: the language's fixed wording (shared
        // by every page), registry names (shared by pages of the same body, scheme and standards), and the rest.
        var common = CertificateFont.CommonTo(labels);
        var recurring = CertificateFont.Recurring(PageLayout.Beyond(layout.Recurring(), common), out var recurringOwned);
        using var recurringTypeface = recurringOwned ? recurring?.Typeface : null;
        var rest = PageLayout.Beyond(page.Texts.Select(t => t.Text), common, recurring);
        var own = rest.Count == 0 ? null : CertificateFont.Make(rest);
        using var ownTypeface = own?.Typeface;
        var faces = new List<SubsetFace> { common };
        faces.AddRange(new[] { recurring, own }.OfType<SubsetFace>());
        using var output = new MemoryStream(32 * 1024);
        using (var document = SKDocument.CreatePdf(output, Metadata(facts, labels)))
        {
            var canvas = document.BeginPage(CertificatePage.Width, CertificatePage.Height);
            page.Draw(canvas, faces);
            var qr = CertificatePage.QrOrigin;
            QrDrawing.Draw(canvas, facts.VerificationUrl, qr.X, qr.Y, CertificatePage.QrSize, PageLayout.Dark);
            document.EndPage();
            document.Close();
        }

        return output.ToArray();
    }

    // Skia would stamp the current time; the signing time keeps the bytes a function of the facts alone.
    private static SKDocumentPdfMetadata Metadata(CertificateFacts facts, PdfLabels labels) => new()
    {
        Title = $"{labels.Title} {facts.Number}",
        Subject = facts.Product.Name.En,
        Author = facts.BodyName.En,
        Creator = Producer,
        Producer = Producer,
        Creation = facts.Signature.SignedAt.UtcDateTime,
        Modified = facts.Signature.SignedAt.UtcDateTime,
        RasterDpi = SKDocumentPdfMetadata.DefaultRasterDpi,
        EncodingQuality = SKDocumentPdfMetadata.DefaultEncodingQuality,
    };
}
