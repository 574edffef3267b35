namespace Certa.Infrastructure.Transparency.Merkle;

/// <summary>
/// A reader over nodes fetched ahead, for stores where one read per node would be one query per node: ask
/// <see cref="Needed"/> which nodes a proof reads (they depend only on the sizes and indexes, never on hashes),
/// load those rows in one query, and run the same algorithm on this reader.
/// </summary>
public sealed class PrefetchedMerkleNodes : IMerkleNodeReader
{
    private readonly Dictionary<(int Level, long Index), byte[]> nodes;

    /// <param name="size">The tree size the nodes were fetched for.</param>
    /// <param name="nodes">At least the nodes <see cref="Needed"/> listed.</param>
    public PrefetchedMerkleNodes(long size, IEnumerable<MerkleNode> nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        Size = size;
        this.nodes = nodes.ToDictionary(node => (node.Level, node.Index), node => node.Hash);
    }

    /// <inheritdoc />
    public long Size { get; }

    /// <inheritdoc />
    public byte[] Node(int level, long index) =>
        nodes.TryGetValue((level, index), out var hash)
            ? hash.ToArray()
            : throw new KeyNotFoundException($"Node ({level}, {index}) was not fetched for the tree of {Size} leaves.");

    /// <summary>
    /// The distinct nodes <paramref name="algorithm"/> reads from a tree of <paramref name="treeSize"/> leaves, e.g.
    /// <c>Needed(n, reader =&gt; MerkleTree.InclusionProof(reader, leafIndex, n))</c>.
    /// </summary>
    public static IReadOnlyList<(int Level, long Index)> Needed(long treeSize, Action<IMerkleNodeReader> algorithm)
    {
        var recorder = new Recorder(treeSize);
        algorithm(recorder);
        return [.. recorder.Read];
    }

    // Answers every read with a placeholder hash and notes which node was asked for.
    private sealed class Recorder(long size) : IMerkleNodeReader
    {
        public HashSet<(int Level, long Index)> Read { get; } = [];

        public long Size => size;

        public byte[] Node(int level, long index)
        {
            MerkleNode.ThrowIfIncomplete(level, index, size);
            Read.Add((level, index));
            return new byte[MerkleHash.Size];
        }
    }
}
