using Certa.Infrastructure.Persistence;

namespace Certa.Infrastructure.Notifications;

/// <summary>
/// Called by <see cref="CertaDbContext.CommitAsync"/> before it saves: adds the notifications the
/// events cause to the same unit of work, so they are saved with the events or not at all.
/// </summary>
public interface INotificationPlanner
{
    Task PlanAsync(CertaDbContext db, IReadOnlyList<CommittedEvent> events, DateTimeOffset at, CancellationToken ct);
}
