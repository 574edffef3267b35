using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Certa.Domain.Registry;

/// <summary>
/// A standard's number, e.g. <c>GB 4943.1-2022</c>, <c>GB/T 9254.1-2021</c>, <c>SJ/T 11364-2014</c>,
/// <c>IEC 60335-2-80:2015</c>. The family is the number without its year; an edition has a year.
/// Chinese numbers put the year after a hyphen, international ones after a colon.
/// </summary>
public sealed partial record StandardNumber
{
    private StandardNumber(string prefix, string body, int? year, char yearSeparator)
    {
        Prefix = prefix;
        Body = body;
        Year = year;
        YearSeparator = yearSeparator;
    }

    /// <summary>Issuing series: GB, GB/T, SJ/T, IEC, EN, GSO IEC…</summary>
    public string Prefix { get; }

    /// <summary>Number within the series: 4943.1, 60335-2-80.</summary>
    public string Body { get; }

    public int? Year { get; }

    private char YearSeparator { get; }

    public string Family => $"{Prefix} {Body}";

    public bool IsEdition => Year is not null;

    public override string ToString() => Year is null ? Family : $"{Family}{YearSeparator}{Year}";

    public static StandardNumber Parse(string text) =>
        TryParse(text, out var number, out var error) ? number : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out StandardNumber? number, out string error)
    {
        number = null;
        var normalized = Normalize(text);
        var match = Pattern().Match(normalized);
        if (!match.Success)
        {
            error = $"'{text}' is not a standard number such as 'GB 4943.1-2022', 'GB/T 9254.1' or 'IEC 62115:2017'.";
            return false;
        }

        var prefix = match.Groups["prefix"].Value;
        var body = match.Groups["body"].Value;
        int? year = null;
        var separator = IsChinese(prefix) ? '-' : ':';
        if (match.Groups["year"].Success)
        {
            year = int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
            separator = match.Groups["sep"].Value[0];
        }
        else if (IsChinese(prefix))
        {
            // "GB 28380-2012": the year hides behind the last hyphen of the body.
            var chineseYear = ChineseYear().Match(body);
            if (chineseYear.Success)
            {
                year = int.Parse(chineseYear.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
                body = body[..chineseYear.Index];
                separator = '-';
            }
        }

        if (year is < 1950 or > 2100)
        {
            error = $"'{text}' has an implausible year {year}.";
            return false;
        }

        number = new StandardNumber(prefix, body, year, separator);
        error = string.Empty;
        return true;
    }

    /// <summary>The family of an edition number, or the number itself when it has no year.</summary>
    public static string FamilyOf(string text) => Parse(text).Family;

    private static bool IsChinese(string prefix) =>
        prefix.StartsWith("GB", StringComparison.Ordinal) || prefix.Contains('/', StringComparison.Ordinal)
        || prefix is "CEL" or "QC" or "YD" or "SJ" or "JB" or "TB";

    private static string Normalize(string? text) =>
        MultipleSpaces().Replace((text ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC).Trim(), " ")
            .ToUpperInvariant();

    [GeneratedRegex(@"^(?<prefix>(?:[A-Z]{2,5}(?:/[A-Z])?)(?: [A-Z]{2,5})*) ?(?<body>[0-9][0-9A-Z.\-]*?)(?:(?<sep>:)(?<year>\d{4}))?$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"-(?<year>(?:19|20)\d{2})$")]
    private static partial Regex ChineseYear();

    [GeneratedRegex(@"\s+")]
    private static partial Regex MultipleSpaces();
}
