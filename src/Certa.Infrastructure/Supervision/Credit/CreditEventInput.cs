namespace Certa.Infrastructure.Supervision.Credit;

/// <summary>What an officer enters for a credit event: the organisation it is about, the event type id, the day, a reference and a note.</summary>
public sealed record CreditEventInput(string? Subject, string? Type, DateOnly? Day, string? Reference, string? Note);
