using System.Globalization;
using Certa.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Api;

/// <summary>
/// Collects what is wrong with a request's query string, field by field, so that a bad request
/// is answered once with every offending field (RFC 9457 <c>errors</c>).
/// </summary>
public sealed class QueryErrors
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public int Number(string field, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Add(field, $"'{text}' is not a whole number.");
            return fallback;
        }

        if (value < min || value > max)
        {
            Add(field, $"{value} is out of range: use {min} to {max}.");
            return fallback;
        }

        return value;
    }

    public DateOnly Date(string field, string? text, DateOnly fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (IsoDate.TryParse(text, out var date))
        {
            return date;
        }

        Add(field, $"'{text}' is not a date in the form YYYY-MM-DD.");
        return fallback;
    }

    public TEnum? Enum<TEnum>(string field, string? text)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (SnakeCaseNames.TryParse<TEnum>(text, ignoreCase: true, out var value))
        {
            return value;
        }

        Add(field, $"'{text}' is not one of: {SnakeCaseNames.List<TEnum>()}.");
        return null;
    }

    public string? OneOf(string field, string? text, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (allowed.Contains(text))
        {
            return text;
        }

        Add(field, $"'{text}' is not one of: {string.Join(", ", allowed)}.");
        return null;
    }

    public string? Text(string field, string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            Add(field, $"is {text.Length} characters long; at most {maxLength} are allowed.");
            return null;
        }

        return text.Trim();
    }

    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(errors, detail: "The query has invalid values; see errors.", title: "Invalid query");
}
