using System.Diagnostics;
using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Audit;
using Certa.Infrastructure.Persistence;
using Certa.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Bench;

/// <summary>
/// The audit trail under load: commands that each save one change with its audit event in one
/// transaction (the web's pattern), then a walk of the whole chain as <c>certa audit verify</c> does.
/// </summary>
internal static class AuditLoad
{
    public static async Task RunAsync(DatabaseProvider provider, int commands)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection().AddCertaDatabase(database.Options()).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseMaintenance.MigrateAsync(scope.ServiceProvider.GetRequiredService<CertaDbContext>(), CancellationToken.None);
        }

        var who = new CommandContext(Actor.CommandLine("bench"), "bench");
        var latencies = new List<double>(commands);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < commands; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            var started = Stopwatch.GetTimestamp();
            db.Organisations.Add(Organisation.Create($"org-{i:D7}", OrganisationKind.Applicant, new LocalizedText($"Applicant {i}"), null, "CN", DateTimeOffset.UtcNow));
            await db.CommitAsync(who, DateTimeOffset.UtcNow, CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        total.Stop();
        latencies.Sort();
        double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        Console.WriteLine($"{provider}: {commands} commands (one change + one audit event each, one transaction each) in {total.Elapsed.TotalSeconds:F2} s " +
            $"= {commands / total.Elapsed.TotalSeconds:F0}/s; p50 {P(0.50):F2} ms, p99 {P(0.99):F2} ms, max {latencies[^1]:F2} ms");

        await using (var scope = services.CreateAsyncScope())
        {
            var verify = Stopwatch.StartNew();
            var result = await AuditLog.VerifyAsync(scope.ServiceProvider.GetRequiredService<CertaDbContext>(), CancellationToken.None);
            verify.Stop();
            Console.WriteLine($"{provider}: verify walked {result.Events} events in {verify.Elapsed.TotalSeconds:F2} s = {result.Events / verify.Elapsed.TotalSeconds:F0} events/s; intact: {result.Intact}");
        }

        await services.DisposeAsync();
    }
}
