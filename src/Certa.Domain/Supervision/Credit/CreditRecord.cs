namespace Certa.Domain.Supervision.Credit;

/// <summary>
/// A credit event as Certa keeps it: appended when the fact it records is committed (an inspection failed, a
/// certificate was suspended), or entered by an authority officer (false documents); never changed or deleted.
/// The audit trail holds the fact itself; this row is what the credit page weighs.
/// </summary>
public sealed class CreditRecord
{
    private CreditRecord()
    {
        SubjectId = Type = RecordedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public CreditSubjectKind SubjectKind { get; private set; }

    public string SubjectId { get; private set; }

    /// <summary>The id of a <see cref="CreditEventType"/> in the credit rules.</summary>
    public string Type { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string? Reference { get; private set; }

    public string? Note { get; private set; }

    /// <summary>Who recorded it: <c>system</c> for an event that follows from another, else the officer.</summary>
    public string RecordedBy { get; private set; }

    /// <summary>The audit sequence of the fact the event follows from, if any, so the same fact never counts twice.</summary>
    public long? CausedBy { get; private set; }

    public static CreditRecord Of(Guid id, CreditEvent e, string recordedBy, long? causedBy = null) => new()
    {
        Id = id,
        SubjectKind = e.Subject.Kind,
        SubjectId = e.Subject.Id,
        Type = e.Type,
        OccurredAt = e.When,
        Reference = e.Reference,
        Note = e.Note,
        RecordedBy = string.IsNullOrWhiteSpace(recordedBy) ? throw new ArgumentException("Say who recorded the credit event.", nameof(recordedBy)) : recordedBy,
        CausedBy = causedBy,
    };

    public CreditEvent ToEvent() => new(new CreditSubject(SubjectKind, SubjectId), Type, OccurredAt, Reference, Note);
}
