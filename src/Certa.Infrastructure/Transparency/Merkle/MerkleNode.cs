namespace Certa.Infrastructure.Transparency.Merkle;

/// <summary>
/// One stored node of the tree: the hash of the perfect subtree over leaves [Index·2^Level, (Index+1)·2^Level).
/// Written once, when its last leaf is appended; a database row keyed by (Level, Index).
/// </summary>
public readonly record struct MerkleNode(int Level, long Index, byte[] Hash)
{
    /// <summary>Levels a tree can have: level 62 holds the root of 2^62 leaves, and a long counts no further.</summary>
    public const int MaxLevels = 63;

    /// <summary>Refuses a node that does not exist yet in a tree of <paramref name="treeSize"/> leaves.</summary>
    internal static void ThrowIfIncomplete(int level, long index, long treeSize)
    {
        if (level is < 0 or >= MaxLevels || index < 0 || index >= treeSize >> level)
        {
            throw new ArgumentOutOfRangeException(
                nameof(index), index, $"Node ({level}, {index}) is not complete in a tree of {treeSize} leaves.");
        }
    }
}
