using System.Globalization;

namespace Certa.Infrastructure.Credentials;

/// <summary>
/// Instants as XML Schema dateTimeStamps in UTC to the second ("2026-03-01T00:30:15Z"): the form VC 2.0 requires for
/// validity and the spec's proofs use, and one fixed form so the same instant always signs to the same bytes.
/// </summary>
internal static class Timestamps
{
    public static string Utc(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
