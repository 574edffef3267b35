using MailKit.Security;

namespace Certa.Infrastructure.Notifications;

/// <summary>The SMTP server (section <c>Certa:Mail:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Sign in with these when set.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// TLS: <c>StartTls</c> (upgrade, required), <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c> (port 465),
    /// <c>Auto</c> (by port) or <c>None</c> (a local relay only).
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public int TimeoutSeconds { get; set; } = 60;
}
