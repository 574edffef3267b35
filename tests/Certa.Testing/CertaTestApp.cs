using Certa.Infrastructure.Demo;
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

    /// <summary>The demo people's sign-ins, when the app was started with <c>demo: true</c>.</summary>
    public IReadOnlyList<DemoCredential> Demo { get; private set; } = [];

    /// <summary>The demo password of <paramref name="email"/>.</summary>
    public string PasswordOf(string email) =>
        Demo.FirstOrDefault(c => c.Email == email)?.Password ?? throw new InvalidOperationException($"{email} is not a demo person; start with demo: true.");

    /// <summary>
    /// Starts Certa. <paramref name="demo"/> also seeds <c>data/demo/world.yaml</c> (implies the
    /// registry import); <paramref name="settings"/> overrides configuration, e.g. the sign-in rate limit; <paramref name="services"/>
    /// registers services ahead of the app's own, e.g. a clock the test moves.
    /// </summary>
    public static async Task<CertaTestApp> StartAsync(DatabaseProvider provider, bool importData = true, bool demo = false,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        // A test with its own services (e.g. a clock) seeds with them, and one that names its own database prepares that one;
        // every other test gets a copy of one prepared database.
        var own = services is not null
            || (settings?.Keys.Any(k => k.StartsWith("Certa:Database:", StringComparison.Ordinal) || k == "Certa:DataDirectory") ?? false);
        var (database, credentials) = own
            ? (await TestDatabase.CreateAsync(provider), (IReadOnlyList<DemoCredential>)[])
            : await PreparedDatabases.CopyAsync(provider, importData, demo, d => PrepareAsync(d, importData, demo));
        var app = Build(database, settings, services);
        if (own)
        {
            credentials = await PrepareAsync(app, importData, demo);
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CertaTestApp(app, database, new Uri(address)) { Demo = credentials };
    }

    private static WebApplication Build(TestDatabase database, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        var configuration = database.Settings();
        configuration["urls"] = "http://127.0.0.1:0";
        configuration["Serilog:MinimumLevel:Default"] = "Warning";
        // Tests sign in many times from one address; the limit itself is tested with a low value.
        configuration["Certa:Security:SignInAttemptsPerMinute"] = "10000";
        // Tests run the mail outbox themselves (MailOutbox.SendDueAsync) rather than wait for its timer.
        configuration["Certa:Mail:PollSeconds"] = "86400";
        // Tests publish status lists and append to the log themselves (StatusListPublisher, LogSequencer), and call the
        // public endpoints far more often than a person would; the limits and the background rounds are tested on purpose.
        configuration["Certa:Verification:BackgroundRounds"] = "false";
        configuration["Certa:RateLimits:AnonymousPerMinute"] = "1000000";
        configuration["Certa:RateLimits:AnonymousBulkPerMinute"] = "100000";
        // Tests run supervision rounds themselves (SupervisionRound); the scheduler is tested on purpose.
        configuration["Certa:Supervision:Scheduler"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        return CertaWebApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Environment.EnvironmentName = Environments.Production;
            services?.Invoke(builder.Services);
        });
    }

    /// <summary>Prepares a template database: an app that is built, migrates and seeds, and is disposed without serving.</summary>
    private static async Task<IReadOnlyList<DemoCredential>> PrepareAsync(TestDatabase database, bool importData, bool demo)
    {
        await using var app = Build(database, null, null);
        var credentials = await PrepareAsync(app, importData, demo);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        return credentials;
    }

    private static async Task<IReadOnlyList<DemoCredential>> PrepareAsync(WebApplication app, bool importData, bool demo)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        await DatabaseMaintenance.MigrateAsync(db, CancellationToken.None);
        // As `certa serve` does before serving: a read never makes the supervision watches.
        await app.Services.GetRequiredService<Certa.Infrastructure.Supervision.Watches.CertificateWatchRebuild>().EnsureCurrentAsync(CancellationToken.None);
        if (importData || demo)
        {
            await new RegistryImporter(db, TimeProvider.System)
                .ImportAsync(ReferenceDataReader.Read(RepositoryDataDirectory), dryRun: false, CancellationToken.None);
        }

        return demo
            ? await scope.ServiceProvider.GetRequiredService<DemoWorld>().SeedAsync(RepositoryDataDirectory, CommandContext.CommandLine(), CancellationToken.None)
            : [];
    }

    /// <summary>
    /// A client signed in as <paramref name="email"/> through the real sign-in form (anti-forgery
    /// token and all), holding the session cookie. Fails if the sign-in does not succeed.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string email, string? password = null)
    {
        var client = NewBrowserlikeClient();
        var response = await PostSignInAsync(client, email, password ?? PasswordOf(email));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}, not a redirect.");
        }

        return client;
    }

    /// <summary>A client with its own cookie jar that does not follow redirects.</summary>
    public HttpClient NewBrowserlikeClient() =>
        new(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };

    /// <summary>Posts the sign-in form as a browser would: GET for the token, then POST.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The anti-forgery token of the form on <paramref name="path"/> (the client keeps the matching cookie).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No anti-forgery token on {path}.");
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
