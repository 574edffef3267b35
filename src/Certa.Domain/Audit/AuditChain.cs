namespace Certa.Domain.Audit;

/// <summary>The outcome of walking the chain: how many events, and the first one that does not fit, if any.</summary>
public sealed record ChainVerification(long Events, string? LastHash, long? BrokenAt, string? Problem)
{
    public bool Intact => BrokenAt is null;
}

/// <summary>Checks an audit trail in sequence order: numbering, links and every event's own hash.</summary>
public sealed class AuditChainVerifier
{
    private AuditEvent? previous;
    private long count;

    /// <summary>Feeds the next event; returns the problem with it, or null when it fits.</summary>
    public string? Add(AuditEvent e)
    {
        var expectedSequence = (previous?.Sequence ?? 0) + 1;
        var problem = e.Sequence != expectedSequence
            ? $"sequence {e.Sequence} where {expectedSequence} was expected (an event is missing or was inserted)"
            : e.PreviousHash != (previous?.Hash ?? AuditEvent.Genesis)
                ? "its previous-hash does not match the event before it"
                : e.ComputeHash() != e.Hash
                    ? "its content does not match its hash (the event was altered)"
                    : null;
        if (problem is null)
        {
            previous = e;
            count++;
        }

        return problem;
    }

    public static ChainVerification Verify(IEnumerable<AuditEvent> events)
    {
        var verifier = new AuditChainVerifier();
        foreach (var e in events)
        {
            if (verifier.Add(e) is { } problem)
            {
                return new ChainVerification(verifier.count, verifier.previous?.Hash, e.Sequence, problem);
            }
        }

        return new ChainVerification(verifier.count, verifier.previous?.Hash, null, null);
    }
}
