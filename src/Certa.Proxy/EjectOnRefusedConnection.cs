using System.Net.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Certa.Proxy;

/// <summary>
/// Passive health: a backend that refuses a connection has no process listening, so it leaves the rotation at once rather
/// than after YARP's failure-rate window (30 % of a minute's requests). It comes back after the reactivation period, when
/// the active probe of <c>/health/ready</c> finds it ready again. Other failures (a slow answer, a reset) are left to the
/// active probe, so one bad request does not take a live instance out.
/// </summary>
internal sealed class EjectOnRefusedConnection(IDestinationHealthUpdater health, ProxyOptions options, ILogger<EjectOnRefusedConnection> log)
    : IPassiveHealthCheckPolicy
{
    public const string PolicyName = "EjectOnRefusedConnection";

    public string Name => PolicyName;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        if (context.GetForwarderErrorFeature() is { Error: ForwarderError.Request, Exception: var e } && Refused(e))
        {
            log.LogWarning("Backend {Backend} refused a connection; out of rotation for at least {Seconds} s.",
                destination.Model.Config.Address, options.ReactivationPeriod.TotalSeconds);
            health.SetPassive(cluster, destination, DestinationHealth.Unhealthy, options.ReactivationPeriod);
        }
    }

    private static bool Refused(Exception? e) =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }
        || e?.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };
}
