using System.Security.Cryptography;

namespace Certa.Infrastructure.Transparency.Merkle;

/// <summary>
/// The hashes of an RFC 9162 §2.1.1 Merkle tree over SHA-256: a leaf is <c>SHA-256(0x00 || leaf)</c>, an interior
/// node <c>SHA-256(0x01 || left || right)</c>; the two prefixes keep a leaf from passing for a node.
/// </summary>
public static class MerkleHash
{
    /// <summary>Bytes in every hash of the tree.</summary>
    public const int Size = SHA256.HashSizeInBytes;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    // Enough for 0x01 and two 32-byte children; longer inputs (only in test vectors) go to the heap.
    private const int StackLimit = 1 + (2 * Size);

    /// <summary>MTH({}) = SHA-256 of the empty string, the root of a tree with no leaves.</summary>
    public static ReadOnlySpan<byte> EmptyRoot =>
    [
        0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
        0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
    ];

    /// <summary>MTH({d}) = SHA-256(0x00 || d).</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        var hash = new byte[Size];
        LeafHash(leaf, hash);
        return hash;
    }

    /// <summary>Writes SHA-256(0x00 || leaf) into <paramref name="destination"/> (32 bytes).</summary>
    public static void LeafHash(ReadOnlySpan<byte> leaf, Span<byte> destination) =>
        Prefixed(LeafPrefix, leaf, [], destination);

    /// <summary>SHA-256(0x01 || left || right).</summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        NodeHash(left, right, hash);
        return hash;
    }

    /// <summary>
    /// Writes SHA-256(0x01 || left || right) into <paramref name="destination"/> (32 bytes), which may be
    /// <paramref name="left"/> or <paramref name="right"/>: the input is copied before it is hashed.
    /// </summary>
    public static void NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination) =>
        Prefixed(NodePrefix, left, right, destination);

    private static void Prefixed(byte prefix, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> destination)
    {
        var length = 1 + first.Length + second.Length;
        Span<byte> input = length <= StackLimit ? stackalloc byte[StackLimit] : new byte[length];
        input[0] = prefix;
        first.CopyTo(input[1..]);
        second.CopyTo(input[(1 + first.Length)..]);
        SHA256.HashData(input[..length], destination);
    }
}
