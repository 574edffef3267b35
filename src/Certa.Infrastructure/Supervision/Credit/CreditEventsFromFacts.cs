using System.Text.Json;
using Certa.Domain.Certificates;
using Certa.Domain.Supervision.Credit;
using Certa.Domain.Supervision.FollowUps;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Notifications;
using Certa.Infrastructure.Persistence;

namespace Certa.Infrastructure.Supervision.Credit;

/// <summary>
/// Appends the credit events of enterprises that committed facts cause: a failed or passed inspection, a
/// suspension, a withdrawal, and a suspension for an overdue follow-up. Each record names the audit sequence of
/// its fact (<see cref="CreditRecord.CausedBy"/>), which the table keeps unique per subject and type.
/// Events the rules define but no single fact causes (a body's overdue share, false documents) are recorded by an officer.
/// </summary>
public sealed class CreditEventsFromFacts : ICreditRecorder
{
    /// <summary>The credit event types (ids in <c>credit-rules.yaml</c>) each audit action causes.</summary>
    private static readonly IReadOnlyDictionary<string, string> ByAction = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["inspection.failed"] = "inspection-failed",
        ["inspection.passed"] = "inspection-passed",
        ["certificate.suspended"] = "certificate-suspended",
        ["certificate.withdrawn"] = "certificate-withdrawn",
    };

    /// <summary>The extra event of a suspension the overdue rule caused.</summary>
    private const string FollowUpOverdue = "follow-up-overdue";

    public CreditEventsFromFacts(CreditRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        // A rules file without these types would lose events silently; refuse it when the process starts instead.
        foreach (var type in ByAction.Values.Append(FollowUpOverdue))
        {
            if (rules.EventType(type).Subject != CreditSubjectKind.Enterprise)
            {
                throw new InvalidOperationException($"The credit event '{type}' is recorded for enterprises by Certa, but the rules give it to bodies.");
            }
        }
    }

    public void Record(CertaDbContext db, IReadOnlyList<CommittedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var committed in events)
        {
            foreach (var e in EventsOf(committed))
            {
                db.CreditRecords.Add(CreditRecord.Of(Guid.NewGuid(), e, "system", committed.Event.Sequence));
            }
        }
    }

    private static IEnumerable<CreditEvent> EventsOf(CommittedEvent committed)
    {
        var audit = committed.Event;
        if (!ByAction.TryGetValue(audit.Action, out var type))
        {
            yield break;
        }

        var (enterprise, reference) = committed.Aggregate switch
        {
            Certificate c => (c.HolderId, c.Number),
            Inspection i => (i.EnterpriseId, i.CertificateNumber),
            _ => (null, null),
        };
        if (string.IsNullOrEmpty(enterprise))
        {
            yield break;
        }

        var subject = CreditSubject.Enterprise(enterprise);
        var rule = Rule(audit.Details);
        yield return new CreditEvent(subject, type, audit.OccurredAt, reference, rule is null ? audit.Action : $"{audit.Action} ({rule})");
        if (audit.Action == "certificate.suspended" && rule == FollowUpRuleIds.OverdueSuspends)
        {
            yield return new CreditEvent(subject, FollowUpOverdue, audit.OccurredAt, reference, $"{audit.Action} ({rule})");
        }
    }

    private static string? Rule(string details)
    {
        using var json = JsonDocument.Parse(details);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("rule", out var rule)
            && rule.ValueKind == JsonValueKind.String ? rule.GetString() : null;
    }
}
