namespace Certa.Infrastructure.Notifications;

/// <summary>
/// How notifications are e-mailed: configuration section <c>Certa:Mail</c>. Without
/// <c>Certa:Mail:Smtp:Host</c> each e-mail is written as an <c>.eml</c> file to
/// <c>{data directory}/outbox/</c> instead of being sent.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Certa:Mail";

    /// <summary>The sender: <c>Certa &lt;certa@example.org&gt;</c>.</summary>
    public string From { get; set; } = "Certa <certa@localhost>";

    /// <summary>Where Certa is reached (<c>https://certa.example.org</c>), to make the links in e-mails absolute.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Where <c>.eml</c> files go when no SMTP server is configured; default <c>{data directory}/outbox</c>.</summary>
    public string? OutboxDirectory { get; set; }

    /// <summary>How often the outbox looks for e-mails to send, in seconds.</summary>
    public int PollSeconds { get; set; } = 15;

    public SmtpOptions Smtp { get; set; } = new();
}
