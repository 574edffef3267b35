using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Transparency.Merkle;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Transparency;

/// <summary>
/// Brings the log up to the audit trail: appends every certificate event not yet logged, in audit order, with the tree
/// nodes it completes, and signs the new tree head — all in one transaction, so the log never shows a leaf without its
/// nodes or a head without its leaves. One sequencer at a time (SQLite's writer lock; an advisory lock on PostgreSQL).
/// </summary>
public sealed class LogSequencer(CertaDbContext db, LogKey key, TimeProvider clock)
{
    public const int Batch = 5_000;

    /// <summary>The PostgreSQL advisory lock that lets one sequencer append at a time.</summary>
    public const long LockKey = 2026112708;

    /// <summary>Takes the sequencer's lock to the end of the open transaction.</summary>
    public static Task LockAsync(CertaDbContext db, CancellationToken ct) => TransactionLock.TakeAsync(db, LockKey, ct);

    /// <summary>Appends up to <see cref="Batch"/> events; returns how many (0 when the log is up to date).</summary>
    public async Task<int> SequenceAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, ct);

        // Each append signs a head in the same transaction, so the largest head is the log's size.
        var size = await db.LogTreeHeads.MaxAsync(h => (long?)h.TreeSize, ct) ?? 0;
        var lastLogged = size == 0 ? 0 : await db.LogEntries.Where(e => e.Index == size - 1).Select(e => e.AuditSequence).SingleAsync(ct);
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Sequence > lastLogged && e.EntityType == "certificate")
            .OrderBy(e => e.Sequence).Take(Batch).ToListAsync(ct);
        if (events.Count == 0)
        {
            return 0;
        }

        var ids = events.Select(e => Guid.Parse(e.EntityId)).Distinct().ToList();
        var certificates = await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.BodyId }).ToDictionaryAsync(c => c.Id, ct);
        var appender = new FrontierAppender(size, await NodesAsync(FrontierAppender.Frontier(size), ct));
        var now = clock.GetUtcNow();
        var entries = new List<LogEntry>(events.Count);
        foreach (var e in events)
        {
            var certificate = certificates[Guid.Parse(e.EntityId)];
            var leaf = LogLeaf.Build(e, certificate.Number, certificate.BodyId);
            var leafHash = MerkleHash.LeafHash(LogLeaf.Bytes(leaf));
            entries.Add(new LogEntry(appender.Size, e.Sequence, certificate.Number, leaf, leafHash, now));
            appender.Append(leafHash);
        }

        await new LogRowWriter(db).WriteAsync(entries, appender.Added, ct);
        db.LogTreeHeads.Add(LogTreeHead.Sign(appender, key, now));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return events.Count;
    }

    /// <summary>Appends until the log has every certificate event; returns how many.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        var total = 0;
        int appended;
        do
        {
            appended = await SequenceAsync(ct);
            total += appended;
        }
        while (appended == Batch);
        return total;
    }

    private async Task<IReadOnlyList<MerkleNode>> NodesAsync(IReadOnlyList<(int Level, long Index)> wanted, CancellationToken ct) =>
        await LogNodeReads.ReadAsync(db, wanted, ct);
}
