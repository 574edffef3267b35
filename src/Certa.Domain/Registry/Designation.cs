using System.Diagnostics.CodeAnalysis;

namespace Certa.Domain.Registry;

/// <summary>
/// What a body or lab is designated for within one scheme: the whole scheme, a catalogue
/// category, a product type (by catalogue code) or a standard family. Stored as text:
/// <c>ccc</c>, <c>ccc/cat:8</c>, <c>ccc/prod:0902</c>, <c>ccc/std:GB 4943.1</c>.
/// </summary>
public sealed record Designation
{
    private Designation(string schemeId, DesignationScope scope, string? value)
    {
        SchemeId = schemeId;
        Scope = scope;
        Value = value;
    }

    public string SchemeId { get; }

    public DesignationScope Scope { get; }

    public string? Value { get; }

    public static Designation WholeScheme(string schemeId) => new(schemeId, DesignationScope.Scheme, null);

    public static Designation Category(string schemeId, int no) =>
        new(schemeId, DesignationScope.Category, no.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static Designation Product(string schemeId, string code) => new(schemeId, DesignationScope.Product, code);

    public static Designation Standard(string schemeId, string family) =>
        new(schemeId, DesignationScope.Standard, StandardNumber.FamilyOf(family));

    public bool Covers(ProductType product) =>
        product.SchemeId == SchemeId && Scope switch
        {
            DesignationScope.Scheme => true,
            DesignationScope.Category => Value == product.CategoryNo.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DesignationScope.Product => product.Code is not null && Value == product.Code,
            DesignationScope.Standard => product.StandardFamilies.Contains(Value, StringComparer.OrdinalIgnoreCase),
        };

    public override string ToString() => Scope switch
    {
        DesignationScope.Scheme => SchemeId,
        DesignationScope.Category => $"{SchemeId}/cat:{Value}",
        DesignationScope.Product => $"{SchemeId}/prod:{Value}",
        DesignationScope.Standard => $"{SchemeId}/std:{Value}",
    };

    public static bool TryParse(string text, [NotNullWhen(true)] out Designation? designation)
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

    public static Designation Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not a designation such as 'ccc/cat:8'.");
}

public enum DesignationScope
{
    Scheme,
    Category,
    Product,
    Standard,
}
