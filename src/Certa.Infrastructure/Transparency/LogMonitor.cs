using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Transparency.Merkle;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Transparency;

/// <summary>One check the monitor made: what, whether it held, and the detail a reader needs.</summary>
public sealed record MonitorCheck(string Name, bool Passed, string Detail);

/// <summary>
/// Watches the log as an outsider would: rebuilds the tree from the leaves' own bytes, checks every signed tree head's
/// signature and root, proves the earlier head consistent with the latest, and checks that every certificate event of the
/// audit trail is in the log with the audit event's hash. It reads the stored nodes only to compare them with its own, and
/// reads leaves and audit events <paramref name="page"/> rows at a time, so memory stays bounded by the page and the tree.
/// </summary>
public sealed class LogMonitor(CertaDbContext db, TransparencyLog log, int page = LogMonitor.DefaultPage)
{
    public const int DefaultPage = 10_000;

    private readonly int page = page > 0 ? page : throw new ArgumentOutOfRangeException(nameof(page), page, "A page holds at least one row.");

    /// <summary>Runs every check; <paramref name="previousSize"/> is the size of the head seen last time (0: the first signed head).</summary>
    public async Task<IReadOnlyList<MonitorCheck>> CheckAsync(long previousSize, CancellationToken ct)
    {
        List<MonitorCheck> checks = [];
        var latest = await log.LatestHeadAsync(ct);
        if (latest is null)
        {
            var pending = await db.AuditEvents.CountAsync(e => e.EntityType == "certificate", ct);
            checks.Add(new MonitorCheck("log", pending == 0, pending == 0 ? "The log is empty and there are no certificate events yet." : $"The log is empty but {pending} certificate events exist."));
            return checks;
        }

        var heads = await db.LogTreeHeads.AsNoTracking().OrderBy(h => h.TreeSize).ToListAsync(ct);
        var tree = new MemoryMerkleStore();
        var badLeaves = 0;
        var headIndex = 0;
        var badHeads = new List<string>();
        for (long start = 0; start < latest.TreeSize; start += page)
        {
            var entries = await db.LogEntries.AsNoTracking().Where(e => e.Index >= start && e.Index < start + page).OrderBy(e => e.Index).ToListAsync(ct);
            foreach (var entry in entries)
            {
                var hash = MerkleHash.LeafHash(LogLeaf.Bytes(entry.Leaf));
                badLeaves += hash.AsSpan().SequenceEqual(entry.LeafHash) && entry.Index == tree.Size ? 0 : 1;
                tree.Append(hash);
                for (; headIndex < heads.Count && heads[headIndex].TreeSize == tree.Size; headIndex++)
                {
                    if (Problem(heads[headIndex], tree, log.PublicKey) is { } problem)
                    {
                        badHeads.Add(problem);
                    }
                }
            }

            if (entries.Count == 0)
            {
                break;
            }
        }

        checks.Add(new MonitorCheck("leaves", badLeaves == 0 && tree.Size == latest.TreeSize,
            badLeaves == 0 && tree.Size == latest.TreeSize
                ? $"{tree.Size} leaves rebuilt from their own bytes; each hash matches."
                : $"{badLeaves} leaves do not hash to their stored hash or are out of order; {tree.Size} of {latest.TreeSize} found."));
        checks.Add(new MonitorCheck("tree heads", badHeads.Count == 0 && headIndex == heads.Count,
            badHeads.Count == 0 && headIndex == heads.Count
                ? $"{heads.Count} signed tree heads: each signature verifies with the log key and each root is the rebuilt tree's."
                : string.Join("; ", badHeads.Take(5).DefaultIfEmpty($"{heads.Count - headIndex} heads name sizes the log does not reach"))));
        checks.Add(await ConsistencyAsync(heads, previousSize, latest, tree, ct));
        checks.Add(await CoverageAsync(latest, ct));
        return checks;
    }

