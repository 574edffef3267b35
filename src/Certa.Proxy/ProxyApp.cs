using Yarp.ReverseProxy.Health;

namespace Certa.Proxy;

/// <summary>Builds the reverse proxy in front of several Certa instances. Its own program and <c>certa proxy</c> both start it here.</summary>
public static class ProxyApp
{
    public static WebApplication Build(ProxyOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Listen.ToString());
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o =>
        {
            // Timestamps let an operator line up an instance's death with when the proxy stopped sending to it.
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        // A backend leaving or rejoining the rotation is worth seeing.
        builder.Logging.AddFilter("Yarp.ReverseProxy.Health", LogLevel.Information);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IPassiveHealthCheckPolicy, EjectOnRefusedConnection>();
        builder.Services.AddReverseProxy().LoadFromMemory(ProxyRoutes.Routes(), ProxyRoutes.Clusters(options));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapReverseProxy(pipeline =>
        {
            pipeline.Use(RetryOnAnotherBackend.InvokeAsync);
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
        return app;
    }
}
