using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.StatusLists;
using Certa.Web.Access;

namespace Certa.Web.Verification;

/// <summary>
/// <c>GET /status/{body}/{purpose}</c>: a body's signed BitstringStatusListCredential, where every certificate credential's
/// <c>credentialStatus</c> points. Cacheable for the list's ttl; a changed list has a new ETag.
/// </summary>
public static class StatusListEndpoints
{
    public static void MapStatusLists(this IEndpointRouteBuilder app) =>
        app.MapGet("/status/{bodyId}/{purpose}", Get).WithTags("Verification").WithName("GetStatusList")
            .WithSummary("A body's status list credential (revocation, suspension or message)")
            .Public().RequireRateLimiting(PublicRateLimits.Lookup);

    private static async Task<IResult> Get(HttpContext http, string bodyId, string purpose, StatusListPublisher publisher, CancellationToken ct)
    {
        if (CredentialStatusEntry.Parse(purpose) is not { } which)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such status list",
                detail: $"Status lists are 'revocation', 'suspension' and 'message', not '{purpose}'.", extensions: new Dictionary<string, object?> { ["code"] = "status-list-not-found" });
        }

        var list = await publisher.CurrentAsync(bodyId, which, ct);
        if (list is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such status list",
                detail: $"{bodyId} has issued no certificates, so it publishes no status lists.", extensions: new Dictionary<string, object?> { ["code"] = "status-list-not-found" });
        }

        http.Response.Headers.ETag = list.ETag;
        http.Response.Headers.CacheControl = $"public, max-age={(int)StatusListPublisher.Ttl.TotalSeconds}";
        http.Response.Headers.LastModified = list.PublishedAt.ToString("R");
        return http.Request.Headers.IfNoneMatch.Any(v => v == list.ETag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Text(list.Json, "application/vc+ld+json", System.Text.Encoding.UTF8);
    }
}
