using System.Net.Sockets;
using Certa.Domain.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace Certa.Infrastructure.Notifications;

/// <summary>Sends through the configured SMTP server with MailKit, one connection per e-mail.</summary>
public sealed class SmtpMailTransport(MailOptions options) : IMailTransport
{
    public async Task<MailState> DeliverAsync(MimeMessage message, Guid notificationId, CancellationToken ct)
    {
        var smtp = options.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Certa:Mail:Smtp:Host is not set."), smtp.Port, smtp.Security, ct);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, ct);
            }

            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
            return MailState.Sent;
        }
        catch (Exception e) when (e is IOException or SocketException or CommandException or ProtocolException
            or MailKit.Security.AuthenticationException or System.Security.Authentication.AuthenticationException or TimeoutException)
        {
            throw new MailDeliveryException($"SMTP {smtp.Host}:{smtp.Port} did not take the e-mail of notification {notificationId}: {e.Message}", e);
        }
    }
}
