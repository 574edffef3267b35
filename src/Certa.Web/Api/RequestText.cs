using Microsoft.Net.Http.Headers;

namespace Certa.Web.Api;

/// <summary>
/// Text a request brings that Certa will not read, refused with a problem before any endpoint sees it: a JSON body declared in
/// a charset other than UTF-8 (RFC 8259 §8.1; model binding throws on one .NET will not decode, such as utf-7, and would
/// answer 500), and a NUL in the query string (PostgreSQL text cannot hold one, so a filter with it would fail in the database).
/// </summary>
internal static class RequestText
{
    public static IApplicationBuilder UseRequestTextChecks(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.Charset.HasValue && IsJson(type)
            && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !type.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            await ProblemAsync(http, StatusCodes.Status415UnsupportedMediaType, "charset-not-utf8", "Unsupported charset",
                $"JSON is read as UTF-8 only, not '{type.Charset}'.");
            return;
        }

        if (http.Request.Query.FirstOrDefault(q => q.Key.Contains('\0', StringComparison.Ordinal) || q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            is { Key: not null } bad)
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, "nul-character", "Invalid query",
                $"The query parameter '{bad.Key.Replace("\0", "\\0", StringComparison.Ordinal)}' holds a NUL character.");
            return;
        }

        await next(http);
    });

    private static bool IsJson(MediaTypeHeaderValue type) =>
        type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    private static async Task ProblemAsync(HttpContext http, int status, string code, string title, string detail)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } },
        });
    }
}
