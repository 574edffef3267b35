namespace Certa.Domain.Common;

/// <summary>Parses the ISO dates used throughout the reference data and the API.</summary>
public static class IsoDate
{
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out date);
}
