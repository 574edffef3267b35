using System.Diagnostics;
using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Signing;
using Certa.Infrastructure.Transparency;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Bench;

/// <summary>
/// Appending to the transparency log through the database: N certificate events are put in the audit trail (raw inserts —
/// the bench measures the log, not the audit chain), then the sequencer appends them all — leaf, completed nodes and a signed
/// tree head per batch of 5 000, one transaction each — and 2 000 inclusion and 2 000 consistency proofs are read back at the final size (one query each).
/// </summary>
internal static class LogAppendLoad
{
    public static async Task RunAsync(DatabaseProvider provider, int events)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddCertaDatabase(database.Options())
            .AddSingleton(new SigningOptions()).AddSingleton(new MasterKey(new SigningOptions { MasterKey = Convert.ToBase64String(new byte[32]) }, database.Options()))
            .AddSingleton<LogKey>().AddScoped<LogSequencer>().AddScoped<TransparencyLog>().BuildServiceProvider();
        var now = DateTimeOffset.UtcNow;
        Guid certificateId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            await DatabaseMaintenance.MigrateAsync(db, CancellationToken.None);
            db.Organisations.Add(Organisation.Create("bench-body", OrganisationKind.Applicant, new LocalizedText("Bench body"), null, "CN", now));
            db.Organisations.Add(Organisation.Create("bench-holder", OrganisationKind.Applicant, new LocalizedText("Bench holder"), null, "CN", now));
            var party = new Party(new LocalizedText("Bench holder"), new LocalizedText("1 Road"));
            var content = new CertificateContent("ccc", "bench-body", "bench-holder", party.Name, party.Address, party, party, "ccc.0902",
                ProductDetails.Of(new LocalizedText("Laptop"), "B1", [], null), ["GB 4943.1-2022"]);
            var certificate = Certificate.IssueRegistered(Guid.CreateVersion7(), "2026019999000001", content, 5, now, 0, "bench");
            certificateId = certificate.Id;
            db.Certificates.Add(certificate);
            await db.CommitAsync(new CommandContext(Actor.CommandLine("bench"), "bench"), now, CancellationToken.None);

            var insert = Stopwatch.StartNew();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            var q = provider == DatabaseProvider.Postgres ? "\"" : string.Empty;
            command.CommandText = $"INSERT INTO {q}AuditEvents{q} ({q}Sequence{q}, {q}OccurredAt{q}, {q}Actor{q}, {q}Organisation{q}, {q}Action{q}, {q}EntityType{q}, {q}EntityId{q}, {q}StateDigest{q}, {q}CorrelationId{q}, {q}Details{q}, {q}PreviousHash{q}, {q}Hash{q}) "
                + "VALUES (@s, @at, 'system', 'bench-body', 'certificate.suspended', 'certificate', @id, @h, 'bench', '{\"reason\":\"bench\"}', @h, @h)";
            var s = command.CreateParameter(); s.ParameterName = "s"; command.Parameters.Add(s);
            var at = command.CreateParameter(); at.ParameterName = "at"; command.Parameters.Add(at);
            var id = command.CreateParameter(); id.ParameterName = "id"; id.Value = certificateId.ToString(); command.Parameters.Add(id);
            var h = command.CreateParameter(); h.ParameterName = "h"; command.Parameters.Add(h);
            var first = await db.AuditEvents.MaxAsync(e => e.Sequence) + 1;
            for (var i = 0; i < events; i++)
            {
                s.Value = first + i;
                at.Value = provider == DatabaseProvider.Postgres ? now : now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff+00:00", System.Globalization.CultureInfo.InvariantCulture);
                h.Value = (first + i).ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            Console.WriteLine($"{provider}: {events} certificate events put in the audit trail in {insert.Elapsed.TotalSeconds:F1} s (setup, not measured)");
        }

        var append = Stopwatch.StartNew();
        int appended;
        await using (var scope = services.CreateAsyncScope())
        {
            appended = await scope.ServiceProvider.GetRequiredService<LogSequencer>().CatchUpAsync(CancellationToken.None);
        }

        append.Stop();
        Console.WriteLine($"log append: {appended} entries in {append.Elapsed.TotalSeconds:F2} s = {appended / append.Elapsed.TotalSeconds:F0} entries/s "
            + $"(batches of {LogSequencer.Batch}: leaf + completed nodes + signed tree head, one transaction each)");

        await using (var scope = services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<TransparencyLog>();
            var head = (await log.LatestHeadAsync(CancellationToken.None))!;
            var random = new Random(8);
            var inclusion = Percentiles(await TimeAsync(() => log.InclusionProofAsync(random.NextInt64(head.TreeSize), head.TreeSize, CancellationToken.None)));
            Console.WriteLine($"inclusion proof from the database at size {head.TreeSize} (one query): p50 {inclusion.P50:F3} ms, p99 {inclusion.P99:F3} ms");
            var consistency = Percentiles(await TimeAsync(() => log.ConsistencyProofAsync(1 + random.NextInt64(head.TreeSize - 1), head.TreeSize, CancellationToken.None)));
            Console.WriteLine($"consistency proof from the database to size {head.TreeSize} (one query): p50 {consistency.P50:F3} ms, p99 {consistency.P99:F3} ms");
        }
    }

    private static async Task<List<double>> TimeAsync(Func<Task<IReadOnlyList<byte[]>>> proof)
    {
        var latencies = new List<double>();
        for (var i = 0; i < 2000; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await proof();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    private static (double P50, double P99) Percentiles(List<double> latencies)
    {
        latencies.Sort();
        return (latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.99)]);
    }
}
