using Certa.Domain.Common;

namespace Certa.Domain.Notifications;

/// <summary>
/// Something a person is told because of an event in the audit trail: "an application was submitted
/// to your body". Made in the same transaction as the event; shown in the app until read, and
/// e-mailed by the outbox. Not an aggregate: it records what happened, nothing happens to it but
/// being read and being mailed.
/// </summary>
public sealed class Notification
{
    /// <summary>After this many failed attempts the outbox stops trying.</summary>
    public const int MaxMailAttempts = 8;

    private Notification()
    {
        OrganisationId = Action = EntityType = EntityKey = Link = string.Empty;
        Subject = Text = LocalizedText.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The person told.</summary>
    public Guid RecipientId { get; private set; }

    /// <summary>The recipient's organisation.</summary>
    public string OrganisationId { get; private set; }

    /// <summary>The audit action that caused it: <c>application.submitted</c>.</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string EntityKey { get; private set; }

    /// <summary>The audit event that caused it.</summary>
    public long AuditSequence { get; private set; }

    public LocalizedText Subject { get; private set; }

    public LocalizedText Text { get; private set; }

    /// <summary>A path in Certa: <c>/applications/{id}</c>.</summary>
    public string Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public MailState MailState { get; private set; }

    public int MailAttempts { get; private set; }

    /// <summary>When the outbox may try (again); while it is sending, when its claim lapses.</summary>
    public DateTimeOffset? MailDueAt { get; private set; }

    public DateTimeOffset? MailDoneAt { get; private set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? MailError { get; private set; }

    public bool IsRead => ReadAt is not null;

    public static Notification Create(Guid id, Guid recipientId, string organisationId, string action, string entityType, string entityKey,
        long auditSequence, LocalizedText subject, LocalizedText text, string link, DateTimeOffset at) => new()
    {
        Id = id,
        RecipientId = recipientId,
        OrganisationId = Guard.Required(organisationId, "organisation"),
        Action = Guard.Required(action, "action"),
        EntityType = entityType,
        EntityKey = entityKey,
        AuditSequence = auditSequence,
        Subject = subject,
        Text = text,
        Link = link,
        CreatedAt = at,
        MailState = MailState.Pending,
        MailDueAt = at,
    };

    /// <summary>Marks it read; reading it again keeps the first time.</summary>
    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    /// <summary>The outbox handed it over (<see cref="MailState.Sent"/>) or wrote it to a file (<see cref="MailState.Written"/>).</summary>
    public void MailDelivered(MailState how, DateTimeOffset at)
    {
        if (how is not (MailState.Sent or MailState.Written))
        {
            throw new ArgumentOutOfRangeException(nameof(how), how, "A delivered mail is sent or written.");
        }

        MailState = how;
        MailAttempts++;
        MailDoneAt = at;
        MailDueAt = null;
        MailError = null;
    }

    /// <summary>Nothing to send: the recipient is gone or has no address.</summary>
    public void MailSkipped(string reason, DateTimeOffset at)
    {
        MailState = MailState.Skipped;
        MailDueAt = null;
        MailDoneAt = at;
        MailError = reason;
    }

    /// <summary>
    /// An attempt failed: try again after 1, 2, 4… minutes (at most six hours), or give up after
    /// <see cref="MaxMailAttempts"/> attempts.
    /// </summary>
    public void MailAttemptFailed(string error, DateTimeOffset at)
    {
        MailAttempts++;
        MailError = error.Length > 2000 ? error[..2000] : error;
        if (MailAttempts >= MaxMailAttempts)
        {
            MailState = MailState.Failed;
            MailDueAt = null;
            MailDoneAt = at;
            return;
        }

        MailState = MailState.Pending;
        MailDueAt = at + RetryDelay(MailAttempts);
    }

    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(Math.Min(Math.Pow(2, attempts - 1), 360));
}
