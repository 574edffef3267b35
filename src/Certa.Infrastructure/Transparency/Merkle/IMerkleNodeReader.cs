namespace Certa.Infrastructure.Transparency.Merkle;

/// <summary>
/// Stored hashes of the perfect subtrees of an append-only Merkle tree. Node (level, index) covers the leaves
/// [index·2^level, (index+1)·2^level); level 0 holds the leaf hashes. Only complete nodes exist, so every node
/// with (index+1)·2^level ≤ <see cref="Size"/> can be read, and it never changes once written.
/// </summary>
public interface IMerkleNodeReader
{
    /// <summary>Leaves appended so far: the largest tree size whose root and proofs can be produced.</summary>
    long Size { get; }

    /// <summary>The 32-byte hash of node (level, index); throws when that node is not complete yet.</summary>
    byte[] Node(int level, long index);
}
