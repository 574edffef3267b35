using Microsoft.AspNetCore.Diagnostics;

namespace Certa.Web.Hosting;

/// <summary>
/// Error responses that carry no body yet: problem details for the API, a short readable page for
/// people. The page names the status and links home in both languages.
/// </summary>
internal static class ErrorPages
{
    public static Task WriteAsync(StatusCodeContext context) => WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode);

    /// <summary>Unhandled exceptions: logged by the middleware, answered here without internals.</summary>
    public static Task WriteExceptionAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return WriteAsync(http, StatusCodes.Status500InternalServerError);
    }

    private static async Task WriteAsync(HttpContext http, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api") || AcceptsProblemJson(http.Request))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = status, Detail = status == 404 ? $"Nothing is at '{http.Request.Path}'." : null },
            });
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        var title = status == 404 ? "Page not found · 页面不存在" : $"Error {status} · 错误";
        await http.Response.WriteAsync(
            $"<!doctype html><html><head><meta charset=utf-8><meta name=viewport content='width=device-width'><title>{title}</title>" +
            "<link rel=stylesheet href='/assets/site.css'></head><body><main class=container>" +
            $"<h1>{title}</h1><p>{System.Net.WebUtility.HtmlEncode(http.Request.Path)}</p><p><a href='/'>Certa home · 首页</a></p></main></body></html>",
            http.RequestAborted);
    }

    private static bool AcceptsProblemJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && (a.Contains("application/json", StringComparison.OrdinalIgnoreCase)
            || a.Contains("application/problem+json", StringComparison.OrdinalIgnoreCase)));
}
