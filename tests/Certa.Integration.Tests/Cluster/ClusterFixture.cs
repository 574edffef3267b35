using Certa.Infrastructure.Persistence;
using Certa.Testing;

namespace Certa.Integration.Tests.Cluster;

/// <summary>
/// Two Certa instances on real Kestrel sockets and one PostgreSQL database, with the background work of production on: the
/// status-list and transparency-log rounds, the clustered Quartz scheduler and the cluster sync. A, started first, migrates the
/// database and seeds the demo world; B joins it. They share the data directory, hence the master key, as a deployment shares
/// <c>Certa:Signing:MasterKey</c>.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>Bulk requests an address may make a minute, across both instances: small, so the test reaches it.</summary>
    public const int BulkLimit = 10;

    private static readonly Dictionary<string, string?> Production = new()
    {
        ["Certa:Verification:BackgroundRounds"] = "true",
        ["Certa:Supervision:Scheduler"] = "true",
        // Each instance would otherwise run the round as it starts; the test fires the daily trigger itself.
        ["Certa:Supervision:RunAtStart"] = "false",
        ["Certa:RateLimits:AnonymousBulkPerMinute"] = BulkLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public CertaTestApp A { get; private set; } = null!;

    public CertaTestApp B { get; private set; } = null!;

    public TestDatabase Database => A.Database;

    public async Task InitializeAsync()
    {
        A = await CertaTestApp.StartAsync(DatabaseProvider.Postgres, demo: true, settings: Production);
        B = await CertaTestApp.StartAsync(DatabaseProvider.Postgres, importData: false, settings: new Dictionary<string, string?>(Production)
        {
            ["Certa:Database:ConnectionString"] = A.Database.ConnectionString,
            ["Certa:DataDirectory"] = A.Database.DataDirectory,
        });
    }

    public async Task DisposeAsync()
    {
        // B first: A's disposal drops the database they share.
        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
        }
    }

    /// <summary>A browser: one cookie jar for both instances (cookies are per host, not per port), no redirects followed.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = A.Address };
}
