using Certa.Infrastructure.Credentials;

namespace Certa.Web.Credentials;

/// <summary>
/// Serves the JSON-LD contexts Certa's credentials name, so that anyone can read the terms; Certa's own verifiers
/// never fetch them (they are embedded). A context is immutable once published: a new meaning gets a new URL.
/// </summary>
public static class ContextEndpoints
{
    public const string ContentType = "application/ld+json";

    public static void MapCredentialContexts(this IEndpointRouteBuilder app)
    {
        foreach (var context in CredentialContexts.All)
        {
            app.MapGet(context.ServedPath, (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                // JSON-LD processors in browsers fetch contexts cross-origin.
                http.Response.Headers.AccessControlAllowOrigin = "*";
                return TypedResults.Bytes(context.Document, ContentType);
            })
            .WithTags("Credentials")
            .WithSummary($"The JSON-LD context {context.Url}")
            .AllowAnonymous();
        }
    }
}
