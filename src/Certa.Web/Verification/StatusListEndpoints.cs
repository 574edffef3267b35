using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.StatusLists;
using Certa.Domain.Common;
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
            .AddEndpointFilter<DomainProblems>().Public().RequireRateLimiting(PublicRateLimits.Lookup);

    private static async Task<IResult> Get(HttpContext http, string bodyId, string purpose, StatusListCache cache)
    {
        var which = CredentialStatusEntry.Parse(purpose)
            ?? throw DomainException.NotFound(NotFound, $"Status lists are 'revocation', 'suspension' and 'message', not '{purpose}'.");
        // The database is read only when the list is not in memory.
        var list = await cache.GetAsync(bodyId, which, () => http.RequestServices.GetRequiredService<StatusListPublisher>().CurrentAsync(bodyId, which, http.RequestAborted))
            ?? throw DomainException.NotFound(NotFound, $"{bodyId} has issued no certificates, so it publishes no status lists.");
        http.Response.Headers.ETag = list.ETag;
        http.Response.Headers.CacheControl = $"public, max-age={(int)StatusListPublisher.Ttl.TotalSeconds}";
        http.Response.Headers.LastModified = list.PublishedAt.ToString("R");
        return http.Request.Headers.IfNoneMatch.Any(v => v == list.ETag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(list.Json, "application/vc+ld+json");
    }

    private const string NotFound = "status-list-not-found";
}
