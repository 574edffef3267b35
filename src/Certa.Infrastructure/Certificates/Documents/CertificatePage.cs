using Certa.Domain.Certificates;
using SkiaSharp;

namespace Certa.Infrastructure.Certificates.Documents;

/// <summary>
/// Where everything goes on the A4 certificate: the issuing body and title at the top, the certified facts in
/// a label/value table, the statement and dates, and a footer with the signature and the QR code. The table
/// is set at the largest size at which it fits above the footer; at the smallest, lines that still do not
/// fit are left out and counted, never drawn off the page.
/// </summary>
internal sealed class CertificatePage(CertificateFacts facts, string language, PdfLabels labels, TextMeasure measure)
{
    public const float Width = 595.28f;
    public const float Height = 841.89f;

    private const float Left = 56;
    private const float Right = Width - 56;
    private const float Center = Width / 2;
    private const float FlowTop = 192;
    private const float FooterTop = 636;
    private const float FlowLimit = FooterTop - 14;
    private const float FooterBottom = Height - 32;
    private const float QrLeft = Right - QrSize;
    private const float QrTop = FooterTop + 26;

    /// <summary>The QR code's side, quiet zone included.</summary>
    public const float QrSize = 116;

    private static readonly float[] FlowSizes = [10f, 9.5f, 9f, 8.5f, 8f, 7.5f, 7f, 6.5f, 6f];

    /// <summary>Where <see cref="QrDrawing"/> draws the verification code.</summary>
    public static SKPoint QrOrigin => new(QrLeft, QrTop);

    /// <summary>
    /// What the page prints from the registry rather than from the holder: the same for every certificate
    /// of a body, scheme and set of standards, so its characters can share a subset across pages.
    /// </summary>
    public IEnumerable<string> Recurring() =>
        [
            facts.BodyName.In(language), facts.SchemeName.In(language), facts.MarkName?.In(language) ?? string.Empty,
            .. facts.Standards.Select(s => s.Title?.In(language) ?? string.Empty),
        ];

    public PageLayout Layout()
    {
        var page = new PageLayout();
        page.Strokes.Add(new Stroke(18, 18, Width - 18, Height - 18, 2.4f, Box: true));
        page.Strokes.Add(new Stroke(24, 24, Width - 24, Height - 24, 0.7f, Box: true));
        Header(page);
        Flow(page);
        Footer(page);
        return page;
    }

    private void Header(PageLayout page)
    {
        var y = Lines(page, facts.BodyName.In(language), Center, 62, new TextStyle(11, Ink.Frame, Align: SKTextAlign.Center), Right - Left, 2);
        page.Add(labels.Title, Center, y + 30, new TextStyle(22, Ink.Frame, Bold: true, Align: SKTextAlign.Center));
        Lines(page, facts.SchemeName.In(language), Center, y + 52, new TextStyle(11, Ink.Text, Align: SKTextAlign.Center), Right - Left, 1);
        page.Strokes.Add(new Stroke(Left, 150, Right, 150, 0.8f));

        var label = new TextStyle(9, Ink.Label);
        page.Add(labels.Number, Left, 172, label);
        page.Add(facts.Number, Left + measure.Width(labels.Number, 9) + 8, 172, new TextStyle(12, Ink.Text, Bold: true));
        var version = $"{labels.Version} {facts.Version}"
            + (facts.PredecessorNumber is { } predecessor ? " " + PdfLabels.Format(labels.Supersedes, predecessor) : string.Empty);
        page.Add(version, Right, 172, label with { Align = SKTextAlign.Right });
    }

    private void Flow(PageLayout page)
    {
        foreach (var size in FlowSizes)
        {
            var lines = FlowAt(size, int.MaxValue);
            if (lines[^1].Y <= FlowLimit)
            {
                page.Texts.AddRange(lines);
                return;
            }
        }

        // Still too long at the smallest size: shorten the longest values (model lists, mostly) so that the
        // dates and the statement stay on the page, and as a last resort cut the end.
        var smallest = FlowSizes[^1];
        for (var cap = 40; cap >= 2; cap--)
        {
            var lines = FlowAt(smallest, cap);
            if (lines[^1].Y <= FlowLimit || cap == 2)
            {
                Fit(page, lines, smallest);
                return;
            }
        }
    }

    private void Fit(PageLayout page, List<PlacedText> lines, float size)
    {
        var leading = size * 1.45f;
        if (lines[^1].Y > FlowLimit)
        {
            var kept = lines.Where(l => l.Y <= FlowLimit - leading).ToList();
            var more = PdfLabels.Format(labels.More, lines.Count - kept.Count);
            lines = [.. kept, new PlacedText(more, Left, kept[^1].Y + leading, new TextStyle(size, Ink.Label))];
        }

        page.Texts.AddRange(lines);
    }

