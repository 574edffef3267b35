using System.Text;

namespace Certa.Domain.Registry;

/// <summary>
/// Folds text for matching: NFKC (full-width → half-width), lower case, one space between words.
/// Codes are also indexed without spaces so that "GB4943" finds "GB 4943.1-2022".
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string Compact(string? text) => Fold(text).Replace(" ", string.Empty, StringComparison.Ordinal);
}
