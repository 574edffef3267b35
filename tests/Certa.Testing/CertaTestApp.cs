using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.ReferenceData;
using Certa.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Certa.Testing;

/// <summary>
/// The real Certa web application on a real Kestrel socket (127.0.0.1, a free port) over a
/// <see cref="TestDatabase"/>, migrated and loaded with the repository's reference data.
/// </summary>
public sealed class CertaTestApp : IAsyncDisposable
{
    private CertaTestApp(WebApplication app, TestDatabase database, Uri address)
    {
        App = app;
        Database = database;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }

    public TestDatabase Database { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>The clone's root: the directory holding <c>Certa.slnx</c>, above the test's build output.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string RepositoryDataDirectory => Path.Combine(RepositoryRoot, "data");

    public static async Task<CertaTestApp> StartAsync(DatabaseProvider provider, bool importData = true)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var settings = database.Settings();
        settings["urls"] = "http://127.0.0.1:0";
        settings["Serilog:MinimumLevel:Default"] = "Warning";
        var app = CertaWebApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Environment.EnvironmentName = Environments.Production;
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            await DatabaseMaintenance.MigrateAsync(db, CancellationToken.None);
            if (importData)
            {
                await new RegistryImporter(db, TimeProvider.System)
                    .ImportAsync(ReferenceDataReader.Read(RepositoryDataDirectory), dryRun: false, CancellationToken.None);
            }
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CertaTestApp(app, database, new Uri(address));
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Certa.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Certa.slnx above {AppContext.BaseDirectory}.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
