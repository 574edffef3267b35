using Certa.Infrastructure.Notifications;

namespace Certa.Infrastructure.Persistence;

/// <summary>
/// Called by <see cref="CertaDbContext.CommitAsync"/> before it saves: adds the credit records the committed
/// events cause (a failed inspection, a suspension) to the same unit of work, so they are saved with the facts or not at all.
/// </summary>
public interface ICreditRecorder
{
    void Record(CertaDbContext db, IReadOnlyList<CommittedEvent> events);
}
