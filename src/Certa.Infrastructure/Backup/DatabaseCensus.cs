using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Backup;

/// <summary>
/// What a database holds, in a form two databases can be compared by: row counts of the tables that carry Certa's facts, the
/// head of the audit chain and the transparency log's latest signed head. A restore must find the census of its backup.
/// </summary>
public sealed record DatabaseCensus(
    IReadOnlyDictionary<string, long> Counts,
    long? AuditHeadSequence,
    string? AuditHeadHash,
    long LogTreeSize,
    string? LogRootHash)
{
    public static async Task<DatabaseCensus> TakeAsync(CertaDbContext db, CancellationToken ct)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            ["applications"] = await db.Applications.LongCountAsync(ct),
            ["audit-events"] = await db.AuditEvents.LongCountAsync(ct),
            ["certificates"] = await db.Certificates.LongCountAsync(ct),
            ["credentials"] = await db.IssuedCredentials.LongCountAsync(ct),
            ["declarations"] = await db.Set<Domain.Declarations.Declaration>().LongCountAsync(ct),
            ["gmark-registrations"] = await db.GmarkRegistrations.LongCountAsync(ct),
            ["log-entries"] = await db.LogEntries.LongCountAsync(ct),
            ["log-tree-heads"] = await db.LogTreeHeads.LongCountAsync(ct),
            ["organisations"] = await db.Organisations.LongCountAsync(ct),
            ["people"] = await db.People.LongCountAsync(ct),
            ["signing-keys"] = await db.SigningKeys.LongCountAsync(ct),
            ["status-lists"] = await db.StatusLists.LongCountAsync(ct),
        };
        var audit = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var head = await db.LogTreeHeads.AsNoTracking().OrderByDescending(h => h.TreeSize).FirstOrDefaultAsync(ct);
        return new DatabaseCensus(counts, audit?.Sequence, audit?.Hash, head?.TreeSize ?? 0, head is null ? null : TransparencyLog.Hex(head.RootHash));
    }

    /// <summary>Each difference between this census (found) and <paramref name="expected"/>, in words; empty when they agree.</summary>
    public IReadOnlyList<string> DifferencesFrom(DatabaseCensus expected)
    {
        List<string> differences = [];
        foreach (var (table, count) in expected.Counts)
        {
            var found = Counts.TryGetValue(table, out var n) ? n : 0;
            if (found != count)
            {
                differences.Add($"{table}: {found} found, {count} in the backup");
            }
        }

        if (AuditHeadSequence != expected.AuditHeadSequence || AuditHeadHash != expected.AuditHeadHash)
        {
            differences.Add($"audit head: #{AuditHeadSequence} {AuditHeadHash ?? "(none)"} found, #{expected.AuditHeadSequence} {expected.AuditHeadHash ?? "(none)"} in the backup");
        }

        if (LogTreeSize != expected.LogTreeSize || LogRootHash != expected.LogRootHash)
        {
            differences.Add($"log head: size {LogTreeSize} root {LogRootHash ?? "(none)"} found, size {expected.LogTreeSize} root {expected.LogRootHash ?? "(none)"} in the backup");
        }

        return differences;
    }
}
