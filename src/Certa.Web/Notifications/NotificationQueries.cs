using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Notifications;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Notifications;

/// <summary>A person's own notifications, newest first, for the API, the page and the layout's badge.</summary>
public static class NotificationQueries
{
    /// <summary>The person's notifications, newest first (by the audit trail's order: SQLite cannot sort its times).</summary>
    public static IQueryable<Notification> OwnedBy(this IQueryable<Notification> notifications, Guid person, bool unreadOnly = false) =>
        notifications.Where(n => n.RecipientId == person && (!unreadOnly || n.ReadAt == null))
            .OrderByDescending(n => n.AuditSequence).ThenByDescending(n => n.Id);

    public static Task<int> UnreadCountAsync(CertaDbContext db, Guid person, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.RecipientId == person && n.ReadAt == null, ct);

    /// <summary>The person acting, who alone reads their notifications; a machine client has none.</summary>
    public static Guid Recipient(Actor actor) =>
        actor.PersonId ?? throw DomainException.Forbidden("not-a-person", "Notifications are a person's; an API key has none.");

    public static async Task<Notification> MarkReadAsync(CertaDbContext db, Guid person, Guid id, DateTimeOffset at, CancellationToken ct)
    {
        // Someone else's notification is "not found": its id says nothing to anyone else.
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.RecipientId == person, ct)
            ?? throw DomainException.NotFound("notification-not-found", $"You have no notification {id}.");
        notification.MarkRead(at);
        await db.SaveChangesAsync(ct);
        return notification;
    }

    public static Task<int> MarkAllReadAsync(CertaDbContext db, Guid person, DateTimeOffset at, CancellationToken ct) =>
        db.Notifications.Where(n => n.RecipientId == person && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, at), ct);
}
