using Certa.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Certa.Web.Hosting;

/// <summary>When a write last failed for want of room (set by <see cref="UnavailableProblems"/>); one per app.</summary>
internal sealed class StorageFailures(TimeProvider clock)
{
    private long lastTicks;

    public DateTimeOffset? Last => Interlocked.Read(ref lastTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public void Record() => Interlocked.Exchange(ref lastTicks, clock.GetUtcNow().UtcTicks);
}

/// <summary>
/// Not ready while the data directory's disk has less than <c>Certa:Storage:MinimumFreeMegabytes</c> (default 64) free, or a write
/// failed for want of room in the last minute: a load balancer then sends writes elsewhere, and the probe turns ready by itself
/// once room comes back.
/// </summary>
internal sealed class StorageCheck(DatabaseOptions database, StorageFailures failures, IConfiguration configuration, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var minimum = configuration.GetValue("Certa:Storage:MinimumFreeMegabytes", 64L) * 1024 * 1024;
        var directory = Path.GetFullPath(database.DataDirectory);
        var free = new DriveInfo(directory).AvailableFreeSpace;
        if (free < minimum)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Only {free / (1024 * 1024)} MiB free under {directory} (minimum {minimum / (1024 * 1024)} MiB)."));
        }

        return Task.FromResult(failures.Last is { } last && clock.GetUtcNow() - last < Window
            ? HealthCheckResult.Unhealthy($"A write failed for want of room at {last:u}.")
            : HealthCheckResult.Healthy());
    }
}
