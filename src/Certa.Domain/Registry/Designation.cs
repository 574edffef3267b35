using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Certa.Domain.Common;

namespace Certa.Domain.Registry;

/// <summary>
/// What a body or lab is designated for within one scheme: the whole scheme, a catalogue
/// category, a product type (by catalogue code) or a standard family, optionally limited to the
/// days from <see cref="From"/> to <see cref="Until"/> (both inclusive). Stored as text:
/// <c>ccc</c>, <c>ccc/cat:8</c>, <c>ccc/prod:0902</c>, <c>ccc/std:GB 4943.1</c>, with a dated one
/// suffixed <c>@2019-01-01..2024-06-30</c> (either side may be left open: <c>ccc/cat:8@2019-01-01..</c>).
/// </summary>
public sealed record Designation
{
    private const string DateFormat = "yyyy-MM-dd";

    private Designation(string schemeId, DesignationScope scope, string? value, DateOnly? from = null, DateOnly? until = null)
    {
        SchemeId = schemeId;
        Scope = scope;
        Value = value;
        From = from;
        Until = until;
    }

    public string SchemeId { get; }

    public DesignationScope Scope { get; }

    public string? Value { get; }

    /// <summary>First day in force; null when the designation has no known start.</summary>
    public DateOnly? From { get; }

    /// <summary>Last day in force; null when the designation has not ended.</summary>
    public DateOnly? Until { get; }

    public static Designation WholeScheme(string schemeId) => new(schemeId, DesignationScope.Scheme, null);

    public static Designation Category(string schemeId, int no) =>
        new(schemeId, DesignationScope.Category, no.ToString(CultureInfo.InvariantCulture));

    public static Designation Product(string schemeId, string code) => new(schemeId, DesignationScope.Product, code);

    public static Designation Standard(string schemeId, string family) =>
        new(schemeId, DesignationScope.Standard, StandardNumber.FamilyOf(family));

    /// <summary>The same scope in force from <paramref name="from"/> to <paramref name="until"/>, both inclusive; null leaves a side open.</summary>
    public Designation Between(DateOnly? from, DateOnly? until) => from > until
        ? throw new ArgumentException($"designation '{this}' cannot end ({Iso(until)}) before it begins ({Iso(from)})", nameof(until))
        : new(SchemeId, Scope, Value, from, until);

    public bool InForceOn(DateOnly day) => (From is null || From <= day) && (Until is null || day <= Until);

    /// <summary>Whether the scope takes in <paramref name="product"/>, whatever the dates.</summary>
    public bool ScopeCovers(ProductType product) =>
        product.SchemeId == SchemeId && Scope switch
        {
            DesignationScope.Scheme => true,
            DesignationScope.Category => Value == product.CategoryNo.ToString(CultureInfo.InvariantCulture),
            DesignationScope.Product => product.Code is not null && Value == product.Code,
            DesignationScope.Standard => product.StandardFamilies.Contains(Value, StringComparer.OrdinalIgnoreCase),
        };

    /// <summary>Whether the designation takes in <paramref name="product"/> and is in force on <paramref name="on"/>.</summary>
    public bool Covers(ProductType product, DateOnly on) => InForceOn(on) && ScopeCovers(product);

    /// <summary>The scope in plain English, without dates: <c>ccc category 8</c>, <c>ccc standard GB 4943.1</c>.</summary>
    public string Describe() => Scope switch
    {
        DesignationScope.Scheme => SchemeId,
        DesignationScope.Category => $"{SchemeId} category {Value}",
        DesignationScope.Product => $"{SchemeId} product {Value}",
        DesignationScope.Standard => $"{SchemeId} standard {Value}",
    };

    public override string ToString()
    {
        var scope = Scope switch
        {
            DesignationScope.Scheme => SchemeId,
            DesignationScope.Category => $"{SchemeId}/cat:{Value}",
            DesignationScope.Product => $"{SchemeId}/prod:{Value}",
            DesignationScope.Standard => $"{SchemeId}/std:{Value}",
        };
        return From is null && Until is null ? scope : $"{scope}@{Iso(From)}..{Iso(Until)}";
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out Designation? designation)
    {
        designation = null;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return TryParseScope(text, out designation);
        }

        if (!TryParseScope(text[..at], out var scope) || !TryParsePeriod(text[(at + 1)..], out var from, out var until))
        {
            return false;
        }

        designation = scope.Between(from, until);
        return true;
    }

    public static Designation Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not a designation such as 'ccc/cat:8' or 'ccc/cat:8@2019-01-01..'.");

    private static bool TryParseScope(string text, [NotNullWhen(true)] out Designation? designation)
    {
        designation = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            designation = string.IsNullOrWhiteSpace(text) ? null : WholeScheme(text.Trim());
            return designation is not null;
        }

        var scheme = text[..slash];
        var rest = text[(slash + 1)..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(scheme) || colon <= 0 || colon == rest.Length - 1)
        {
            return false;
        }

        var value = rest[(colon + 1)..];
        designation = rest[..colon] switch
        {
            "cat" when int.TryParse(value, out var no) && no > 0 => Category(scheme, no),
            "prod" => Product(scheme, value),
            "std" when StandardNumber.TryParse(value, out _, out _) => Standard(scheme, value),
            _ => null,
        };
        return designation is not null;
    }

    /// <summary><c>FROM..UNTIL</c>, either side empty; both empty is refused, since the canonical form then has no suffix.</summary>
    private static bool TryParsePeriod(string text, out DateOnly? from, out DateOnly? until)
    {
        from = until = null;
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0 || !TryParseSide(text[..dots], out from) || !TryParseSide(text[(dots + 2)..], out until))
        {
            return false;
        }

        return (from is not null || until is not null) && !(from > until);
    }

    private static bool TryParseSide(string text, out DateOnly? date)
    {
        date = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (!IsoDate.TryParse(text, out var day))
        {
            return false;
        }

        date = day;
        return true;
    }

    private static string Iso(DateOnly? day) => day?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? string.Empty;
}

public enum DesignationScope
{
    Scheme,
    Category,
    Product,
    Standard,
}
