using Certa.Infrastructure.Transparency.Merkle;

namespace Certa.Domain.Tests.Transparency;

public static class MerkleStores
{
    public static MemoryMerkleStore From(IEnumerable<byte[]> leafHashes)
    {
        var store = new MemoryMerkleStore();
        foreach (var leafHash in leafHashes)
        {
            store.Append(leafHash);
        }

        return store;
    }

    /// <summary>Leaf hashes of n distinct leaves, so that no two subtrees share a hash.</summary>
    public static byte[][] DistinctLeaves(int n, int seed) =>
        [.. Enumerable.Range(0, n).Select(i => ReferenceMerkle.Leaf([.. BitConverter.GetBytes(seed), .. BitConverter.GetBytes(i)]))];
}
