using Certa.Domain.Notifications;
using MimeKit;

namespace Certa.Infrastructure.Notifications;

/// <summary>Delivers one e-mail: to an SMTP server, or to a file.</summary>
public interface IMailTransport
{
    /// <summary>Delivers <paramref name="message"/> and says how (<see cref="MailState.Sent"/> or <see cref="MailState.Written"/>).</summary>
    /// <exception cref="MailDeliveryException">It could not be delivered now; the outbox tries again later.</exception>
    Task<MailState> DeliverAsync(MimeMessage message, Guid notificationId, CancellationToken ct);
}
