using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Certa.Infrastructure.Persistence;

/// <summary>DateTimeOffset as fixed-width UTC text with microseconds, so that text order is time order.</summary>
public sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(
    v => v.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
    v => DateTimeOffset.Parse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
