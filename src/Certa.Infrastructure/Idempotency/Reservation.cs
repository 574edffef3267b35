namespace Certa.Infrastructure.Idempotency;

/// <summary>
/// What reserving a key found: the caller's new reservation, or the record an earlier request left. <paramref name="IsOrphaned"/>:
/// the earlier request's work committed but its process ended before it stored the answer, which is therefore lost.
/// </summary>
public sealed record Reservation(IdempotencyRecord Record, bool IsNew, bool IsOrphaned = false);
