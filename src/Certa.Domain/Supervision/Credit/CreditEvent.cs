using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Credit;

/// <summary>
/// Something that happened to an enterprise or body and weighs on its credit: its type (an id in the credit
/// rules), when, what it refers to (a certificate number, an inspection id) and a note.
/// </summary>
public sealed record CreditEvent
{
    public CreditEvent(CreditSubject subject, string type, DateTimeOffset when, string? reference = null, string? note = null)
    {
        Subject = subject ?? throw new ArgumentNullException(nameof(subject));
        Type = Guard.Required(type, nameof(type));
        When = when;
        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public CreditSubject Subject { get; }

    /// <summary>The id of a <see cref="CreditEventType"/>.</summary>
    public string Type { get; }

    public DateTimeOffset When { get; }

    /// <summary>What the event is about, e.g. a certificate number or an inspection id.</summary>
    public string? Reference { get; }

    public string? Note { get; }
}
