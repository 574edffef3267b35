using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

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
        if (http.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && UnavailableProblems.Classify(error) is { } unavailable)
        {
            return UnavailableProblems.WriteAsync(http, unavailable, WantsProblem(http.Request));
        }

        // A request the server refused while the app read it (a body over the size limit, a malformed chunk) is the client's fault.
        var status = http.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException refused
            ? refused.StatusCode
            : StatusCodes.Status500InternalServerError;
        http.Response.StatusCode = status;
        return WriteAsync(http, status);
    }

    private static async Task WriteAsync(HttpContext http, int status)
    {
        if (WantsProblem(http.Request))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = status, Title = ReasonPhrases.GetReasonPhrase(status), Detail = status == 404 ? $"Nothing is at '{http.Request.Path}'." : null },
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

    private static bool WantsProblem(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || AcceptsProblemJson(request) || IsDataEndpoint(request.HttpContext);

    /// <summary>An endpoint mapped outside /api that answers data, not a page (the transparency log, status lists, DID documents).</summary>
    private static bool IsDataEndpoint(HttpContext http) =>
        http.GetEndpoint() is RouteEndpoint endpoint && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is null;

    private static bool AcceptsProblemJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && (a.Contains("application/json", StringComparison.OrdinalIgnoreCase)
            || a.Contains("application/problem+json", StringComparison.OrdinalIgnoreCase)));
}
