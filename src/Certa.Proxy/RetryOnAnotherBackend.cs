using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Certa.Proxy;

/// <summary>
/// YARP does not retry (dotnet/yarp#56). This step of the proxy pipeline sends a GET or HEAD a second time, to another
/// backend, when the first could not be sent or its answer never began (connection refused, or reset by an instance that
/// died mid-request). Other methods are never repeated here: the proxy cannot know a POST was not applied, and Certa's
/// writes carry an Idempotency-Key for the client to retry with.
/// </summary>
internal static class RetryOnAnotherBackend
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        await next();
        if (!ShouldRetry(context, proxy, candidates, out var others))
        {
            return;
        }

        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.Clear();
        proxy.AvailableDestinations = others;
        await next();
    }

    private static bool ShouldRetry(HttpContext context, IReverseProxyFeature proxy, IReadOnlyList<DestinationState> candidates,
        out IReadOnlyList<DestinationState> others)
    {
        others = [];
        if (context.GetForwarderErrorFeature() is not { Error: ForwarderError.Request }
            || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            || context.Response.HasStarted
            || context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        var failed = proxy.ProxiedDestination;
        others = candidates.Where(d => d != failed).ToList();
        return others.Count > 0;
    }
}