    /// <summary>The table, statement and dates at <paramref name="size"/>, each value cut to at most <paramref name="cap"/> lines.</summary>
    private List<PlacedText> FlowAt(float size, int cap)
    {
        var lines = new List<PlacedText>();
        var leading = size * 1.45f;
        var labelStyle = new TextStyle(size * 0.92f, Ink.Label);
        var valueStyle = new TextStyle(size, Ink.Text);
        var rows = Rows();
        var labelColumn = Math.Min(rows.Max(r => measure.Width(r.Label, labelStyle.Size)) + 14, 150);
        var valueWidth = Right - Left - labelColumn;

        var y = FlowTop;
        void Table(IEnumerable<(string Label, IReadOnlyList<string> Values)> table)
        {
            foreach (var (label, values) in table)
            {
                lines.Add(new PlacedText(label, Left, y, labelStyle));
                foreach (var value in values)
                {
                    var wrapped = measure.Wrap(value, size, valueWidth);
                    var shown = wrapped.Count > cap ? cap - 1 : wrapped.Count;
                    foreach (var line in wrapped.Take(shown))
                    {
                        lines.Add(new PlacedText(line, Left + labelColumn, y, valueStyle));
                        y += leading;
                    }

                    if (shown < wrapped.Count)
                    {
                        lines.Add(new PlacedText(PdfLabels.Format(labels.More, wrapped.Count - shown), Left + labelColumn, y, labelStyle));
                        y += leading;
                    }

                    // A little air between the values of a row, so that a wrapped standard reads as one.
                    y += size * 0.2f;
                }

                y += size * 0.3f;
            }
        }

        Table(rows);
        y += size * 0.6f;
        foreach (var paragraph in new[] { labels.Statement, labels.Validity })
        {
            foreach (var line in measure.Wrap(paragraph, size, Right - Left))
            {
                lines.Add(new PlacedText(line, Left, y, valueStyle));
                y += leading;
            }

            y += size * 0.4f;
        }

        y += size * 0.6f;
        Table([(labels.IssuedOn, [labels.Date(facts.IssuedOn)]), (labels.ValidUntil, [labels.Date(facts.ValidUntil)])]);
        return lines;
    }

    private List<(string Label, IReadOnlyList<string> Values)> Rows()
    {
        var product = facts.Product;
        var models = new List<string> { PdfLabels.Format(labels.MainModel, product.MainModel) };
        if (product.SeriesModels.Count > 0)
        {
            models.Add(PdfLabels.Format(labels.SeriesModels, string.Join(labels.ListSeparator, product.SeriesModels.Select(s => s.Model))));
        }

        var rows = new List<(string, IReadOnlyList<string>)>
        {
            (labels.Holder, [facts.HolderName.In(language), facts.HolderAddress.In(language)]),
            (labels.Manufacturer, [facts.Manufacturer.Name.In(language), facts.Manufacturer.Address.In(language)]),
            (labels.Factory, [facts.Factory.Name.In(language), facts.Factory.Address.In(language)]),
            (labels.Product, [product.Name.In(language)]),
            (labels.Models, models),
            (labels.TradeMark, [product.TradeMark ?? labels.None]),
            (labels.Standards, [.. facts.Standards.Select(s => labels.StandardLine(s.Number, s.Title?.In(language), s.Result))]),
            (labels.Scheme, [facts.SchemeName.In(language)]),
        };
        if (facts.MarkName is { } mark)
        {
            rows.Add((labels.Mark, [mark.In(language)]));
        }

        return rows;
    }

    private void Footer(PageLayout page)
    {
        page.Strokes.Add(new Stroke(Left, FooterTop, Right, FooterTop, 0.8f));
        var width = QrLeft - 18 - Left;
        var small = new TextStyle(8, Ink.Label);
        page.Add(labels.Body, Left, FooterTop + 20, small);
        var y = Lines(page, facts.BodyName.In(language), Left, FooterTop + 36, new TextStyle(12, Ink.Frame, Bold: true), width, 2);

        page.Add(labels.Signature, Left, y + 10, small);
        y += 25;
        var signature = facts.Signature;
        (string Label, string Value)[] lines =
        [
            (labels.Issuer, signature.Issuer),
            (labels.VerificationMethod, signature.VerificationMethod),
            (labels.Fingerprint, signature.KeyFingerprint),
            (labels.SignedAt, labels.DateTime(signature.SignedAt)),
        ];
        var detail = new TextStyle(7.5f, Ink.Label);
        var column = lines.Max(l => measure.Width(l.Label, detail.Size)) + 8;
        foreach (var (label, value) in lines)
        {
            if (y > FooterBottom)
            {
                break;
            }

            page.Add(label, Left, y, detail);
            y = Lines(page, value, Left + column, y, detail with { Ink = Ink.Text }, width - column, 3, FooterBottom) + 2;
        }

        var qrCenter = QrLeft + QrSize / 2;
        page.Add(labels.Verify, qrCenter, QrTop - 3, new TextStyle(8, Ink.Label, Align: SKTextAlign.Center));
        Lines(page, facts.VerificationUrl, qrCenter, QrTop + QrSize + 4, new TextStyle(6.5f, Ink.Text, Align: SKTextAlign.Center), QrSize + 40, 3, FooterBottom);
    }

    /// <summary>Wraps <paramref name="text"/> at <paramref name="width"/>, adds up to <paramref name="maxLines"/> lines from baseline <paramref name="y"/>, and returns the next baseline.</summary>
    private float Lines(PageLayout page, string text, float x, float y, TextStyle style, float width, int maxLines, float bottom = Height)
    {
        foreach (var line in measure.Wrap(text, style.Size, width).Take(maxLines))
        {
            if (y > bottom)
            {
                break;
            }

            page.Add(line, x, y, style);
            y += style.Size * 1.35f;
        }

        return y;
    }
}
