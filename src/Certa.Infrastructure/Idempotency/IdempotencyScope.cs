namespace Certa.Infrastructure.Idempotency;

/// <summary>
/// The request's reserved <c>Idempotency-Key</c>, if it has one. <see cref="Persistence.CertaDbContext.CommitAsync"/> marks
/// the key done in the work's own transaction, so a process killed after the work committed but before the answer was
/// stored leaves a record that says so: a repeat is not run again, and a key whose work never committed can be freed.
/// </summary>
public sealed class IdempotencyScope
{
    public Guid? ReservationId { get; set; }
}
