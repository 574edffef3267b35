using System.Diagnostics;
using Certa.Domain.Access;
using Certa.Domain.Audit;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Supervision.FollowUps;
using Certa.Infrastructure.Audits;
using Certa.Infrastructure.Certification;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Signing;
using Certa.Infrastructure.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.DevData;

/// <summary>
/// <c>certa dev generate</c>: fills a database with a synthetic registry — holders with regions and factories, certificates
/// of the real catalogue by the registry's real bodies, their lives, signed credentials, audit events on the chain and the
/// transparency log — in batches of bounded size, each batch one transaction written with the provider's bulk path. The
/// same seed gives the same registry (ids, numbers, holders, lives); keys are fresh secrets, so signatures differ.
/// </summary>
public sealed class DevRegistryGenerator(CertaDbContext db, OrganisationCommands organisations, PeopleCommands people, AuditorCommands auditors, BodyKeys keys,
    IssuerIdentity identity, LogKey logKey, LogSequencer sequencer, CertificationData data, FollowUpRules followUps, Supervision.Watches.CertificateWatchRebuild watches, TimeProvider clock)
{
    private const string SchemeId = "ccc";

    public async Task<GenerateReport> GenerateAsync(GenerateOptions options, string dataDirectory, Action<string> progress, CancellationToken ct)
    {
        if (options.Certificates is < 1 or > GenerateOptions.MaxCertificates)
        {
            throw DomainException.Invalid("certificates-invalid", $"Generate 1 to {GenerateOptions.MaxCertificates:N0} certificates, not {options.Certificates}.", "certificates");
        }

        await RefuseNonEmptyAsync(options, ct);
        // Current before the first batch: each generated certificate brings its own watch, made under these rules.
        await watches.EnsureCurrentAsync(ct);
        var file = SyntheticRegistryFile.Read(dataDirectory);
        var clockWatch = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var who = new CommandContext(Actor.CommandLine(Environment.UserName), $"dev-generate-{options.Seed}-{now:yyyyMMddHHmmss}");
        var scheme = await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SchemeId, ct)
            ?? throw DomainException.Conflict("scheme-missing", $"Scheme '{SchemeId}' is not in the database: run 'certa import' first.");
        var bodies = await SyntheticBody.PrepareAsync(db, organisations, keys, identity, (people, auditors), who, SchemeId, options.Bodies,
            new DateTimeOffset(today.AddYears(-7).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), today, ct);
        var seeds = bodies.ToDictionary(b => b.Id, b => keys.PrivateSeed(b.Key));
        try
        {
            // Whatever certificate events are already on the trail go in the log first, so generated leaves follow them.
            await sequencer.CatchUpAsync(ct);
            var append = options.Append;
            var numbering = new Numbering(await data.NumberPatternAsync(db, SchemeId, ct), bodies.Select(b => b.RegistryId),
                prefix => append ? LastStored(prefix) : null);
            var lives = new CertificateLives(file, numbering, SchemeId, Math.Min(scheme.ValidityYears ?? 5, 5), followUps.For(SchemeId), now, who.CorrelationId);
            using var signer = new CredentialBatch(identity, scheme.Name, scheme.Mark is { IsEmpty: false } mark ? mark : null, seeds);
            var writer = new BatchWriter(db);
            var random = new Random(options.Seed);
            var holderPrefix = $"dev{options.Seed}-";
            var holdersFrom = await db.Organisations.CountAsync(o => o.Id.StartsWith(holderPrefix), ct);
            var holderCount = Math.Max(10, options.Certificates / 40);
            var batchSize = options.BatchSize ?? (db.Database.IsNpgsql() ? 20_000 : 10_000);
            var chain = await AuditChainTail.ReadAsync(db, ct);
            var log = await LogTail.ReadAsync(db, logKey, ct);
            var holders = new List<SyntheticHolder>(holderCount);
            long certificates = 0, credentials = 0, events = 0, entries = 0, rows = 0;

            // Holders first, in batches of their own: certificates point at them.
            while (holders.Count < holderCount)
            {
                var batch = new GeneratedBatch();
                for (var i = 0; i < batchSize && holders.Count < holderCount; i++)
                {
                    var holder = SyntheticHolders.Make(file, random, holdersFrom + holders.Count + 1, holderPrefix, now.AddYears(-7));
                    holders.Add(holder);
                    batch.Organisations.Add(holder.Organisation);
                    PendingAudit.Take(holder.Organisation, who.Actor.AuditName, who.CorrelationId, now, batch.Pending);
                }

                chain.Chain(batch);
                await writer.WriteAsync(batch, ct);
                events += batch.AuditEvents.Count;
                rows += batch.Rows;
            }

            // Each batch is written while the next is made: the database and the signing share the cores instead of taking
            // turns. Appending looks up the last stored numbers as it goes, so it waits for each write instead.
            var written = Task.CompletedTask;
            GeneratedBatch? inFlight = null;
            long made = 0;
            while (made < options.Certificates)
            {
                if (append)
                {
                    await written;
                }

                var batch = new GeneratedBatch();
                while (batch.Certificates.Count < batchSize && made + batch.Certificates.Count < options.Certificates)
                {
                    // CQC, the first body, issues about half; a few holders hold many certificates, most hold a few.
                    var body = bodies[random.NextDouble() < 0.5 ? 0 : random.Next(bodies.Count)];
                    var holder = holders[(int)(holders.Count * Math.Pow(random.NextDouble(), 2))];
                    lives.Live(random, body, holder, batch);
                }

                signer.Sign(batch, random);
                chain.Chain(batch);
                log.Append(batch, clock.GetUtcNow());
                made += batch.Certificates.Count;
                await written;
                Count(inFlight);
                inFlight = batch;
                written = Task.Run(() => writer.WriteAsync(batch, ct), ct);
            }

            await written;
            Count(inFlight);

            void Count(GeneratedBatch? batch)
            {
                if (batch is null)
                {
                    return;
                }

                certificates += batch.Certificates.Count;
                credentials += batch.Credentials.Count;
                events += batch.AuditEvents.Count;
                entries += batch.LogEntries.Count;
                rows += batch.Rows;
                progress($"{certificates:N0} / {options.Certificates:N0} certificates, {events:N0} audit events, {entries:N0} log entries, "
                    + $"{certificates / clockWatch.Elapsed.TotalSeconds:N0} certificates/s");
            }

            await writer.FinishAsync(ct);
            return new GenerateReport(bodies.Count, holders.Count, certificates, credentials, events, entries, clockWatch.Elapsed) { Rows = rows };
        }
        finally
        {
            foreach (var seed in seeds.Values)
            {
                Array.Clear(seed);
            }
        }
    }

    /// <summary>Refuses a database that holds certificates already, unless the caller asked to append.</summary>
    public async Task RefuseNonEmptyAsync(GenerateOptions options, CancellationToken ct)
    {
        if (!options.Append && await db.Certificates.AnyAsync(ct))
        {
            throw DomainException.Conflict("database-not-empty",
                $"The database already holds {await db.Certificates.LongCountAsync(ct):N0} certificates; generate into an empty one, or pass --append to add to it.");
        }
    }

    private string? LastStored(string prefix) =>
        db.Certificates.AsNoTracking().Where(c => c.SchemeId == SchemeId && c.Number.StartsWith(prefix))
            .OrderByDescending(c => c.Number).Select(c => c.Number).FirstOrDefault();
}
