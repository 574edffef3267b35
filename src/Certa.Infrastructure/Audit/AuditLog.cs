using Certa.Domain.Audit;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Audit;

/// <summary>
/// Appends to the audit trail inside the caller's unit of work, so that the event is saved in the
/// same transaction as the change it records, or not at all. Nothing here updates or deletes.
/// </summary>
public static class AuditLog
{
    /// <summary>The PostgreSQL advisory lock that serialises audit commits.</summary>
    public const long LockKey = 2026112701;

    /// <summary>
    /// Takes the lock every commit holds to its end, so that two writers do not both read the same last event and chain onto
    /// it; others that must not interleave with commits (rebuilding the supervision watches) take it too.
    /// </summary>
    public static Task LockAsync(CertaDbContext db, CancellationToken ct) => TransactionLock.TakeAsync(db, LockKey, ct);

    public static async Task<AuditEvent> AppendAsync(CertaDbContext db, AuditEntry entry, DateTimeOffset at, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit events are appended inside the transaction of the change they record; none is open.");
        }

        await LockAsync(db, ct);

        // Events this unit of work has added and not yet saved come first. Events the context saved earlier are not the
        // chain's end: another instance or process may have appended since, so the chain is read again under the lock.
        var last = db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
                .OrderByDescending(e => e.Sequence).FirstOrDefault()
            ?? await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
        var next = AuditEvent.Next(last, entry, at);
        db.AuditEvents.Add(next);
        return next;
    }

    /// <summary>Walks the whole chain in order, a page at a time, and reports the first event that does not fit.</summary>
    public static async Task<ChainVerification> VerifyAsync(CertaDbContext db, CancellationToken ct)
    {
        var verifier = new AuditChainVerifier();
        long count = 0;
        string? lastHash = null;
        const int page = 1000;
        for (long after = 0; ; )
        {
            var events = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(page).ToListAsync(ct);
            foreach (var e in events)
            {
                if (verifier.Add(e) is { } problem)
                {
                    return new ChainVerification(count, lastHash, e.Sequence, problem);
                }

                count++;
                lastHash = e.Hash;
            }

            if (events.Count < page)
            {
                return new ChainVerification(count, lastHash, null, null);
            }

            after = events[^1].Sequence;
        }
    }

    /// <summary>The user a command line runs as, for events written by <c>certa</c> itself.</summary>
    public static string CommandLineActor => $"cli:{Environment.UserName}";
}
