using System.Text;
using SkiaSharp;

namespace Certa.Infrastructure.Certificates.Documents;

/// <summary>
/// Measures and wraps text with the whole font's advances, before the page's subset exists. Advances are
/// linear in the size (no hinting), so each character is measured once per process and scaled to every size.
/// </summary>
internal sealed class TextMeasure
{
    private const float ReferenceSize = 100f;

    // Advances of the Basic Multilingual Plane at the reference size, filled as characters are first met
    // (NaN: not yet measured). Racing writers store the same value, so no lock is needed.
    private static readonly float[] Advances = Unmeasured();

    private readonly Dictionary<string, Measured> measured = new(StringComparer.Ordinal);

    public float Width(string text, float size) => Measure(text).Total * size / ReferenceSize;

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/> at <paramref name="size"/>:
    /// after spaces and list separators, and between Chinese characters; inside a word only when nothing else fits.
    /// </summary>
    public List<string> Wrap(string text, float size, float width)
    {
        var m = Measure(text);
        var limit = width * ReferenceSize / size;
        var lines = new List<string>();
        var start = 0;
        while (start < m.Count)
        {
            var end = start;
            var lastBreak = -1;
            while (end < m.Count && m.Offsets[end + 1] - m.Offsets[start] <= limit)
            {
                end++;
                if (end < m.Count && m.CanBreakBefore(end))
                {
                    lastBreak = end;
                }
            }

            // Breaking at a space costs nothing; otherwise go back to the last place a line may end.
            if (end < m.Count && !m.IsSpace(end) && lastBreak > start)
            {
                end = lastBreak;
            }

            // A single character wider than the line still goes somewhere, or the loop would not move.
            end = Math.Max(end, start + 1);
            lines.Add(m.Slice(text, start, end).TrimEnd());
            start = end;
            while (start < m.Count && m.IsSpace(start))
            {
                start++;
            }
        }

        return lines;
    }

    private Measured Measure(string text)
    {
        if (!measured.TryGetValue(text, out var m))
        {
            m = new Measured(text, Advance);
            measured[text] = m;
        }

        return m;
    }

    private float Advance(Rune rune)
    {
        if (rune.IsBmp && !float.IsNaN(Advances[rune.Value]))
        {
            return Advances[rune.Value];
        }

        using var font = new SKFont(CertificateFont.ForMeasuring, ReferenceSize) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true };
        var advance = font.MeasureText(rune.ToString());

        if (rune.IsBmp)
        {
            Advances[rune.Value] = advance;
        }

        return advance;
    }

    private static float[] Unmeasured()
    {
        var advances = new float[0x10000];
        Array.Fill(advances, float.NaN);
        return advances;
    }

    /// <summary>A string as runes, with where each rune starts in the string and the running sum of advances.</summary>
    private sealed class Measured
    {
        private readonly Rune[] runes;
        private readonly int[] starts;

        public Measured(string text, Func<Rune, float> advance)
        {
            runes = [.. text.EnumerateRunes()];
            starts = new int[runes.Length + 1];
            Offsets = new float[runes.Length + 1];
            for (var i = 0; i < runes.Length; i++)
            {
                starts[i + 1] = starts[i] + runes[i].Utf16SequenceLength;
                Offsets[i + 1] = Offsets[i] + advance(runes[i]);
            }
        }

        public int Count => runes.Length;

        public float[] Offsets { get; }

        public float Total => Offsets[^1];

        public bool IsSpace(int i) => Rune.IsWhiteSpace(runes[i]);

        public string Slice(string text, int from, int to) => text[starts[from]..starts[to]];

        public bool CanBreakBefore(int i)
        {
            var previous = runes[i - 1];
            var current = runes[i];
            if (IsSpace(i) || NoLineStart.Contains(current.Value))
            {
                return false;
            }

            return Rune.IsWhiteSpace(previous) || AfterSeparator.Contains(previous.Value)
                || (IsIdeographic(current) && !NoLineEnd.Contains(previous.Value))
                || (IsIdeographic(previous) && !NoLineEnd.Contains(previous.Value));
        }

        // Chinese lines may break between any two characters, except before closing and after opening punctuation.
        private static bool IsIdeographic(Rune rune) => rune.Value is >= 0x2E80 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0xFF00 and <= 0xFFEF or >= 0x20000;

        private static readonly HashSet<int> AfterSeparator = [',', ';', '/', '|', '、', '，', '；'];
        private static readonly HashSet<int> NoLineStart = [',', '.', ';', ':', ')', ']', '，', '。', '、', '；', '：', '）', '》', '」', '』', '！', '？', '…'];
        private static readonly HashSet<int> NoLineEnd = ['(', '[', '（', '《', '「', '『'];
    }
}
