namespace Certa.Infrastructure.Transparency;

/// <summary>
/// One certificate event in the log, with the proof that it is in the tree the log last signed: the audit path from its leaf
/// to the signed root (RFC 9162 §2.1.3). Hashes are lowercase hex. <see cref="Verified"/> says the path was checked here.
/// </summary>
public sealed record LogInclusion(
    long Index,
    string Event,
    DateTimeOffset At,
    string Leaf,
    string LeafHash,
    long TreeSize,
    string RootHash,
    DateTimeOffset TreeHeadTimestamp,
    IReadOnlyList<string> AuditPath,
    bool Verified);
