namespace Certa.Infrastructure.Transparency.Merkle;

/// <summary>
/// RFC 9162 §2.1.3.2 and §2.1.4.2 proof verification, step by step as the RFC writes it, for clients that hold only
/// a tree head and a proof. Malformed input (a hash that is not 32 bytes, an index or size out of range, a proof of
/// the wrong length) is a failed proof, never an exception.
/// </summary>
public static class MerkleVerifier
{
    /// <summary>Whether <paramref name="proof"/> shows leaf hash <paramref name="leafHash"/> at <paramref name="leafIndex"/> in the tree with root <paramref name="rootHash"/>.</summary>
    public static bool VerifyInclusion(
        ReadOnlySpan<byte> leafHash, long leafIndex, long treeSize, IReadOnlyList<byte[]>? proof, ReadOnlySpan<byte> rootHash)
    {
        // Step 1: the leaf must be inside the tree.
        if (leafIndex < 0 || leafIndex >= treeSize || !AllHashes(proof) || !IsHash(leafHash) || !IsHash(rootHash))
        {
            return false;
        }

        // Steps 2-3.
        var fn = leafIndex;
        var sn = treeSize - 1;
        Span<byte> r = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(r);

        // Step 4.
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.NodeHash(p, r, r);
                ShiftUntilOddOrZero(ref fn, ref sn);
            }
            else
            {
                MerkleHash.NodeHash(r, p, r);
            }

            fn >>= 1;
            sn >>= 1;
        }

        // Step 5.
        return sn == 0 && r.SequenceEqual(rootHash);
    }

    /// <summary>
    /// Whether <paramref name="proof"/> shows the tree of <paramref name="firstSize"/> leaves with root
    /// <paramref name="firstRoot"/> to be a prefix of the tree of <paramref name="secondSize"/> leaves with root
    /// <paramref name="secondRoot"/>.
    /// </summary>
    /// <remarks>
    /// The RFC defines the algorithm for 0 &lt; first &lt; second. Equal sizes need an empty proof and equal roots;
    /// an empty first tree needs an empty proof and the empty-tree root, the only root such a tree can have.
    /// </remarks>
    public static bool VerifyConsistency(
        long firstSize, long secondSize, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]>? proof)
    {
        if (firstSize < 0 || secondSize < firstSize || !AllHashes(proof) || !IsHash(firstRoot) || !IsHash(secondRoot))
        {
            return false;
        }

        if (firstSize == secondSize)
        {
            return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        }

        if (firstSize == 0)
        {
            return proof.Count == 0 && firstRoot.SequenceEqual(MerkleHash.EmptyRoot);
        }

        // Step 1.
        if (proof.Count == 0)
        {
            return false;
        }

        // Step 2: a first tree of 2^k leaves is a node of the second, so its root opens the path instead of a proof hash.
        var next = 0;
        var seed = long.IsPow2(firstSize) ? firstRoot : proof[next++];

        // Steps 3-4.
        var fn = firstSize - 1;
        var sn = secondSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        // Step 5.
        Span<byte> fr = stackalloc byte[MerkleHash.Size];
        Span<byte> sr = stackalloc byte[MerkleHash.Size];
        seed.CopyTo(fr);
        seed.CopyTo(sr);

        // Step 6.
        for (; next < proof.Count; next++)
        {
            var c = proof[next];
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.NodeHash(c, fr, fr);
                MerkleHash.NodeHash(c, sr, sr);
                ShiftUntilOddOrZero(ref fn, ref sn);
            }
            else
            {
                MerkleHash.NodeHash(sr, c, sr);
            }

            fn >>= 1;
            sn >>= 1;
        }

        // Step 7.
        return fr.SequenceEqual(firstRoot) && sr.SequenceEqual(secondRoot) && sn == 0;
    }

    // "If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or fn is 0."
    private static void ShiftUntilOddOrZero(ref long fn, ref long sn)
    {
        while ((fn & 1) == 0 && fn != 0)
        {
            fn >>= 1;
            sn >>= 1;
        }
    }

    private static bool IsHash(ReadOnlySpan<byte> hash) => hash.Length == MerkleHash.Size;

    private static bool AllHashes([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] IReadOnlyList<byte[]>? proof)
    {
        if (proof is null)
        {
            return false;
        }

        foreach (var hash in proof)
        {
            if (hash is null || !IsHash(hash))
            {
                return false;
            }
        }

        return true;
    }
}
