namespace Certa.Infrastructure.Transparency;

/// <summary>A signed tree head: the log's size and root at a moment, signed with the log's key. Kept for every size the log published.</summary>
public sealed class LogTreeHead
{
    private LogTreeHead()
    {
        RootHash = Signature = [];
    }

    public LogTreeHead(long treeSize, DateTimeOffset timestamp, byte[] rootHash, byte[] signature)
    {
        TreeSize = treeSize;
        Timestamp = timestamp;
        RootHash = rootHash;
        Signature = signature;
    }

    /// <summary>The head of the tree <paramref name="tree"/> has grown to, signed at <paramref name="now"/> (to the millisecond, as the signature encodes it).</summary>
    public static LogTreeHead Sign(FrontierAppender tree, LogKey key, DateTimeOffset now)
    {
        var root = Merkle.MerkleTree.Root(tree, tree.Size);
        var timestamp = now.ToUnixTimeMilliseconds();
        return new LogTreeHead(tree.Size, DateTimeOffset.FromUnixTimeMilliseconds(timestamp), root,
            key.Sign(TreeHeadSignature.Encode(timestamp, tree.Size, root)));
    }

    public long TreeSize { get; private set; }

    public DateTimeOffset Timestamp { get; private set; }

    public byte[] RootHash { get; private set; }

    /// <summary>Ed25519 over the TLS encoding of TreeHeadDataV2 (RFC 9162 §4.10).</summary>
    public byte[] Signature { get; private set; }
}
