using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Certa.Domain.Certificates;

/// <summary>
/// A scheme's certificate-number pattern from <c>data/certification/certificate-numbers.yaml</c>,
/// e.g. CCC's <c>{yyyy}{body}{product}{seq:6}</c>: year of issue, the body's code, the catalogue
/// product code and a sequence the body counts per prefix.
/// </summary>
public sealed partial class CertificateNumberPattern
{
    private readonly IReadOnlyList<(string Token, int Width)> parts;

    private CertificateNumberPattern(string schemeId, string pattern, IReadOnlyDictionary<string, string> bodyCodes, IReadOnlyList<(string, int)> parts)
    {
        SchemeId = schemeId;
        Pattern = pattern;
        BodyCodes = bodyCodes;
        this.parts = parts;
    }

    public string SchemeId { get; }

    public string Pattern { get; }

    /// <summary>Registry body id → the code the scheme gives the body (CCC: CQC is 01).</summary>
    public IReadOnlyDictionary<string, string> BodyCodes { get; }

    public static CertificateNumberPattern Parse(string schemeId, string pattern, IReadOnlyDictionary<string, string> bodyCodes)
    {
        var found = new List<(string, int)>();
        var at = 0;
        foreach (Match m in Token().Matches(pattern))
        {
            if (m.Index > at)
            {
                found.Add(("literal:" + pattern[at..m.Index], 0));
            }

            var name = m.Groups["name"].Value;
            var width = m.Groups["width"].Success ? int.Parse(m.Groups["width"].Value, CultureInfo.InvariantCulture) : 0;
            if (name is not ("yyyy" or "yy" or "body" or "product" or "seq"))
            {
                throw new ArgumentException($"Certificate number pattern of '{schemeId}' has an unknown token '{{{name}}}'; tokens are yyyy, yy, body, product, seq:N.");
            }

            found.Add((name, width));
            at = m.Index + m.Length;
        }

        if (at < pattern.Length)
        {
            found.Add(("literal:" + pattern[at..], 0));
        }

        var sequences = found.Count(p => p.Item1 == "seq");
        if (sequences != 1 || found.First(p => p.Item1 == "seq").Item2 is < 1 or > 12 || found[^1].Item1 != "seq")
        {
            throw new ArgumentException($"Certificate number pattern of '{schemeId}' must end with one {{seq:N}} (N from 1 to 12).");
        }

        return new CertificateNumberPattern(schemeId, pattern, bodyCodes, found);
    }

    public int SequenceWidth => parts[^1].Width;

    /// <summary>Everything before the sequence, for a body, product code and year.</summary>
    public string Prefix(string bodyRegistryId, string? productCode, int year)
    {
        var text = new StringBuilder();
        foreach (var (token, width) in parts.Take(parts.Count - 1))
        {
            text.Append(token switch
            {
                "yyyy" => year.ToString("D4", CultureInfo.InvariantCulture),
                "yy" => (year % 100).ToString("D2", CultureInfo.InvariantCulture),
                "body" => BodyCodes.TryGetValue(bodyRegistryId, out var code)
                    ? code
                    : throw Common.DomainException.Invalid("body-code-unknown",
                        $"The {SchemeId} numbering in Certa's data gives no code to body '{bodyRegistryId}'; add it to data/certification/certificate-numbers.yaml.", "body"),
                "product" => productCode ?? throw Common.DomainException.Invalid("product-code-unknown",
                    $"The {SchemeId} number needs the catalogue product code, and the product type has none.", "productType"),
                _ => token["literal:".Length..],
            });
        }

        return text.ToString();
    }

    /// <summary>The number with sequence <paramref name="sequence"/> after <paramref name="prefix"/>.</summary>
    public string Format(string prefix, long sequence)
    {
        var digits = sequence.ToString(CultureInfo.InvariantCulture);
        return sequence < 1 || digits.Length > SequenceWidth
            ? throw Common.DomainException.Conflict("certificate-numbers-exhausted",
                $"The {SchemeId} numbers starting {prefix} are used up ({SequenceWidth} digits).")
            : prefix + digits.PadLeft(SequenceWidth, '0');
    }

    /// <summary>The number after the highest sequence among <paramref name="taken"/> under <paramref name="prefix"/>.</summary>
    public string Next(string prefix, IEnumerable<string> taken) =>
        Format(prefix, taken.Select(n => SequenceOf(prefix, n) ?? 0).DefaultIfEmpty(0).Max() + 1);

    /// <summary>The sequence of a number issued after <paramref name="prefix"/>, or null if it does not fit.</summary>
    public long? SequenceOf(string prefix, string number) =>
        number.Length == prefix.Length + SequenceWidth && number.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(number.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;

    [GeneratedRegex(@"\{(?<name>[a-z]+)(:(?<width>\d+))?\}")]
    private static partial Regex Token();
}
