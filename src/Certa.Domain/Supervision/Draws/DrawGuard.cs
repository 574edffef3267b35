using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Draws;

/// <summary>Checks shared by the draw's value types. Values are kept verbatim (not trimmed): the seed hashes them as given.</summary>
internal static class DrawGuard
{
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? throw DomainException.Invalid("draw-field-missing", $"The draw's {field} is missing or blank.", field)
            : value;

    /// <summary>A set of ids: each non-blank, duplicates dropped, in ordinal order (the order the seed hashes).</summary>
    public static IReadOnlyList<string> SortedSet(IEnumerable<string>? values, string field) =>
        [.. (values ?? []).Select(v => Required(v, field)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
