namespace Certa.Domain.Supervision.Credit;

/// <summary>
/// One event as it counts at the time of an assessment: its type, its weight now (the full points, or less
/// after decay), the share of the full points that remains and the moment it stops counting.
/// </summary>
public sealed record CreditContribution(CreditEvent Event, CreditEventType Type, decimal Weight, decimal Share, DateTimeOffset Until);
