using System.Collections.Concurrent;

namespace Certa.Infrastructure.Cluster;

/// <summary>
/// Rate-limit counts for one instance of a deployment whose limits hold across instances. A request is decided here, in
/// memory, against what this instance counted and has not yet reported plus the deployment's total as last read
/// (<see cref="RateLimitWindowStore"/>, about once a second): no request waits for the database. Windows are whole minutes
/// since the Unix epoch, so every instance counts into the same window. Between two reports each instance may admit what the
/// last total leaves; the overshoot is bounded by that, per instance and per second (ADR 020).
/// </summary>
public sealed class SharedRateCounts(TimeProvider clock)
{
    public const int WindowSeconds = 60;

    private readonly ConcurrentDictionary<string, Tally> tallies = new(StringComparer.Ordinal);

    public static long WindowOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / WindowSeconds * WindowSeconds;

    /// <summary>
    /// Counts <paramref name="permits"/> for <paramref name="partition"/> if the window's total stays within
    /// <paramref name="limit"/>; otherwise counts nothing and says how long until the window ends.
    /// </summary>
    public bool TryTake(string partition, int permits, int limit, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        var window = WindowOf(now);
        while (true)
        {
            var tally = tallies.GetOrAdd(partition, static _ => new Tally());
            lock (tally)
            {
                if (tally.Retired)
                {
                    continue;
                }

                if (tally.Window != window)
                {
                    tally.Start(window);
                }

                if (tally.Estimate + permits > limit)
                {
                    retryAfter = DateTimeOffset.FromUnixTimeSeconds(window + WindowSeconds) - now;
                    return false;
                }

                tally.Pending += permits;
                retryAfter = TimeSpan.Zero;
                return true;
            }
        }
    }

    /// <summary>The deployment's total for the partition's current window as this instance knows it (last read plus unreported).</summary>
    public long Estimate(string partition)
    {
        if (!tallies.TryGetValue(partition, out var tally))
        {
            return 0;
        }

        lock (tally)
        {
            return tally.Window == WindowOf(clock.GetUtcNow()) ? tally.Estimate : 0;
        }
    }

    /// <summary>
    /// What to report: each partition counted in the current window with what was counted since the last report (0 to only
    /// read the total). The counts move to "in flight" until <see cref="Settle"/> or <see cref="Restore"/>. Partitions of
    /// past windows are dropped.
    /// </summary>
    public IReadOnlyList<WindowCount> TakeDeltas()
    {
        var window = WindowOf(clock.GetUtcNow());
        var deltas = new List<WindowCount>();
        foreach (var (partition, tally) in tallies)
        {
            lock (tally)
            {
                if (tally.Window < window && tally.InFlight == 0)
                {
                    tally.Retired = true;
                    tallies.TryRemove(new KeyValuePair<string, Tally>(partition, tally));
                    continue;
                }

                if (tally.Window == window)
                {
                    deltas.Add(new WindowCount(partition, window, tally.Pending));
                    tally.InFlight += tally.Pending;
                    tally.Pending = 0;
                }
            }
        }

        return deltas;
    }

    /// <summary>The report went through: <paramref name="total"/> is the deployment's count, this instance's report included.</summary>
    public void Settle(WindowCount reported, long total) => Update(reported, tally => tally.Known = Math.Max(tally.Known, total));

    /// <summary>The report failed: its counts are unreported again, for the next report.</summary>
    public void Restore(WindowCount reported) => Update(reported, tally => tally.Pending += reported.Count);

    private void Update(WindowCount reported, Action<Tally> change)
    {
        if (!tallies.TryGetValue(reported.Partition, out var tally))
        {
            return;
        }

        lock (tally)
        {
            if (tally.Window != reported.WindowStart)
            {
                return;
            }

            tally.InFlight -= reported.Count;
            change(tally);
        }
    }

    private sealed class Tally
    {
        public long Window { get; private set; } = long.MinValue;

        /// <summary>The deployment's total as last read; includes what this instance reported.</summary>
        public long Known { get; set; }

        /// <summary>Counted here, not yet reported.</summary>
        public long Pending { get; set; }

        /// <summary>Reported, answer not yet back.</summary>
        public long InFlight { get; set; }

        /// <summary>Removed from the table; a request holding it takes a fresh one.</summary>
        public bool Retired { get; set; }

        public long Estimate => Known + Pending + InFlight;

        public void Start(long window)
        {
            Window = window;
            Known = Pending = InFlight = 0;
        }
    }
}

/// <summary>A count for one partition and window: a delta to add, or a total read back.</summary>
public sealed record WindowCount(string Partition, long WindowStart, long Count);
