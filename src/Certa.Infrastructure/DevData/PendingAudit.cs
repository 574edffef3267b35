using Certa.Domain.Audit;
using Certa.Domain.Common;

namespace Certa.Infrastructure.DevData;

/// <summary>
/// One domain event of a generated aggregate, with the aggregate's state right after it, as CommitAsync would have written
/// it had each step been its own command: the audit entry to chain, and (for a certificate) what its log leaf names.
/// </summary>
internal sealed record PendingAudit(DateTimeOffset At, AuditEntry Entry, string? CertificateNumber, string? BodyId)
{
    /// <summary>Takes the aggregate's pending events as audit entries by <paramref name="actor"/> at <paramref name="at"/>, and clears them.</summary>
    public static void Take(Aggregate aggregate, string actor, string correlationId, DateTimeOffset at, List<PendingAudit> into, string? number = null, string? bodyId = null)
    {
        foreach (var e in aggregate.PendingEvents())
        {
            into.Add(new PendingAudit(at,
                new AuditEntry(actor, aggregate.OwningOrganisation, e.Action, aggregate.EntityType, aggregate.EntityKey, aggregate.AuditState(), correlationId, e.Details),
                number, bodyId));
        }

        aggregate.ClearEvents();
    }
}
