using System.CommandLine;
using Certa.Domain.Access;
using Certa.Infrastructure.Demo;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.ReferenceData;
using Certa.Infrastructure.Signing;
using Certa.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Certa.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create(GlobalOptions global)
    {
        var demo = new Option<bool>("--demo") { Description = "Load the reference registry and the demo world (data/demo/world.yaml: one organisation of each kind, one person per role) and, on an empty database, the demo certificates with their history (data/demo/certificates.yaml); new people's passwords are printed once." };
        var urls = new Option<string?>("--urls") { Description = $"Address(es) to listen on (default {CertaWebApp.DefaultUrl})." };
        var command = new Command("serve", "Run the Certa web application and API; migrates the database and loads the registry on first start.")
        {
            demo, urls,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var overrides = global.Overrides(parse);
            string? publicUrl = null;
            if (parse.GetValue(urls) is { } listen)
            {
                overrides["urls"] = listen;
                // Credentials and QR codes name where Certa is reached; without a configured public URL, the address it listens on.
                var first = listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
                if (first is not null && !first.Contains('*') && !first.Contains("+:") && !first.Contains("0.0.0.0"))
                {
                    publicUrl = first;
                }
            }

            await using var app = CertaWebApp.Build([], builder =>
            {
                builder.Configuration.AddInMemoryCollection(overrides);
                if (publicUrl is not null && string.IsNullOrEmpty(builder.Configuration["Certa:Signing:PublicUrl"]))
                {
                    builder.Configuration.AddInMemoryCollection([new("Certa:Signing:PublicUrl", publicUrl)]);
                }
            });
            await PrepareDatabaseAsync(app, parse.GetValue(demo), ct);
            await app.StartAsync(ct);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.WriteLine($"Certa is running at {address}  (API reference: {address}/docs; stop with Ctrl+C)");
            }

            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task PrepareDatabaseAsync(WebApplication app, bool demo, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var applied = await DatabaseMaintenance.MigrateAsync(db, ct);
        if (applied.Count > 0)
        {
            Console.WriteLine($"Database migrated: {string.Join(", ", applied)}");
        }

        // Before serving: a read should never be the one that makes the supervision watches (a database from before them, or
        // follow-up rules changed since they were made).
        if (await app.Services.GetRequiredService<Infrastructure.Supervision.Watches.CertificateWatchRebuild>().EnsureCurrentAsync(ct) is > 0 and var made)
        {
            Console.WriteLine($"Supervision watches made for {made:N0} live certificates.");
        }

        var dataDirectory = ReferenceDataLocator.Locate(app.Configuration["Certa:ReferenceData"]);
        var report = demo
            ? await new RegistryImporter(db, clock).ImportAsync(ReferenceDataReader.Read(dataDirectory), dryRun: false, ct, Infrastructure.Audit.AuditLog.CommandLineActor)
            : await DatabaseMaintenance.ImportIfEmptyAsync(db, dataDirectory, clock, ct);
        if (report is not null)
        {
            Console.WriteLine(report.HasChanges
                ? $"Registry loaded from {dataDirectory}: {report.Summary}"
                : $"Registry is current with {dataDirectory}.");
        }

        if (demo)
        {
            var credentials = await scope.ServiceProvider.GetRequiredService<DemoWorld>().SeedAsync(dataDirectory, CommandContext.CommandLine(), ct);
            PrintCredentials(credentials);
            var certificates = await scope.ServiceProvider.GetRequiredService<DemoCertificates>()
                .SeedAsync(dataDirectory, CommandContext.CommandLine(), clock.GetUtcNow(), ct);
            PrintCertificates(certificates, scope.ServiceProvider.GetRequiredService<SigningOptions>().PublicUrl.TrimEnd('/'));
        }
    }

    private static void PrintCredentials(IReadOnlyList<DemoCredential> credentials)
    {
        if (credentials.Count == 0)
        {
            Console.WriteLine("Demo world is present; its passwords were printed when it was created (they are not stored in clear).");
            return;
        }

        Console.WriteLine();
        Console.WriteLine("Demo world created. Sign in at /account/login with these (shown once, not stored in clear):");
        var width = credentials.Max(c => c.Email.Length);
        foreach (var c in credentials)
        {
            Console.WriteLine($"  {c.Email.PadRight(width)}  {c.Password}  {c.Organisation,-18} {string.Join(", ", c.Roles.Select(r => r.Name()))}");
        }

        Console.WriteLine();
    }

    private static void PrintCertificates(DemoCertificateSeeding seeding, string publicUrl)
    {
        if (seeding.Certificates.Count == 0)
        {
            Console.WriteLine($"Demo certificates were not issued: the database already held certificates (see {DemoCertificates.FileName}).");
            return;
        }

        Console.WriteLine(seeding.Created
            ? $"Demo certificates issued with their history ({DemoCertificates.FileName}; invented). Verify them at:"
            : "Demo certificates to verify:");
        var width = seeding.Certificates.Max(c => c.Number.Length);
        var productWidth = seeding.Certificates.Max(c => c.Product.Length + 1 + c.MainModel.Length);
        foreach (var c in seeding.Certificates)
        {
            var state = Domain.Common.SnakeCaseNames.Of(c.State.ToString());
            Console.WriteLine($"  {c.Number.PadRight(width)}  {state,-10}  {$"{c.Product} {c.MainModel}".PadRight(productWidth)}  {publicUrl}/verify/{c.Number}");
        }

        Console.WriteLine();
    }
}
