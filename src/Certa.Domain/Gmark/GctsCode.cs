using System.Globalization;
using Certa.Domain.Common;

namespace Certa.Domain.Gmark;

/// <summary>
/// A product tracking code in Certa's GCTS-style format <c>NNNN-YYYY-SSSSSS-CC</c>: the notified body's 4-digit
/// GSO number, the year of registration, the body's sequence in that year and two ISO/IEC 7064 MOD 97-10 check
/// digits (data/gcc/gcts.yaml; GSO's own textual pattern is unverified). It cannot hold a code whose check fails.
/// </summary>
public sealed record GctsCode
{
    private GctsCode(string notifiedBody, int year, int sequence)
    {
        NotifiedBody = notifiedBody;
        Year = year;
        Sequence = sequence;
        Check = CheckDigits(Digits(notifiedBody, year, sequence));
    }

    public string NotifiedBody { get; }

    public int Year { get; }

    public int Sequence { get; }

    /// <summary>The two check digits, "02" to "98".</summary>
    public string Check { get; }

    public const int MaxSequence = 999_999;

    /// <summary>The code for a body's <paramref name="sequence"/>-th registration of <paramref name="year"/>.</summary>
    public static GctsCode Create(string notifiedBody, int year, int sequence)
    {
        if (notifiedBody is not { Length: 4 } || !notifiedBody.All(char.IsAsciiDigit))
        {
            throw DomainException.Invalid("nb-number-invalid", $"A notified body's GSO number has 4 digits; '{notifiedBody}' has not.", "notifiedBody");
        }

        if (year is < 2016 or > 9999)
        {
            throw DomainException.Invalid("gcts-year-invalid", $"The GSO platform dates from 2016; {year} is not a registration year.", "year");
        }

        return sequence is < 1 or > MaxSequence
            ? throw DomainException.Conflict("gcts-sequence-exhausted", $"Sequence {sequence} is outside 1–{MaxSequence} for NB {notifiedBody} in {year}.")
            : new GctsCode(notifiedBody, year, sequence);
    }

    /// <summary>Reads a code with or without its hyphens; refuses a wrong shape or a failed check, naming the value.</summary>
    public static GctsCode Parse(string? text) =>
        TryParse(text, out var code, out var error) ? code : throw DomainException.Invalid("gcts-invalid", error, "gcts");

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GctsCode? code, out string error)
    {
        code = null;
        var digits = (text ?? string.Empty).Trim().Replace("-", string.Empty, StringComparison.Ordinal);
        if (digits.Length != 16 || !digits.All(char.IsAsciiDigit))
        {
            error = $"'{text}' is not a GCTS code: expected NNNN-YYYY-SSSSSS-CC (16 digits).";
            return false;
        }

        if (Remainder(digits) != 1)
        {
            error = $"'{text}' fails its check digits: a digit is mistyped or two are swapped.";
            return false;
        }

        var year = int.Parse(digits.AsSpan(4, 4), CultureInfo.InvariantCulture);
        var sequence = int.Parse(digits.AsSpan(8, 6), CultureInfo.InvariantCulture);
        if (year < 2016 || sequence < 1)
        {
            error = $"'{text}' has year {year} and sequence {sequence}: neither can be a registration's.";
            return false;
        }

        code = new GctsCode(digits[..4], year, sequence);
        error = string.Empty;
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a well-formed code whose check digits agree.</summary>
    public static bool IsValid(string? text) => TryParse(text, out _, out _);

    /// <summary>ISO/IEC 7064 MOD 97-10: the two digits that make the whole number ≡ 1 (mod 97).</summary>
    public static string CheckDigits(string digits) =>
        (98 - Remainder(digits + "00")).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>The prefix every code of a body's year shares, for finding the next sequence.</summary>
    public static string Prefix(string notifiedBody, int year) => $"{notifiedBody}-{year:D4}-";

    public string Format() => $"{NotifiedBody}-{Year:D4}-{Sequence:D6}-{Check}";

    public override string ToString() => Format();

    private static string Digits(string notifiedBody, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{notifiedBody}{year:D4}{sequence:D6}");

    // Digit by digit, so a number of any length never overflows.
    private static int Remainder(string digits) => digits.Aggregate(0, (r, c) => (r * 10 + (c - '0')) % 97);
}
