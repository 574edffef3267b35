using Certa.Domain.Notifications;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Certa.Infrastructure.Notifications;

/// <summary>
/// Sends the e-mails of notifications that are due. Each is first claimed with a conditional
/// update, so that of several Certa instances sharing a database exactly one sends it; a claim
/// lapses after <see cref="Lease"/> if its instance died. Once delivered it is never sent again.
/// </summary>
public sealed class MailOutbox(IServiceScopeFactory scopes, IMailTransport transport, MailOptions options, TimeProvider clock, ILogger<MailOutbox> log)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private const int Batch = 50;

    /// <summary>Sends what is due now; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var delivered = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
            var now = clock.GetUtcNow();
            var due = await db.Notifications.AsNoTracking()
                .Where(n => (n.MailState == MailState.Pending || n.MailState == MailState.Sending) && n.MailDueAt <= now)
                .OrderBy(n => n.AuditSequence).Select(n => n.Id).Take(Batch).ToListAsync(ct);
            foreach (var id in due)
            {
                delivered += await SendAsync(db, id, ct) ? 1 : 0;
            }

            if (due.Count < Batch)
            {
                return delivered;
            }
        }
    }

    private async Task<bool> SendAsync(CertaDbContext db, Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.Notifications
            .Where(n => n.Id == id && (n.MailState == MailState.Pending || n.MailState == MailState.Sending) && n.MailDueAt <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.MailState, MailState.Sending).SetProperty(n => n.MailDueAt, now + Lease), ct);
        if (claimed == 0)
        {
            return false;
        }

        var notification = await db.Notifications.FirstAsync(n => n.Id == id, ct);
        var recipient = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == notification.RecipientId, ct);
        if (recipient is not { Status: PersonStatus.Active })
        {
            notification.MailSkipped($"Person {notification.RecipientId} is not an active person any more.", clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return false;
        }

        try
        {
            var how = await transport.DeliverAsync(NotificationMail.Compose(notification, recipient, options), id, ct);
            notification.MailDelivered(how, clock.GetUtcNow());
        }
        catch (MailDeliveryException e)
        {
            notification.MailAttemptFailed(e.Message, clock.GetUtcNow());
            log.LogWarning("Notification {Id} to {Email}: attempt {Attempt} failed ({State}): {Error}",
                id, recipient.Email, notification.MailAttempts, notification.MailState, e.Message);
        }

        // Not the request's token: a delivered mail must be recorded as delivered even while shutting down.
        await db.SaveChangesAsync(CancellationToken.None);
        return notification.MailState is MailState.Sent or MailState.Written;
    }
}
