using Certa.Domain.Common;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Transparency.Merkle;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Transparency;

/// <summary>
/// Reads the certificate transparency log: signed tree heads, entries, and inclusion and consistency proofs (RFC 9162 §2.1)
/// for any size the log has signed. Each proof loads just the O(log n) stored nodes it needs, all in one query.
/// </summary>
public sealed class TransparencyLog(CertaDbContext db, LogKey key)
{
    public const int MaxEntries = 1_000;

    public byte[] PublicKey => key.PublicKey;

    public byte[] LogId => key.LogId;

    public async Task<LogTreeHead?> LatestHeadAsync(CancellationToken ct) =>
        await db.LogTreeHeads.AsNoTracking().OrderByDescending(h => h.TreeSize).FirstOrDefaultAsync(ct);

    /// <summary>The signed head of size <paramref name="treeSize"/>: proofs are given only for sizes the log has signed.</summary>
    public async Task<LogTreeHead> HeadAsync(long treeSize, CancellationToken ct) =>
        await db.LogTreeHeads.AsNoTracking().FirstOrDefaultAsync(h => h.TreeSize == treeSize, ct)
        ?? throw DomainException.NotFound("tree-size-unknown", $"The log has signed no tree head of size {treeSize}; ask get-sth for the current one.");

    public async Task<IReadOnlyList<byte[]>> InclusionProofAsync(long leafIndex, long treeSize, CancellationToken ct)
    {
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            throw DomainException.Invalid("leaf-index-invalid", $"Leaf {leafIndex} is not in a tree of {treeSize} entries.", "leaf_index");
        }

        return await ProveAsync(treeSize, reader => MerkleTree.InclusionProof(reader, leafIndex, treeSize), ct);
    }

    public async Task<IReadOnlyList<byte[]>> ConsistencyProofAsync(long first, long second, CancellationToken ct)
    {
        CheckSizes(first, second);
        return first == 0 || first == second ? [] : await ProveAsync(second, reader => MerkleTree.ConsistencyProof(reader, first, second), ct);
    }

    public async Task<LogEntry?> EntryByHashAsync(byte[] leafHash, long treeSize, CancellationToken ct) =>
        await db.LogEntries.AsNoTracking().Where(e => e.LeafHash == leafHash && e.Index < treeSize).OrderBy(e => e.Index).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<LogEntry>> EntriesAsync(long start, long end, CancellationToken ct)
    {
        if (start < 0 || end < start)
        {
            throw DomainException.Invalid("range-invalid", $"Entries run from start to end (inclusive) with 0 ≤ start ≤ end, not {start} to {end}.", "start");
        }

        var last = Math.Min(end, start + MaxEntries - 1);
        return await db.LogEntries.AsNoTracking().Where(e => e.Index >= start && e.Index <= last).OrderBy(e => e.Index).ToListAsync(ct);
    }

    /// <summary>Every logged event of certificate <paramref name="number"/>, each with its inclusion proof in the latest signed tree.</summary>
    public async Task<IReadOnlyList<LogInclusion>> InclusionsForAsync(string number, CancellationToken ct)
    {
        var head = await LatestHeadAsync(ct);
        if (head is null)
        {
            return [];
        }

        var entries = await db.LogEntries.AsNoTracking().Where(e => e.CertificateNumber == number && e.Index < head.TreeSize).OrderBy(e => e.Index).ToListAsync(ct);
        List<LogInclusion> result = [];
        foreach (var entry in entries)
        {
            var path = await InclusionProofAsync(entry.Index, head.TreeSize, ct);
            var verified = MerkleVerifier.VerifyInclusion(entry.LeafHash, entry.Index, head.TreeSize, path, head.RootHash);
            result.Add(new LogInclusion(entry.Index, EventOf(entry.Leaf), entry.Timestamp, entry.Leaf, Hex(entry.LeafHash), head.TreeSize, Hex(head.RootHash),
                head.Timestamp, [.. path.Select(Hex)], verified));
        }

        return result;
    }

    public static void CheckSizes(long first, long second)
    {
        if (first < 0 || second < first)
        {
            throw DomainException.Invalid("tree-sizes-invalid", $"A consistency proof goes from a smaller tree to a larger one, not {first} to {second}.", "first");
        }
    }

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    private async Task<IReadOnlyList<byte[]>> ProveAsync(long treeSize, Func<IMerkleNodeReader, IReadOnlyList<byte[]>> algorithm, CancellationToken ct)
    {
        var needed = PrefetchedMerkleNodes.Needed(treeSize, reader => algorithm(reader));
        var nodes = await LogNodeReads.ReadAsync(db, needed, ct);
        return algorithm(new PrefetchedMerkleNodes(treeSize, nodes));
    }

    private static string EventOf(string leaf) =>
        System.Text.Json.JsonDocument.Parse(leaf).RootElement.TryGetProperty("event", out var e) ? e.GetString() ?? string.Empty : string.Empty;
}
