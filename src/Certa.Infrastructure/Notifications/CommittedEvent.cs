using Certa.Domain.Audit;
using Certa.Domain.Common;

namespace Certa.Infrastructure.Notifications;

/// <summary>An event as the unit of work writes it: the aggregate it happened to and its audit entry.</summary>
public sealed record CommittedEvent(Aggregate Aggregate, AuditEvent Event);
