namespace Certa.Web.Hosting;

/// <summary>
/// Security headers on every response, error pages included; HSTS when the request came over HTTPS. The content security policy depends
/// on what the path serves: the site's own pages load only this origin's stylesheet and script and
/// nothing inline; the API reference at <c>/docs</c> (Scalar, from its package) needs inline script
/// and style; the API answers data that no browser should render or frame.
/// </summary>
internal static class SecurityHeaders
{
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Scalar starts itself from an inline module script and injects <style> elements and style attributes.
    // Its default fonts come from fonts.scalar.com; leaving that out keeps the reference on this machine.
    private const string DocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>Adds the headers when the response starts, so they survive the exception handler clearing the response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = PolicyFor(http.Request.Path);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (http.Request.IsHttps)
            {
                // Over HTTPS only (RFC 6797 §7.2: a browser ignores it over HTTP). A trusted proxy's X-Forwarded-Proto: https counts
                // (ClusterServices.UseCertaForwardedHeaders runs first); an untrusted one's does not.
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        return next(http);
    });

    private static string PolicyFor(PathString path) =>
        path.StartsWithSegments("/docs") ? DocsPolicy
        : path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") ? ApiPolicy
        : PagePolicy;
}
