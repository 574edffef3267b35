using Certa.Domain.Notifications;

namespace Certa.Web.Notifications;

/// <summary>A notification as the API shows it to its recipient.</summary>
public sealed record NotificationDto(
    Guid Id,
    string Action,
    string SubjectEn,
    string? SubjectZh,
    string TextEn,
    string? TextZh,
    string Link,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    string MailState)
{
    public static NotificationDto From(Notification n) => new(n.Id, n.Action, n.Subject.En, n.Subject.Zh, n.Text.En, n.Text.Zh, n.Link,
        n.CreatedAt, n.ReadAt, Domain.Common.SnakeCaseNames.Of(n.MailState.ToString()));
}

/// <summary>How many notifications a mark-all-read call marked.</summary>
public sealed record MarkedDto(int Marked);
