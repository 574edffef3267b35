using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Certa.Integration.Tests.Proxy;

/// <summary>A Kestrel server standing in for a Certa instance: ready on <c>/health/ready</c>, and <c>/who</c> answers its name and the forwarded headers it received.</summary>
internal sealed class TinyBackend : IAsyncDisposable
{
    private readonly WebApplication app;

    private TinyBackend(WebApplication app, string name)
    {
        this.app = app;
        Name = name;
    }

    public string Name { get; }

    public Uri Address => Addresses.Of(app);

    public static async Task<TinyBackend> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health/ready", () => "Healthy");
        app.MapGet("/who", (HttpRequest r) => $"{name}|{r.Headers["X-Forwarded-For"]}|{r.Headers["X-Forwarded-Proto"]}|{r.Headers["X-Forwarded-Host"]}");
        await app.StartAsync();
        return new TinyBackend(app, name);
    }

    public Task StopAsync() => app.StopAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();
}

internal static class Addresses
{
    public static Uri Of(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
