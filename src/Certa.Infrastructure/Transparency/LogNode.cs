namespace Certa.Infrastructure.Transparency;

/// <summary>
/// The hash of a perfect subtree of the log: node (level, index) covers leaves [index·2^level, (index+1)·2^level).
/// Stored once complete, so any proof reads O(log n) rows instead of rehashing leaves.
/// </summary>
public sealed class LogNode
{
    private LogNode()
    {
        Hash = [];
    }

    public LogNode(int level, long index, byte[] hash)
    {
        Level = level;
        Index = index;
        Hash = hash;
    }

    public int Level { get; private set; }

    public long Index { get; private set; }

    public byte[] Hash { get; private set; }
}
