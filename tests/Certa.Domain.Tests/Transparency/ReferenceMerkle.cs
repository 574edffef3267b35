using System.Security.Cryptography;

namespace Certa.Domain.Tests.Transparency;

/// <summary>
/// RFC 9162 §2.1 written out as recursion over D[start:end], hashing with SHA-256 directly: slow, obviously the
/// text, and independent of the library, so the two can be compared.
/// </summary>
public static class ReferenceMerkle
{
    public static byte[] Leaf(byte[] data) => SHA256.HashData([0x00, .. data]);

    public static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    /// <summary>MTH(D[start:end]), D given as leaf hashes.</summary>
    public static byte[] Mth(IReadOnlyList<byte[]> leaves, int start, int end)
    {
        var n = end - start;
        if (n == 0)
        {
            return SHA256.HashData([]);
        }

        if (n == 1)
        {
            return leaves[start];
        }

        var k = Split(n);
        return Node(Mth(leaves, start, start + k), Mth(leaves, start + k, end));
    }

    /// <summary>PATH(m, D[0:n]).</summary>
    public static List<byte[]> Path(IReadOnlyList<byte[]> leaves, int m, int n) => Path(leaves, m, 0, n);

    /// <summary>PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true).</summary>
    public static List<byte[]> Proof(IReadOnlyList<byte[]> leaves, int m, int n) => SubProof(leaves, m, 0, n, true);

    private static List<byte[]> Path(IReadOnlyList<byte[]> leaves, int m, int start, int end)
    {
        var n = end - start;
        if (n == 1)
        {
            return [];
        }

        var k = Split(n);
        return m < k
            ? [.. Path(leaves, m, start, start + k), Mth(leaves, start + k, end)]
            : [.. Path(leaves, m - k, start + k, end), Mth(leaves, start, start + k)];
    }

    private static List<byte[]> SubProof(IReadOnlyList<byte[]> leaves, int m, int start, int end, bool b)
    {
        var n = end - start;
        if (m == n)
        {
            return b ? [] : [Mth(leaves, start, end)];
        }

        var k = Split(n);
        return m <= k
            ? [.. SubProof(leaves, m, start, start + k, b), Mth(leaves, start + k, end)]
            : [.. SubProof(leaves, m - k, start + k, end, false), Mth(leaves, start, start + k)];
    }

    // "k be the largest power of two smaller than n"
    private static int Split(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }
}
