using System.Threading.RateLimiting;
using Certa.Infrastructure.Cluster;

namespace Certa.Web.Cluster;

/// <summary>The per-minute limits' partitions: counted across the deployment when instances share PostgreSQL, in memory otherwise.</summary>
public static class ClusterRateLimits
{
    public static RateLimitPartition<string> PerMinute(HttpContext http, string key, int limit)
    {
        if (http.RequestServices.GetService<SharedRateCounts>() is { } counts)
        {
            return RateLimitPartition.Get(key, k => new SharedWindowLimiter(counts, k, limit));
        }

        // One process (SQLite): the framework's own limiter.
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromSeconds(SharedRateCounts.WindowSeconds),
            QueueLimit = 0,
        });
    }
}
