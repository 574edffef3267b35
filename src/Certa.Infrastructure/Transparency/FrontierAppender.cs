using Certa.Infrastructure.Transparency.Merkle;

namespace Certa.Infrastructure.Transparency;

/// <summary>
/// Appends leaves to a stored tree knowing only its frontier — the roots of the perfect subtrees that make up the first
/// <c>n</c> leaves, one per set bit of <c>n</c> — plus what it appends: every new node's left sibling is on the frontier or
/// new itself. It reads the tree (root, proofs) only over those nodes.
/// </summary>
public sealed class FrontierAppender : IMerkleNodeReader
{
    private readonly Dictionary<(int Level, long Index), byte[]> nodes = [];
    private readonly List<MerkleNode> added = [];

    public FrontierAppender(long size, IEnumerable<MerkleNode> frontier)
    {
        Size = size;
        foreach (var node in frontier)
        {
            nodes[(node.Level, node.Index)] = node.Hash;
        }
    }

    public long Size { get; private set; }

    /// <summary>The nodes appended so far, leaves and parents: the rows to store.</summary>
    public IReadOnlyList<MerkleNode> Added => added;

    /// <summary>The frontier nodes of a tree of <paramref name="size"/> leaves: what to load before appending.</summary>
    public static IReadOnlyList<(int Level, long Index)> Frontier(long size)
    {
        List<(int, long)> result = [];
        for (var level = 0; level < MerkleNode.MaxLevels; level++)
        {
            if ((size >> level & 1) == 1)
            {
                result.Add((level, (size >> level) - 1));
            }
        }

        return result;
    }

    public byte[] Node(int level, long index) =>
        nodes.TryGetValue((level, index), out var hash) ? hash : throw new KeyNotFoundException($"Node ({level}, {index}) is neither on the frontier nor appended.");

    public void Append(byte[] leafHash)
    {
        var index = Size;
        Put(0, index, leafHash);
        for (var level = 1; level <= long.TrailingZeroCount(Size + 1); level++)
        {
            index >>= 1;
            Put(level, index, MerkleHash.NodeHash(Node(level - 1, 2 * index), Node(level - 1, (2 * index) + 1)));
        }

        Size++;
    }

    private void Put(int level, long index, byte[] hash)
    {
        nodes[(level, index)] = hash;
        added.Add(new MerkleNode(level, index, hash));
    }
}
