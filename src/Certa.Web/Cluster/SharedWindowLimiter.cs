using System.Diagnostics;
using System.Threading.RateLimiting;
using Certa.Infrastructure.Cluster;

namespace Certa.Web.Cluster;

/// <summary>One partition's limiter over <see cref="SharedRateCounts"/>: decides in memory, never waits, never queues.</summary>
internal sealed class SharedWindowLimiter(SharedRateCounts counts, string partition, int limit) : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(null);

    private long lastUsed = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Volatile.Read(ref lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Volatile.Write(ref lastUsed, Stopwatch.GetTimestamp());
        return counts.TryTake(partition, permitCount, limit, out var retryAfter) ? Granted : new Lease(retryAfter);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    /// <summary>Granted when there is no wait; refused with the wait (Retry-After) otherwise.</summary>
    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        private static readonly string[] Refusal = [MetadataName.RetryAfter.Name];

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : Refusal;

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
