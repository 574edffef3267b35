using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace Certa.Proxy;

/// <summary>One route (every path) to one cluster of Certa instances, balanced in turn, with health checks.</summary>
internal static class ProxyRoutes
{
    public const string ClusterId = "certa";

    public static RouteConfig[] Routes() =>
    [
        // X-Forwarded-For/Proto/Host/Prefix are YARP's default transforms, set (not appended): the proxy is the edge, so
        // what a client claims in these headers is replaced, and Certa trusts them only from its known proxies.
        new() { RouteId = "all", ClusterId = ClusterId, Match = new RouteMatch { Path = "/{**path}" } },
    ];

    public static ClusterConfig[] Clusters(ProxyOptions options) =>
    [
        new()
        {
            ClusterId = ClusterId,
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            Destinations = options.Backends.Select((b, i) => (b, i))
                .ToDictionary(x => $"certa-{x.i + 1}", x => new DestinationConfig { Address = x.b.ToString() }),
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = options.HealthInterval,
                    Timeout = options.HealthInterval,
                    // Two failed probes in a row (YARP's default) take an instance out; a refused connection does it at once (below).
                    Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                    Path = "/health/ready",
                },
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = EjectOnRefusedConnection.PolicyName,
                    ReactivationPeriod = options.ReactivationPeriod,
                },
                // When every instance looks unhealthy, try them all rather than answer 503 to everyone.
                AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
            },
        },
    ];
}
