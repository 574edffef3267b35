using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Certa.Infrastructure.Persistence;

/// <summary>DateTimeOffset as fixed-width UTC text with microseconds, so that text order is time order.</summary>
public sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(v => ToText(v), v => FromText(v))
{
    public static string ToText(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The time a column holds: for code that reads SQLite rows itself (a converter made for each value would compile its expressions each time).</summary>
    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
