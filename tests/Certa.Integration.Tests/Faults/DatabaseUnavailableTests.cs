using System.Net;
using System.Text.Json;
using Certa.Infrastructure.Persistence;
using Certa.Testing;
using Npgsql;

namespace Certa.Integration.Tests.Faults;

/// <summary>
/// PostgreSQL goes away under a running Certa (the connection is cut between them): the API answers a 503 problem
/// "database-unavailable" with Retry-After, pages a readable 503 in English and Chinese, /health/ready says unhealthy; when the
/// database comes back the same process answers 200 again, without a restart.
/// </summary>
[Collection("postgres")]
public sealed class DatabaseUnavailableTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private TcpProxy proxy = null!;
    private CertaTestApp app = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        proxy = new TcpProxy(direct.Host!, direct.Port);
        proxy.Start();
        // A short connect timeout, so that a refused connection is seen at once rather than after the default 15 s.
        var throughProxy = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 };
        app = await CertaTestApp.StartAsync(DatabaseProvider.Postgres, settings: new Dictionary<string, string?>
        {
            ["Certa:Database:ConnectionString"] = throughProxy.ConnectionString,
            ["Certa:DataDirectory"] = database.DataDirectory,
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await proxy.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task WhenTheDatabaseGoesAway_TheApiAnswers503_ThePageSaysSo_ReadyIsUnhealthy_AndItRecoversWithoutRestart()
    {
        using (var before = await app.Client.GetAsync("/api/v1/schemes"))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK, await before.Content.ReadAsStringAsync());
        }

        proxy.Cut();

        using (var api = await app.Client.GetAsync("/api/v1/schemes"))
        {
            api.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            api.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
            using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
            problem.RootElement.GetProperty("status").GetInt32().ShouldBe(503);
            problem.RootElement.GetProperty("code").GetString().ShouldBe("database-unavailable");
            problem.RootElement.GetProperty("detail").GetString()!.ShouldContain("Nothing was saved");
        }

        using (var page = await app.Client.GetAsync("/schemes"))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var html = await page.Content.ReadAsStringAsync();
            html.ShouldContain("Database unavailable");
            html.ShouldContain("数据库暂时无法访问");
        }

        (await app.Client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        proxy.Start();

        // A pooled connection that sat idle through the cut fails on its first use and is dropped; a few requests use them up.
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 10 && statuses.LastOrDefault() != HttpStatusCode.OK; attempt++)
        {
            using var ready = await app.Client.GetAsync("/health/ready");
            statuses.Add(ready.StatusCode);
        }

        statuses.Last().ShouldBe(HttpStatusCode.OK, string.Join(", ", statuses));
        (await app.Client.GetAsync("/api/v1/schemes")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
