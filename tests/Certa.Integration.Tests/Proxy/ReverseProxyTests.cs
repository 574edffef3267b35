using System.Net;
using Certa.Proxy;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Certa.Integration.Tests.Proxy;

/// <summary>
/// The reverse proxy (src/Certa.Proxy) in process over two small Kestrel backends: it balances over both, tells each who the
/// client was, and keeps answering when one backend stops. Health probes are slowed to a minute so that the stopped
/// backend is found out by the request that meets it (retried elsewhere, then ejected), not by the probe.
/// </summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private TinyBackend first = null!;
    private TinyBackend second = null!;
    private WebApplication proxy = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        first = await TinyBackend.StartAsync("one");
        second = await TinyBackend.StartAsync("two");
        var options = ProxyOptions.Of("http://127.0.0.1:0", [first.Address.ToString(), second.Address.ToString()]) with
        {
            HealthInterval = TimeSpan.FromMinutes(1),
            ReactivationPeriod = TimeSpan.FromMinutes(1),
        };
        proxy = ProxyApp.Build(options, b => b.Logging.ClearProviders());
        await proxy.StartAsync();
        client = new HttpClient { BaseAddress = Addresses.Of(proxy) };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await proxy.DisposeAsync();
        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    [Fact]
    public async Task Requests_AreSpreadOverBothBackends()
    {
        var names = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            names.Add((await WhoAsync()).Name);
        }

        names.ShouldBe(["one", "two"], ignoreOrder: true);
    }

    [Fact]
    public async Task Backend_ReceivesTheClientAddressAndTheOriginalHostAndScheme()
    {
        var answer = await WhoAsync();

        answer.ForwardedFor.ShouldBe("127.0.0.1");
        answer.ForwardedProto.ShouldBe("http");
        answer.ForwardedHost.ShouldBe(client.BaseAddress!.Authority);
    }

    [Fact]
    public async Task Backend_NeverSeesAForwardedForTheClientMadeUp()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/who");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        var answer = Who.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync());

        answer.ForwardedFor.ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task StoppedBackend_EveryGetStillSucceedsOnTheOther()
    {
        await second.StopAsync();

        var statuses = new List<HttpStatusCode>();
        var names = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync("/who");
            statuses.Add(response.StatusCode);
            names.Add(Who.Parse(await response.Content.ReadAsStringAsync()).Name);
        }

        statuses.ShouldAllBe(s => s == HttpStatusCode.OK);
        names.ShouldBe(["one"]);
    }

    [Fact]
    public async Task StoppedBackend_APostIsNotRepeatedElsewhere()
    {
        await second.StopAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            // The first POST meets whichever backend is next; only the one sent to the stopped backend fails, and it is not resent.
            using var response = await client.PostAsync("/who", content: null);
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldContain(HttpStatusCode.BadGateway);
    }

    private async Task<Who> WhoAsync() => Who.Parse(await client.GetStringAsync("/who"));

    private sealed record Who(string Name, string ForwardedFor, string ForwardedProto, string ForwardedHost)
    {
        public static Who Parse(string text) => text.Split('|') is [var name, var @for, var proto, var host]
            ? new Who(name, @for, proto, host)
            : throw new InvalidOperationException($"Not an answer from /who: '{text}'");
    }
}