    private async Task<MonitorCheck> ConsistencyAsync(IReadOnlyList<LogTreeHead> heads, long previousSize, LogTreeHead latest, MemoryMerkleStore tree, CancellationToken ct)
    {
        var first = previousSize > 0 ? heads.FirstOrDefault(h => h.TreeSize == previousSize) : heads[0];
        if (first is null)
        {
            return new MonitorCheck("consistency", false, $"The log has no signed head of size {previousSize}, the size seen last time: it was removed or never existed.");
        }

        var proof = await log.ConsistencyProofAsync(first.TreeSize, latest.TreeSize, ct);
        var ok = MerkleVerifier.VerifyConsistency(first.TreeSize, latest.TreeSize, first.RootHash, latest.RootHash, proof)
            && MerkleTree.Root(tree, first.TreeSize).AsSpan().SequenceEqual(first.RootHash);
        return new MonitorCheck("consistency", ok, ok
            ? $"The head of size {first.TreeSize} is consistent with the head of size {latest.TreeSize} ({proof.Count} proof hashes): the log only grew."
            : $"The head of size {first.TreeSize} is NOT consistent with the head of size {latest.TreeSize}: the log was rewritten.");
    }

    /// <summary>
    /// Walks the certificate events up to the last logged one in pages (keyset on the audit sequence), and for each page reads
    /// the log entries of the same sequence range: the log is appended in audit order, so both sides of a page are small.
    /// </summary>
    private async Task<MonitorCheck> CoverageAsync(LogTreeHead latest, CancellationToken ct)
    {
        var lastLogged = await db.LogEntries.AsNoTracking().Where(e => e.Index == latest.TreeSize - 1).Select(e => (long?)e.AuditSequence).SingleOrDefaultAsync(ct) ?? 0;
        long checkedEvents = 0, missing = 0, after = 0;
        long? firstMissing = null;
        while (true)
        {
            var from = after;
            var events = await db.AuditEvents.AsNoTracking()
                .Where(e => e.EntityType == "certificate" && e.Sequence > from && e.Sequence <= lastLogged)
                .OrderBy(e => e.Sequence).Take(page).Select(e => new { e.Sequence, e.Hash }).ToListAsync(ct);
            if (events.Count == 0)
            {
                break;
            }

            after = events[^1].Sequence;
            var to = after;
            var leaves = await db.LogEntries.AsNoTracking()
                .Where(e => e.AuditSequence > from && e.AuditSequence <= to && e.Index < latest.TreeSize)
                .Select(e => new { e.AuditSequence, e.Leaf }).ToDictionaryAsync(e => e.AuditSequence, e => e.Leaf, ct);
            foreach (var e in events.Where(e => !(leaves.TryGetValue(e.Sequence, out var leaf) && leaf.Contains(e.Hash, StringComparison.Ordinal))))
            {
                firstMissing ??= e.Sequence;
                missing++;
            }

            checkedEvents += events.Count;
        }

        var pending = await db.AuditEvents.CountAsync(e => e.EntityType == "certificate" && e.Sequence > lastLogged, ct);
        return new MonitorCheck("coverage", missing == 0, missing == 0
            ? $"All {checkedEvents} certificate events up to audit #{lastLogged} are in the log with their audit hash{(pending > 0 ? $"; {pending} newer events await the next merge" : string.Empty)}."
            : $"{missing} certificate events are missing from the log or logged with another hash (first: audit #{firstMissing}).");
    }

    private static string? Problem(LogTreeHead head, MemoryMerkleStore tree, byte[] publicKey)
    {
        if (!TreeHeadSignature.Verify(publicKey, head.Timestamp.ToUnixTimeMilliseconds(), head.TreeSize, head.RootHash, head.Signature))
        {
            return $"head {head.TreeSize}: the signature does not verify";
        }

        return MerkleTree.Root(tree, head.TreeSize).AsSpan().SequenceEqual(head.RootHash) ? null : $"head {head.TreeSize}: the root is not the tree's";
    }
}
