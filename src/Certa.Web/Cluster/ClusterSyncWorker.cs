using Certa.Infrastructure.Cluster;

namespace Certa.Web.Cluster;

/// <summary>
/// Once a round (<c>Certa:Cluster:SyncMilliseconds</c>, 1 s by default), on PostgreSQL: looks for commits other instances made
/// (<see cref="ClusterChangeFeed"/>), reports and reads the rate-limit counts (<see cref="RateLimitWindowStore"/>), and keeps
/// this instance's presence lock (<see cref="InstancePresence"/>), which it takes before the server starts.
/// </summary>
internal sealed class ClusterSyncWorker(ClusterChangeFeed feed, InstancePresence presence, IServiceProvider services, ClusterOptions options,
    ILogger<ClusterSyncWorker> log) : BackgroundService
{
    private bool failing;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await presence.HoldAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Until it is held, this instance's reservations name no owner and are freed by age alone: slower, never wrong.
            log.LogWarning(e, "Could not take this instance's presence lock; trying again every round.");
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var store = services.GetService<RateLimitWindowStore>();
        // Real time, not the app's clock: how fast news travels between processes has nothing to do with the day Certa judges on.
        using var timer = new PeriodicTimer(options.SyncInterval);
        do
        {
            try
            {
                await presence.HoldAsync(stoppingToken);
                await feed.PollAsync(stoppingToken);
                if (store is not null)
                {
                    await store.SyncAsync(stoppingToken);
                }

                if (failing)
                {
                    log.LogInformation("Cluster sync works again.");
                    failing = false;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Once per outage, not once a second; the caches still expire by age and the limits still count locally.
                if (!failing)
                {
                    log.LogWarning(e, "Cluster sync failed (changes made by other instances and their rate-limit counts are not seen until it works again).");
                    failing = true;
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
