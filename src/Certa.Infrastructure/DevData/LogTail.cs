using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Transparency;
using Certa.Infrastructure.Transparency.Merkle;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.DevData;

/// <summary>
/// Appends a batch's certificate events to the transparency log as <see cref="LogSequencer"/> does — the same leaves
/// (<see cref="LogLeaf"/>), the nodes they complete (<see cref="FrontierAppender"/>) and one signed tree head a batch —
/// so <c>certa log monitor</c> finds every event logged and every head valid.
/// </summary>
internal sealed class LogTail(FrontierAppender start, LogKey key)
{
    private FrontierAppender appender = start;

    public long Size => appender.Size;

    public static async Task<LogTail> ReadAsync(CertaDbContext db, LogKey key, CancellationToken ct)
    {
        var size = await db.LogTreeHeads.MaxAsync(h => (long?)h.TreeSize, ct) ?? 0;
        return new LogTail(new FrontierAppender(size, await LogNodeReads.ReadAsync(db, FrontierAppender.Frontier(size), ct)), key);
    }

    public void Append(GeneratedBatch batch, DateTimeOffset now)
    {
        if (batch.ToLog.Count == 0)
        {
            return;
        }

        // Leaves are independent of each other: built on every core; the tree is then grown in order.
        var leaves = new (string Leaf, byte[] Hash)[batch.ToLog.Count];
        Parallel.For(0, leaves.Length, i =>
        {
            var (e, number, body) = batch.ToLog[i];
            var leaf = LogLeaf.Build(e, number, body);
            leaves[i] = (leaf, MerkleHash.LeafHash(LogLeaf.Bytes(leaf)));
        });
        for (var i = 0; i < leaves.Length; i++)
        {
            batch.LogEntries.Add(new LogEntry(appender.Size, batch.ToLog[i].Event.Sequence, batch.ToLog[i].Number, leaves[i].Leaf, leaves[i].Hash, now));
            appender.Append(leaves[i].Hash);
        }

        batch.LogNodes = appender.Added;
        batch.TreeHeads.Add(LogTreeHead.Sign(appender, key, now));
        // Only the frontier is needed to go on: memory stays the same however large the log grows.
        appender = new FrontierAppender(appender.Size,
            [.. FrontierAppender.Frontier(appender.Size).Select(n => new MerkleNode(n.Level, n.Index, appender.Node(n.Level, n.Index)))]);
    }
}
