using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Transparency.Merkle;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Transparency;

/// <summary>Loads the stored nodes a proof or an append needs, a level at a time (a proof needs O(log n) of them).</summary>
internal static class LogNodeReads
{
    public static async Task<IReadOnlyList<MerkleNode>> ReadAsync(CertaDbContext db, IReadOnlyList<(int Level, long Index)> wanted, CancellationToken ct)
    {
        List<MerkleNode> result = [];
        foreach (var level in wanted.GroupBy(w => w.Level))
        {
            var indexes = level.Select(w => w.Index).ToList();
            var rows = await db.LogNodes.AsNoTracking().Where(n => n.Level == level.Key && indexes.Contains(n.Index)).ToListAsync(ct);
            result.AddRange(rows.Select(n => new MerkleNode(n.Level, n.Index, n.Hash)));
        }

        if (result.Count != wanted.Count)
        {
            throw new InvalidOperationException($"The transparency log is missing {wanted.Count - result.Count} of the {wanted.Count} tree nodes it needs: the log tables are damaged.");
        }

        return result;
    }
}
