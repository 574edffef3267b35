using System.Globalization;
using Certa.Domain.Common;

namespace Certa.Infrastructure.Supervision.FollowUps;

/// <summary>Where a page of a body's worklist ends: the last certificate's next due day and its id, written <c>2027-03-31~id</c>.</summary>
public sealed record FollowUpCursor(DateOnly DueOn, Guid CertificateId)
{
    private const string Day = "yyyy-MM-dd";

    public override string ToString() => $"{DueOn.ToString(Day, CultureInfo.InvariantCulture)}~{CertificateId:N}";

    /// <summary>The cursor a page's <c>next</c> gave, or none for the first page.</summary>
    /// <exception cref="DomainException">Not a cursor Certa wrote (<c>after-invalid</c>).</exception>
    public static FollowUpCursor? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Split('~');
        return parts.Length == 2 && DateOnly.TryParseExact(parts[0], Day, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && Guid.TryParseExact(parts[1], "N", out var id)
            ? new FollowUpCursor(day, id)
            : throw DomainException.Invalid("after-invalid", "'after' is not a position in the worklist: pass the 'next' value of the previous page as it was given.", "after");
    }
}
