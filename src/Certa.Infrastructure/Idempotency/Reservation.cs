namespace Certa.Infrastructure.Idempotency;

/// <summary>What reserving a key found: the caller's new reservation, or the record an earlier request left.</summary>
public sealed record Reservation(IdempotencyRecord Record, bool IsNew);
