using System.Text.Json;

namespace Certa.Domain.Common;

/// <summary>
/// Enum values as the data files and the API write them: <c>market_driven</c> for
/// <c>MarketDriven</c>. Only names are accepted, never numbers (<c>Enum.TryParse</c> would take "1").
/// </summary>
public static class SnakeCaseNames
{
    public static string Of(string pascal) => JsonNamingPolicy.SnakeCaseLower.ConvertName(pascal);

    public static string List<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>().Select(Of));

    public static bool TryParse<TEnum>(string text, bool ignoreCase, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (text.Any(char.IsDigit))
        {
            return false;
        }

        var pascal = string.Concat(text.Split('_', '-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        return Enum.TryParse(pascal, ignoreCase, out value) && Enum.IsDefined(value);
    }
}
