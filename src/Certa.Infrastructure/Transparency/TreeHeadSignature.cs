using System.Buffers.Binary;
using Certa.Infrastructure.Credentials;

namespace Certa.Infrastructure.Transparency;

/// <summary>
/// What a tree head's signature covers: the TLS encoding of RFC 9162 §4.10 TreeHeadDataV2 — timestamp (uint64, ms since the
/// epoch), tree_size (uint64), root_hash (opaque&lt;32..2^8-1&gt;: one length byte then the hash), sth_extensions (a two-byte
/// length, zero: Certa adds none).
/// </summary>
public static class TreeHeadSignature
{
    public static byte[] Encode(long timestampMs, long treeSize, ReadOnlySpan<byte> rootHash)
    {
        var data = new byte[8 + 8 + 1 + rootHash.Length + 2];
        BinaryPrimitives.WriteUInt64BigEndian(data, (ulong)timestampMs);
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(8), (ulong)treeSize);
        data[16] = (byte)rootHash.Length;
        rootHash.CopyTo(data.AsSpan(17));
        return data;
    }

    public static bool Verify(ReadOnlySpan<byte> publicKey, long timestampMs, long treeSize, ReadOnlySpan<byte> rootHash, ReadOnlySpan<byte> signature) =>
        Ed25519.Verify(publicKey, Encode(timestampMs, treeSize, rootHash), signature);
}
