using Certa.Domain.Access;
using Certa.Domain.Audit;
using Certa.Domain.Common;
using Certa.Domain.Supervision.Credit;
using Certa.Infrastructure.Audit;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Supervision.Credit;

/// <summary>
/// An authority officer records a credit event the rules define but no single fact in Certa causes (false documents,
/// obstructed supervision, an overturned decision): checked in full first, then written with its audit entry in one
/// transaction, or not at all.
/// </summary>
public sealed class CreditEventCommands(CertaDbContext db, CreditRules rules, TimeProvider clock)
{
    public const string RecordedAction = "credit.recorded";

    public async Task<CreditRecord> RecordAsync(CommandContext who, CreditEventInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(input);
        var actor = who.Actor;
        if (actor.ReachOf(Permission.CreditRecord) == Reach.None)
        {
            throw DomainException.Forbidden("credit-record-forbidden", "Credit events are recorded by an officer of an authority.");
        }

        var type = rules.EventType(Required(input.Type, "type", "the credit event type, one of the rules' ids"));
        var subjectId = Required(input.Subject, "subject", "the organisation the event is about, by its id");
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == subjectId, ct)
            ?? throw DomainException.Invalid("credit-subject-unknown", $"There is no organisation '{subjectId}' on Certa; name it by its id.", "subject");
        if (CreditSubjects.Organisations(type.Subject) != organisation.Kind)
        {
            throw DomainException.Invalid("credit-event-wrong-subject",
                $"'{type.Id}' is an event of {CreditSubjects.Plural(type.Subject)}; '{subjectId}' is not one (it is an organisation of kind {SnakeCaseNames.Of(organisation.Kind.ToString())}).", "type");
        }

        var now = clock.GetUtcNow();
        var day = input.Day ?? throw DomainException.Invalid("credit-day-required", "Give the day the event happened.", "day");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (day > today)
        {
            throw DomainException.Invalid("credit-day-future", $"The day {day:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}); record an event once it has happened.", "day");
        }

        var e = new CreditEvent(new CreditSubject(type.Subject, organisation.Id), type.Id, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            input.Reference, input.Note);
        var id = Guid.CreateVersion7(now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var audit = await AuditLog.AppendAsync(db, new AuditEntry(actor.AuditName, organisation.Id, RecordedAction, "credit-record", id.ToString(),
            new { subjectKind = SnakeCaseNames.Of(type.Subject.ToString()), subject = organisation.Id, type = type.Id, occurredAt = e.When, reference = e.Reference, note = e.Note },
            who.CorrelationId, new { subject = organisation.Id, type = type.Id, day, reference = e.Reference }), now, ct);
        var record = CreditRecord.Of(id, e, actor.AuditName, audit.Sequence);
        db.CreditRecords.Add(record);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return record;
    }

    private static string Required(string? value, string field, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw DomainException.Invalid($"credit-{field}-required", $"Give {what}.", field) : value.Trim();
}
