namespace Certa.Infrastructure.Cluster;

/// <summary>
/// How many requests one rate-limit partition (e.g. <c>lookup:ip:203.0.113.7</c>) has used in one window, summed over every
/// instance that shares the database. Instances add what they counted; each reads the sum back, so a limit holds for the
/// whole deployment and not per process.
/// </summary>
public sealed class RateLimitWindow
{
    public RateLimitWindow(string partition, long windowStart, long count)
    {
        Partition = partition;
        WindowStart = windowStart;
        Count = count;
    }

    public string Partition { get; private set; }

    /// <summary>Start of the window in Unix seconds.</summary>
    public long WindowStart { get; private set; }

    public long Count { get; private set; }
}
