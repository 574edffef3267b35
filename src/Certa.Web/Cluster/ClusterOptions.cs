using System.Net;

namespace Certa.Web.Cluster;

/// <summary>
/// <c>Certa:Cluster:*</c> and <c>Certa:Proxy:*</c>: how instances that share one PostgreSQL database keep in step, and which
/// reverse proxies may say who the client is. ADR 020.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>How often an instance looks for others' commits and reports its rate-limit counts (100–10 000 ms).</summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Rate limits counted across instances (PostgreSQL only); off, each instance counts alone.</summary>
    public bool SharedRateLimits { get; init; } = true;

    /// <summary>The proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed; none by default, so a forged header is ignored.</summary>
    public IReadOnlyList<IPAddress> KnownProxies { get; init; } = [];

    public static ClusterOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Certa:Cluster");
        return new ClusterOptions
        {
            SyncInterval = TimeSpan.FromMilliseconds(Math.Clamp(section.GetValue("SyncMilliseconds", 1000), 100, 10_000)),
            SharedRateLimits = section.GetValue("SharedRateLimits", true),
            KnownProxies = [.. ProxyList(configuration.GetSection("Certa:Proxy:KnownProxies")).Select(Parse)],
        };
    }

    // A list (Certa__Proxy__KnownProxies__0=…) or one comma-separated value (--Certa:Proxy:KnownProxies=10.0.0.5,10.0.0.6).
    private static IEnumerable<string> ProxyList(IConfigurationSection section) =>
        (section.Value is { } one ? one.Split(',') : section.GetChildren().Select(c => c.Value ?? string.Empty))
            .Select(v => v.Trim()).Where(v => v.Length > 0);

    private static IPAddress Parse(string text) => IPAddress.TryParse(text, out var address)
        ? address
        : throw new InvalidOperationException($"Certa:Proxy:KnownProxies: '{text}' is not an IP address.");
}
