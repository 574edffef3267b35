namespace Certa.Domain.Notifications;

/// <summary>Where the notification's e-mail is.</summary>
public enum MailState
{
    /// <summary>Waiting for the outbox (first time or to retry).</summary>
    Pending,

    /// <summary>Claimed by an outbox that is sending it now.</summary>
    Sending,

    /// <summary>Accepted by the SMTP server.</summary>
    Sent,

    /// <summary>No SMTP server is configured: written as an <c>.eml</c> file instead.</summary>
    Written,

    /// <summary>Every attempt failed; the outbox has given up.</summary>
    Failed,

    /// <summary>The recipient has no usable address, or is no longer active: nothing to send.</summary>
    Skipped,
}
