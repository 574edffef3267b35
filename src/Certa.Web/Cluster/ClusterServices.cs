using Certa.Infrastructure.Cluster;
using Certa.Infrastructure.Persistence;
using Microsoft.AspNetCore.HttpOverrides;

namespace Certa.Web.Cluster;

/// <summary>What lets several Certa instances share one PostgreSQL database (ADR 020), and the forwarded headers of a reverse proxy.</summary>
public static class ClusterServices
{
    public static void AddCertaCluster(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        var options = ClusterOptions.From(configuration);
        services.AddSingleton(options);
        services.AddCertaDataProtection(database);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; Certa trusts only the proxies it is told of.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies)
            {
                o.KnownProxies.Add(proxy);
                if (proxy.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                {
                    // Kestrel on a dual-stack socket sees an IPv4 peer as ::ffff:a.b.c.d.
                    o.KnownProxies.Add(proxy.MapToIPv6());
                }
            }
        });
        if (database.Provider != DatabaseProvider.Postgres)
        {
            // SQLite serves one process: nothing to share.
            return;
        }

        services.AddSingleton<ClusterChangeFeed>();
        services.AddSingleton<InstancePresence>();
        if (options.SharedRateLimits)
        {
            services.AddSingleton<SharedRateCounts>();
            services.AddSingleton<RateLimitWindowStore>();
        }

        services.AddHostedService<ClusterSyncWorker>();
    }

    /// <summary>First in the pipeline, and only when proxies are configured: the client's address and scheme as the proxy saw them.</summary>
    public static void UseCertaForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ClusterOptions>().KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
    }
}
