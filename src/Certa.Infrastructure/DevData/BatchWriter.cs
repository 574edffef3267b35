using Certa.Domain.Audit;
using Certa.Domain.Certificates;
using Certa.Domain.Organisations;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Certificates.Search;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Transparency;
using Certa.Infrastructure.Transparency.Merkle;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.DevData;

/// <summary>
/// Writes each batch in one transaction, holding the locks the audit trail and the log sequencer take on PostgreSQL, after
/// checking nobody else wrote to either since the previous batch (the chain and the tree would fork). SQLite runs with
/// the generator's own pragmas: no fsync a commit (a crash loses the batch being written, which is all a rerun needs).
/// </summary>
internal sealed class BatchWriter(CertaDbContext db)
{
    private readonly RowSink sink = RowSink.For(db);
    private readonly EntityRows organisations = EntityRows.Of<Organisation>(db);
    private readonly EntityRows certificates = EntityRows.Of<Certificate>(db);
    private readonly EntityRows models = EntityRows.Of<CertificateModelKey>(db);
    private readonly EntityRows inspections = EntityRows.Of<Inspection>(db);
    private readonly EntityRows watches = EntityRows.Of<Supervision.Watches.CertificateWatch>(db);
    private readonly EntityRows credentials = EntityRows.Of<IssuedCredential>(db);
    private readonly EntityRows events = EntityRows.Of<AuditEvent>(db);
    private readonly EntityRows entries = EntityRows.Of<LogEntry>(db);
    private readonly EntityRows nodes = EntityRows.Of<LogNode>(db);
    private readonly EntityRows heads = EntityRows.Of<LogTreeHead>(db);
    private bool prepared;

    public async Task WriteAsync(GeneratedBatch batch, CancellationToken ct)
    {
        await PrepareAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The audit lock first, then the sequencer's: the order every other writer takes them in.
        await Audit.AuditLog.LockAsync(db, ct);
        await Transparency.LogSequencer.LockAsync(db, ct);

        await CheckTailsAsync(batch, ct);
        await sink.WriteAsync(organisations, batch.Organisations, ct);
        await sink.WriteAsync(certificates, batch.Certificates, ct);
        await sink.WriteAsync(models, batch.Certificates.SelectMany(CertificateModelKeys.Of), ct);
        await sink.WriteAsync(credentials, batch.Credentials, ct);
        await sink.WriteAsync(inspections, batch.Inspections, ct);
        await sink.WriteAsync(watches, batch.Watches, ct);
        await sink.WriteAsync(events, batch.AuditEvents, ct);
        await sink.WriteAsync(entries, batch.LogEntries, ct);
        await sink.WriteAsync(nodes, batch.LogNodes.Select(n => new LogNode(n.Level, n.Index, n.Hash)), ct);
        await sink.WriteAsync(heads, batch.TreeHeads, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Leaves the database as the application expects it: statistics for the planner.</summary>
    public async Task FinishAsync(CancellationToken ct) => await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);

    private async Task PrepareAsync(CancellationToken ct)
    {
        if (prepared)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
            ? "SET synchronous_commit = off"
            : "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY", ct);
        prepared = true;
    }

    private async Task CheckTailsAsync(GeneratedBatch batch, CancellationToken ct)
    {
        var trail = await db.AuditEvents.AsNoTracking().MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        if (batch.AuditEvents.Count > 0 && trail != batch.AuditEvents[0].Sequence - 1)
        {
            throw new InvalidOperationException(
                $"The audit trail has {trail} events, but this batch follows event {batch.AuditEvents[0].Sequence - 1}: something else writes to this database. Generate only into a database nothing else uses.");
        }

        var log = await db.LogTreeHeads.MaxAsync(h => (long?)h.TreeSize, ct) ?? 0;
        if (batch.LogEntries.Count > 0 && log != batch.LogEntries[0].Index)
        {
            throw new InvalidOperationException(
                $"The transparency log has {log} entries, but this batch follows entry {batch.LogEntries[0].Index}: something else writes to this database.");
        }
    }
}
