using Certa.Domain.Notifications;
using Certa.Domain.Organisations;
using MimeKit;

namespace Certa.Infrastructure.Notifications;

/// <summary>A notification as an e-mail: English, then Chinese, each with the link.</summary>
public static class NotificationMail
{
    public static MimeMessage Compose(Notification notification, Person recipient, MailOptions options)
    {
        var link = string.IsNullOrWhiteSpace(options.PublicUrl) ? notification.Link : options.PublicUrl.TrimEnd('/') + notification.Link;
        var message = new MimeMessage
        {
            Subject = notification.Subject.Zh is { } zh ? $"{notification.Subject.En} · {zh}" : notification.Subject.En,
            Date = notification.CreatedAt,
            MessageId = $"{notification.Id}@certa",
            Body = new TextPart("plain")
            {
                Text = $"{notification.Text.En}\n\n{link}\n\n--\n\n{notification.Text.Zh ?? notification.Text.En}\n\n{link}\n",
            },
        };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(new MailboxAddress(recipient.DisplayName, recipient.Email));
        message.Headers.Add("X-Certa-Action", notification.Action);
        return message;
    }
}
