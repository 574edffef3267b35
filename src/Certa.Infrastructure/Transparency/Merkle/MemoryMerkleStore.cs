namespace Certa.Infrastructure.Transparency.Merkle;

/// <summary>
/// An in-memory append-only Merkle tree: every complete node, one flat byte array per level (32 bytes a hash, so
/// 10 million leaves take about 640 MB, up to twice that while arrays grow by doubling unless sized up front; a
/// level holds just under 2^26 hashes, so about 67 million leaves). Each append writes the leaf and the parents it
/// completes, one node hash per leaf on average. Not thread-safe: one writer, and no reads while it writes.
/// </summary>
public sealed class MemoryMerkleStore : IMerkleNodeReader
{
    private readonly byte[][] levels = new byte[MerkleNode.MaxLevels][];

    /// <param name="capacity">Leaves to make room for up front, so that a bulk load never copies a level.</param>
    public MemoryMerkleStore(long capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        for (var level = 0; level < MerkleNode.MaxLevels; level++)
        {
            levels[level] = new byte[checked((int)Math.Min(capacity >> level, Array.MaxLength / MerkleHash.Size) * MerkleHash.Size)];
        }
    }

    /// <inheritdoc />
    public long Size { get; private set; }

    /// <inheritdoc />
    public byte[] Node(int level, long index)
    {
        MerkleNode.ThrowIfIncomplete(level, index, Size);
        return Hash(level, index).ToArray();
    }

    /// <summary>
    /// Appends a leaf hash (see <see cref="MerkleHash.LeafHash(ReadOnlySpan{byte})"/>) and returns the nodes it
    /// completed, bottom up: the leaf itself at level 0, then each parent whose right child it finished. These are
    /// exactly the rows a persistent store has to add for this leaf.
    /// </summary>
    public IReadOnlyList<MerkleNode> Append(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash has {MerkleHash.Size} bytes, not {leafHash.Length}.", nameof(leafHash));
        }

        var index = Size;
        // Leaf i completes one node on each level up to the number of trailing one bits of i.
        var completed = new MerkleNode[long.TrailingZeroCount(index + 1) + 1];
        Write(0, index, leafHash);
        completed[0] = new MerkleNode(0, index, leafHash.ToArray());
        for (var level = 1; level < completed.Length; level++)
        {
            index >>= 1;
            var hash = MerkleHash.NodeHash(Hash(level - 1, 2 * index), Hash(level - 1, (2 * index) + 1));
            Write(level, index, hash);
            completed[level] = new MerkleNode(level, index, hash);
        }

        Size++;
        return completed;
    }

    private ReadOnlySpan<byte> Hash(int level, long index) =>
        levels[level].AsSpan(checked((int)(index * MerkleHash.Size)), MerkleHash.Size);

    private void Write(int level, long index, ReadOnlySpan<byte> hash)
    {
        var end = (index + 1) * MerkleHash.Size;
        if (end > levels[level].Length)
        {
            if (end > Array.MaxLength)
            {
                throw new InvalidOperationException(
                    $"Level {level} of the in-memory tree is full at {index} nodes; {Size} leaves is the most it holds.");
            }

            var grown = levels[level];
            Array.Resize(ref grown, (int)Math.Min(Math.Max(end, 2L * grown.Length), Array.MaxLength / MerkleHash.Size * MerkleHash.Size));
            levels[level] = grown;
        }

        hash.CopyTo(levels[level].AsSpan((int)(index * MerkleHash.Size)));
    }
}
