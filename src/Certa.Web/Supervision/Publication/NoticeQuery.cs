using Certa.Domain.Common;
using Certa.Infrastructure.Supervision.Publication;
using Certa.Web.Api;

namespace Certa.Web.Supervision.Publication;

/// <summary>The filter of the public notices as the page, the API and the exports take it from a query string.</summary>
public static class NoticeQuery
{
    /// <summary>Reads the filter, collecting every error with its field: a day not in ISO form, <c>to</c> before <c>from</c>, an unknown kind.</summary>
    public static NoticeFilter Parse(string? from, string? to, string? scheme, string? body, string? enterprise, string? kind, QueryErrors errors)
    {
        var since = Day(errors, "from", from);
        var until = Day(errors, "to", to);
        if (since is { } first && until is { } last && last < first)
        {
            errors.Add("to", $"{last:yyyy-MM-dd} is before from ({first:yyyy-MM-dd}).");
        }

        return new NoticeFilter(since, until, errors.Text("scheme", scheme, 100), errors.Text("body", body, 63),
            errors.Text("enterprise", enterprise, 63), errors.Enum<NoticeKind>("kind", kind));
    }

    /// <summary>The filter as query parameters, for links to the same list elsewhere (the exports, the next page).</summary>
    public static Dictionary<string, string?> ToQuery(NoticeFilter filter)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        Add("from", filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("scheme", filter.SchemeId);
        Add("body", filter.BodyId);
        Add("enterprise", filter.EnterpriseId);
        Add("kind", filter.Kind is { } kind ? ApiJson.SnakeCase(kind.ToString()) : null);
        return query;

        void Add(string key, string? value)
        {
            if (value is not null)
            {
                query[key] = value;
            }
        }
    }

    private static DateOnly? Day(QueryErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (IsoDate.TryParse(text.Trim(), out var day))
        {
            return day;
        }

        errors.Add(field, $"'{text}' is not a date in the form YYYY-MM-DD.");
        return null;
    }
}
