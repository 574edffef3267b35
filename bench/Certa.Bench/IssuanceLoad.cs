using System.Diagnostics;
using Certa.Domain.Certificates;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Certificates.Documents;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.Demo;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.ReferenceData;
using Certa.Testing;
using Certa.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Certa.Bench;

/// <summary>
/// Issuing certificates as the issue counts it: the verifiable credential built and signed, and both PDFs
/// (English, Chinese) rendered. First the work alone (no database), on one thread and on every core; then
/// end to end through Certa's services on a real database: number, status index, certificate, signed
/// credential and audit entry committed, and both PDFs rendered from what was stored.
/// </summary>
internal static class IssuanceLoad
{
    public static async Task RunAsync(DatabaseProvider provider, int certificates)
    {
        Pipeline(certificates);
        await EndToEndAsync(provider, Math.Min(certificates, 2000));
    }

    private static void Pipeline(int certificates)
    {
        var pair = Ed25519.Generate();
        var facts = Enumerable.Range(0, certificates).Select(i => SampleCertificate.Facts($"2026010902{i:D6}")).ToList();
        void Issue(CertificateFacts f)
        {
            var credential = CertificateCredential.Build(f, SampleCertificate.Issuer, []);
            DataIntegrityProof.Sign(credential, pair.PrivateSeed, SampleCertificate.VerificationMethod, DateTimeOffset.UtcNow);
            CertificatePdf.Render(f, "en");
            CertificatePdf.Render(f, "zh");
        }

        facts.Take(50).ToList().ForEach(Issue);
        var one = Stopwatch.StartNew();
        facts.ForEach(Issue);
        one.Stop();
        var all = Stopwatch.StartNew();
        Parallel.ForEach(facts, Issue);
        all.Stop();
        Console.WriteLine($"pipeline (VC built + signed, PDF en + zh), {certificates} certificates:");
        Console.WriteLine($"  one thread: {certificates / one.Elapsed.TotalSeconds:F0} certificates/s ({one.Elapsed.TotalMilliseconds / certificates:F2} ms each)");
        Console.WriteLine($"  Parallel on {Environment.ProcessorCount} cores: {certificates / all.Elapsed.TotalSeconds:F0} certificates/s");
    }

    private static async Task EndToEndAsync(DatabaseProvider provider, int certificates)
    {
        var ct = CancellationToken.None;
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = database.Settings();
        settings["Serilog:MinimumLevel:Default"] = "Warning";
        var app = CertaWebApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Environment.EnvironmentName = Environments.Production;
        });
        var services = app.Services;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            await DatabaseMaintenance.MigrateAsync(db, ct);
            await new RegistryImporter(db, TimeProvider.System).ImportAsync(ReferenceDataReader.Read(CertaTestApp.RepositoryDataDirectory), dryRun: false, ct);
            await scope.ServiceProvider.GetRequiredService<DemoWorld>().SeedAsync(CertaTestApp.RepositoryDataDirectory, CommandContext.CommandLine(), ct);
        }

        async Task IssueAsync()
        {
            var certificate = await CertificateSeed.IssueAsync(services);
            await using var scope = services.CreateAsyncScope();
            var documents = scope.ServiceProvider.GetRequiredService<CertificateDocuments>();
            await documents.PdfAsync(certificate, "en", ct);
            await documents.PdfAsync(certificate, "zh", ct);
        }

        for (var i = 0; i < 20; i++)
        {
            await IssueAsync();
        }

        var sequential = Stopwatch.StartNew();
        for (var i = 0; i < certificates; i++)
        {
            await IssueAsync();
        }

        sequential.Stop();
        Console.WriteLine($"{provider}, end to end (number, certificate, signed credential, audit entry committed; PDF en + zh), {certificates} certificates:");
        Console.WriteLine($"  one at a time: {certificates / sequential.Elapsed.TotalSeconds:F0} certificates/s ({sequential.Elapsed.TotalMilliseconds / certificates:F1} ms each)");

        // Two issuers at once race for numbers and status indexes; the loser of a race retries, as the commands do.
        var retries = 0;
        var parallel = Stopwatch.StartNew();
        await Parallel.ForAsync(0, certificates, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (_, _) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await IssueAsync();
                    return;
                }
                catch (DbUpdateException) when (attempt < 5)
                {
                    Interlocked.Increment(ref retries);
                }
            }
        });
        parallel.Stop();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            var count = await db.Certificates.CountAsync(ct);
            var credentials = await db.IssuedCredentials.CountAsync(ct);
            Console.WriteLine($"  {Environment.ProcessorCount} at a time: {certificates / parallel.Elapsed.TotalSeconds:F0} certificates/s ({retries} retries after number races); " +
                $"{count} certificates, {credentials} credentials stored");
        }
    }
}
