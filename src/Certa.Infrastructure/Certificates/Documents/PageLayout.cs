using System.Text;
using SkiaSharp;

namespace Certa.Infrastructure.Certificates.Documents;

/// <summary>The colours of the certificate: one ink for the frame and headings, one for text, one for labels.</summary>
internal enum Ink
{
    Frame,
    Text,
    Label,
}

/// <summary>How a line of text looks. WenQuanYi Zen Hei has no bold face, so bold is Skia's emboldening.</summary>
internal readonly record struct TextStyle(float Size, Ink Ink, bool Bold = false, SKTextAlign Align = SKTextAlign.Left);

/// <summary>A line of text at its baseline position.</summary>
internal readonly record struct PlacedText(string Text, float X, float Y, TextStyle Style);

/// <summary>A rule from (X0, Y0) to (X1, Y1), or with <paramref name="Box"/> a frame with those corners.</summary>
internal readonly record struct Stroke(float X0, float Y0, float X1, float Y1, float Width, bool Box = false);

/// <summary>
/// A page laid out but not yet drawn: what is printed where. Laying out first tells which characters the
/// page uses, so the font subset holds exactly those, and lets the layout be retried at a smaller size.
/// </summary>
internal sealed class PageLayout
{
    private static readonly Dictionary<Ink, SKPaint> Fills = new()
    {
        [Ink.Frame] = new SKPaint { Color = new SKColor(0x1B, 0x3A, 0x6B), IsAntialias = true },
        [Ink.Text] = new SKPaint { Color = new SKColor(0x1A, 0x1A, 0x1A), IsAntialias = true },
        [Ink.Label] = new SKPaint { Color = new SKColor(0x55, 0x5F, 0x6D), IsAntialias = true },
    };

    public List<PlacedText> Texts { get; } = [];

    public List<Stroke> Strokes { get; } = [];

    /// <summary>The dark ink for drawings such as the QR code.</summary>
    public static SKPaint Dark => Fills[Ink.Text];

    public void Add(string text, float x, float y, TextStyle style)
    {
        if (text.Length > 0)
        {
            Texts.Add(new PlacedText(text, x, y, style));
        }
    }

    /// <summary>The characters of <paramref name="texts"/> that none of <paramref name="faces"/> holds.</summary>
    public static SortedSet<int> Beyond(IEnumerable<string> texts, params IEnumerable<SubsetFace?> faces)
    {
        var held = faces.OfType<SubsetFace>().ToList();
        var codePoints = new SortedSet<int>();
        foreach (var text in texts)
        {
            foreach (var rune in text.EnumerateRunes())
            {
                if (!Rune.IsControl(rune) && !held.Exists(f => f.CodePoints.Contains(rune.Value)))
                {
                    codePoints.Add(rune.Value);
                }
            }
        }

        return codePoints;
    }

    /// <summary>Draws the page, each character in the first of <paramref name="faces"/> that holds it.</summary>
    public void Draw(SKCanvas canvas, IReadOnlyList<SubsetFace> faces)
    {
        // Per page, not shared: the width changes from stroke to stroke, and pages are drawn on several threads.
        using var pen = new SKPaint { Color = Fills[Ink.Frame].Color, IsAntialias = true, Style = SKPaintStyle.Stroke };
        foreach (var stroke in Strokes)
        {
            pen.StrokeWidth = stroke.Width;
            if (stroke.Box)
            {
                canvas.DrawRect(new SKRect(stroke.X0, stroke.Y0, stroke.X1, stroke.Y1), pen);
            }
            else
            {
                canvas.DrawLine(stroke.X0, stroke.Y0, stroke.X1, stroke.Y1, pen);
            }
        }

        var fonts = new Dictionary<(SKTypeface, float), SKFont>();
        SKFont Font(SKTypeface typeface, float size)
        {
            if (!fonts.TryGetValue((typeface, size), out var font))
            {
                font = new SKFont(typeface, size) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true };
                fonts[(typeface, size)] = font;
            }

            return font;
        }

        try
        {
            foreach (var text in Texts)
            {
                var paint = Fills[text.Style.Ink];
                var runs = Runs(text.Text, faces);
                if (runs.Count == 1)
                {
                    canvas.DrawText(text.Text, text.X, text.Y, text.Style.Align, Font(runs[0].Face.Typeface, text.Style.Size), paint);
                    continue;
                }

                // Lines that need several subsets are drawn run by run from the left.
                var measured = runs.Select(r => (r.Text, Font: Font(r.Face.Typeface, text.Style.Size))).ToList();
                var total = measured.Sum(r => r.Font.MeasureText(r.Text));
                var x = text.Style.Align switch
                {
                    SKTextAlign.Center => text.X - total / 2,
                    SKTextAlign.Right => text.X - total,
                    _ => text.X,
                };
                foreach (var (run, font) in measured)
                {
                    canvas.DrawText(run, x, text.Y, SKTextAlign.Left, font, paint);
                    x += font.MeasureText(run);
                }
            }
        }
        finally
        {
            foreach (var font in fonts.Values)
            {
                font.Dispose();
            }
        }
    }

    private static List<(string Text, SubsetFace Face)> Runs(string text, IReadOnlyList<SubsetFace> faces)
    {
        var runs = new List<(string, SubsetFace)>();
        var start = 0;
        var index = 0;
        SubsetFace? current = null;
        foreach (var rune in text.EnumerateRunes())
        {
            // A character no subset holds (a control character) stays with the run it is in.
            var face = faces.FirstOrDefault(f => f.CodePoints.Contains(rune.Value)) ?? current ?? faces[0];
            if (current is not null && !ReferenceEquals(face, current))
            {
                runs.Add((text[start..index], current));
                start = index;
            }

            current = face;
            index += rune.Utf16SequenceLength;
        }

        runs.Add((text[start..], current ?? faces[0]));
        return runs;
    }
}
