namespace Certa.Infrastructure.Transparency;

/// <summary>
/// One leaf of the certificate transparency log: a certificate event, as the public may read it, in canonical
/// JSON. Appended in audit-trail order and never changed (the table refuses UPDATE and DELETE).
/// </summary>
public sealed class LogEntry
{
    private LogEntry()
    {
        CertificateNumber = Leaf = string.Empty;
        LeafHash = [];
    }

    public LogEntry(long index, long auditSequence, string certificateNumber, string leaf, byte[] leafHash, DateTimeOffset timestamp)
    {
        Index = index;
        AuditSequence = auditSequence;
        CertificateNumber = certificateNumber;
        Leaf = leaf;
        LeafHash = leafHash;
        Timestamp = timestamp;
    }

    /// <summary>0, 1, 2… with no gaps: the leaf's index in the Merkle tree.</summary>
    public long Index { get; private set; }

    /// <summary>The audit event this leaf publishes: each certificate event is logged once.</summary>
    public long AuditSequence { get; private set; }

    public string CertificateNumber { get; private set; }

    /// <summary>The leaf's bytes (UTF-8 of this canonical JSON) are what the Merkle tree hashes.</summary>
    public string Leaf { get; private set; }

    /// <summary>SHA-256(0x00 || leaf), RFC 9162 §2.1.1.</summary>
    public byte[] LeafHash { get; private set; }

    /// <summary>When the log incorporated the entry.</summary>
    public DateTimeOffset Timestamp { get; private set; }
}
