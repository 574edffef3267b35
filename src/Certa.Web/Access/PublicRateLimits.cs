using System.Globalization;
using System.Threading.RateLimiting;
using Certa.Domain.Access;
using Microsoft.AspNetCore.RateLimiting;

namespace Certa.Web.Access;

/// <summary>
/// Limits on the public verification surface, per minute: anonymous callers by IP address, API clients (an API key) by key,
/// with more room. Bulk verification is counted apart, in requests, since one request may carry a million numbers.
/// Limits come from <c>Certa:RateLimits:*</c>; a refusal is a 429 problem with Retry-After.
/// </summary>
public static class PublicRateLimits
{
    public const string Lookup = "public-lookup";
    public const string Bulk = "public-bulk";

    public static void AddPolicies(RateLimiterOptions o, IConfiguration configuration)
    {
        // Read once: configuration lookups take locks, and every public request asks for its partition.
        var section = configuration.GetSection("Certa:RateLimits");
        var (lookupAnonymous, lookupClient) = (section.GetValue("AnonymousPerMinute", 600), section.GetValue("ClientPerMinute", 12_000));
        var (bulkAnonymous, bulkClient) = (section.GetValue("AnonymousBulkPerMinute", 6), section.GetValue("ClientBulkPerMinute", 60));
        o.AddPolicy(Lookup, http => Partition(http, "lookup", lookupAnonymous, lookupClient));
        // Bulk counts the checks, not the page that offers the form (GET /verify/bulk).
        o.AddPolicy(Bulk, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("bulk:read")
            : Partition(http, "bulk", bulkAnonymous, bulkClient));
    }

    private static RateLimitPartition<string> Partition(HttpContext http, string kind, int anonymous, int client)
    {
        var actor = http.Actor();
        var (key, limit) = actor is { Kind: ActorKind.Client }
            ? ($"{kind}:client:{actor.Id}", client)
            : ($"{kind}:ip:{http.Connection.RemoteIpAddress}", anonymous);
        // Counted across instances on PostgreSQL (ADR 020), so the limit is the deployment's, not each instance's.
        return limit <= 0 ? RateLimitPartition.GetNoLimiter(key) : Cluster.ClusterRateLimits.PerMinute(http, key, limit);
    }

    /// <summary>The 429 for the API (problem details) and for pages (plain words in both languages), with when to come back.</summary>
    public static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"This {(http.Actor() is { Kind: ActorKind.Client } ? "API key" : "address")} has used its requests for this minute. Try again in {seconds} s; "
                    + "for more, send an API key (Authorization: Bearer ck_…) or use POST /api/v1/public/verify:bulk.",
                extensions: new Dictionary<string, object?> { ["code"] = "rate-limited", ["retryAfter"] = seconds }).ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync($"Too many requests from this address. Try again in {seconds} s. · 请求过多，请 {seconds} 秒后再试。", ct);
    }
}
