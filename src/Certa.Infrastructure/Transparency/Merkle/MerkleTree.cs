namespace Certa.Infrastructure.Transparency.Merkle;

/// <summary>
/// RFC 9162 §2.1 tree heads and proofs for any tree size n up to <see cref="IMerkleNodeReader.Size"/>, so that
/// an old signed tree head stays provable. Every subtree the RFC's recursion meets is either a perfect node (one
/// read) or a range ending at n, hashed from its perfect parts; no leaf is read twice and nothing is rehashed from
/// leaves, so each call costs O(log n) reads.
/// </summary>
public static class MerkleTree
{
    /// <summary>MTH(D[0:n]) (§2.1.1).</summary>
    public static byte[] Root(IMerkleNodeReader reader, long treeSize)
    {
        CheckTreeSize(reader, treeSize);
        return treeSize == 0 ? MerkleHash.EmptyRoot.ToArray() : RangeHash(reader, 0, treeSize);
    }

    /// <summary>PATH(m, D[0:n]) (§2.1.3.1): the audit path of leaf m, from its sibling up to the root's child.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(IMerkleNodeReader reader, long leafIndex, long treeSize)
    {
        CheckTreeSize(reader, treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(leafIndex), leafIndex, $"Leaf {leafIndex} is not in a tree of {treeSize} leaves.");
        }

        // The RFC recurses from the root down and appends each sibling after the deeper ones, so walk down
        // collecting siblings and hand them back reversed.
        var path = new List<byte[]>();
        long start = 0, end = treeSize;
        while (end - start > 1)
        {
            var split = start + LargestPowerOfTwoBelow(end - start);
            if (leafIndex < split)
            {
                path.Add(RangeHash(reader, split, end));
                end = split;
            }
            else
            {
                path.Add(RangeHash(reader, start, split));
                start = split;
            }
        }

        path.Reverse();
        return path;
    }

    /// <summary>
    /// PROOF(m, D[0:n]) (§2.1.4.1) that the tree of <paramref name="firstSize"/> leaves is a prefix of the tree of
    /// <paramref name="secondSize"/>; empty when the sizes are equal or the first tree is empty.
    /// </summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IMerkleNodeReader reader, long firstSize, long secondSize)
    {
        CheckTreeSize(reader, secondSize);
        if (firstSize < 0 || firstSize > secondSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(firstSize), firstSize, $"A tree of {firstSize} leaves cannot precede one of {secondSize}.");
        }

        var proof = new List<byte[]>();
        if (firstSize == 0 || firstSize == secondSize)
        {
            return proof;
        }

        // SUBPROOF(m, D[start:end], b), unrolled: b stays true while the old tree is the left part of the range.
        long start = 0, end = secondSize, m = firstSize;
        var wholeOldTreeIsLeft = true;
        while (m != end - start)
        {
            var k = LargestPowerOfTwoBelow(end - start);
            if (m <= k)
            {
                proof.Add(RangeHash(reader, start + k, end));
                end = start + k;
            }
            else
            {
                proof.Add(RangeHash(reader, start, start + k));
                start += k;
                m -= k;
                wholeOldTreeIsLeft = false;
            }
        }

        if (!wholeOldTreeIsLeft)
        {
            proof.Add(RangeHash(reader, start, end));
        }

        proof.Reverse();
        return proof;
    }

    /// <summary>The largest power of two strictly below <paramref name="n"/> (n ≥ 2): the RFC's split point k.</summary>
    internal static long LargestPowerOfTwoBelow(long n) => 1L << (63 - (int)long.LeadingZeroCount(n - 1));

    /// <summary>
    /// MTH(D[start:end]) for a range the RFC's recursion produces: start is a multiple of the smallest power of
    /// two ≥ its length. Such a range splits into perfect nodes of the sizes of its length's one bits, largest
    /// first, and its hash folds them from the right.
    /// </summary>
    private static byte[] RangeHash(IMerkleNodeReader reader, long start, long end)
    {
        var length = end - start;
        var level = (int)long.TrailingZeroCount(length);
        var hash = reader.Node(level, (end >> level) - 1);
        for (var rest = length & (length - 1); rest != 0; rest &= ~(1L << level))
        {
            level = (int)long.TrailingZeroCount(rest);
            hash = MerkleHash.NodeHash(reader.Node(level, (start + rest - (1L << level)) >> level), hash);
        }

        return hash;
    }

    private static void CheckTreeSize(IMerkleNodeReader reader, long treeSize)
    {
        if (treeSize < 0 || treeSize > reader.Size)
        {
            throw new ArgumentOutOfRangeException(
                nameof(treeSize), treeSize, $"The tree has {reader.Size} leaves; size {treeSize} cannot be proved.");
        }
    }
}
