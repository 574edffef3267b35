using System.Globalization;
using System.Text;

namespace Certa.Web.Statistics.Charts;

/// <summary>The small pieces every chart writes: escaped text, numbers in invariant form, and text width estimates.</summary>
internal static class SvgText
{
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', sans-serif";

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&apos;",
                // Control characters other than tab and line breaks are not allowed in XML at all.
                _ when char.IsControl(c) && c is not ('\t' or '\n' or '\r') => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>A value as a reader sees it: thousands grouped, at most one decimal (days to a tenth).</summary>
    public static string Value(decimal value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    /// <summary>A coordinate: two decimals, invariant, never NaN (a chart's geometry is made only of finite numbers).</summary>
    public static string N(double value) =>
        double.IsFinite(value) ? Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a finite coordinate.");

    /// <summary>Roughly how wide <paramref name="text"/> is at <paramref name="fontSize"/>: CJK characters are about a full em, others about half.</summary>
    public static double Width(string text, double fontSize) => text.Sum(c => c >= '\u2E80' ? 1.0 : 0.56) * fontSize;

    /// <summary><paramref name="text"/> cut with an ellipsis to fit <paramref name="width"/>; the full text goes into the element's title.</summary>
    public static string Fit(string text, double width, double fontSize)
    {
        if (Width(text, fontSize) <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && Width(cut + "…", fontSize) > width)
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd() + "…";
    }
}
