using Certa.Domain.Common;
using Certa.Domain.Notifications;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Notifications;

/// <summary>
/// Turns committed events into notifications by <see cref="NotificationRules"/>: finds the active
/// people each rule names, fills the templates in both languages and adds one notification per
/// person to the unit of work. The person who acted is not told of their own act.
/// </summary>
public sealed class NotificationPlanner(NotificationRules rules) : INotificationPlanner
{
    public async Task PlanAsync(CertaDbContext db, IReadOnlyList<CommittedEvent> events, DateTimeOffset at, CancellationToken ct)
    {
        foreach (var committed in events)
        {
            if (rules.For(committed.Event.Action) is not { } rule)
            {
                continue;
            }

            var facts = await EventFacts.GatherAsync(db, committed, ct);
            var recipients = await RecipientsAsync(db, rule, facts, ct);
            if (recipients.Count == 0)
            {
                continue;
            }

            var (en, zh) = await ValuesAsync(db, facts, ct);
            var link = NotificationRules.Fill(rule.Link, en);
            var subject = new LocalizedText(NotificationRules.Fill(rule.Subject.En, en), NotificationRules.Fill(rule.Subject.Zh!, zh));
            var text = new LocalizedText(NotificationRules.Fill(rule.Text.En, en), NotificationRules.Fill(rule.Text.Zh!, zh));
            var audit = committed.Event;
            foreach (var person in recipients.Where(p => $"person:{p.Id}" != audit.Actor))
            {
                db.Notifications.Add(Notification.Create(Guid.CreateVersion7(at), person.Id, person.OrganisationId, audit.Action,
                    audit.EntityType, audit.EntityId, audit.Sequence, subject, text, link, at));
            }
        }
    }

    private static async Task<IReadOnlyList<Person>> RecipientsAsync(CertaDbContext db, NotificationRule rule, EventFacts facts, CancellationToken ct)
    {
        var found = new Dictionary<Guid, Person>();
        foreach (var recipient in rule.Recipients)
        {
            if (recipient.Party is { } party && facts.Organisation(party) is { } organisation)
            {
                var people = await db.People.AsNoTracking().Where(p => p.OrganisationId == organisation && p.Status == PersonStatus.Active).ToListAsync(ct);
                foreach (var person in people.Where(p => p.Roles.Any(recipient.Roles.Contains)))
                {
                    found.TryAdd(person.Id, person);
                }
            }
            else if (recipient.PeopleField is { } field && facts.People(field) is { Count: > 0 } ids)
            {
                var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Status == PersonStatus.Active).ToListAsync(ct);
                foreach (var person in people)
                {
                    found.TryAdd(person.Id, person);
                }
            }
        }

        return [.. found.Values.OrderBy(p => p.Id)];
    }

    /// <summary>The placeholders' values in English and in Chinese (names of products and organisations differ).</summary>
    private static async Task<(Dictionary<string, string> En, Dictionary<string, string> Zh)> ValuesAsync(CertaDbContext db, EventFacts facts, CancellationToken ct)
    {
        var application = facts.Application;
        var parties = Enum.GetValues<NotifiedParty>().Select(p => (Party: p, Id: facts.Organisation(p))).Where(p => p.Id is not null).ToList();
        var ids = parties.Select(p => p.Id!).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Dictionary<string, string> For(string language)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["id"] = facts.Event.Event.EntityId,
                ["application"] = application?.Id.ToString() ?? string.Empty,
                ["product"] = application?.Product.Name.In(language) ?? string.Empty,
                ["model"] = application?.Product.MainModel ?? string.Empty,
            };
            foreach (var (party, id) in parties)
            {
                values[SnakeCaseNames.Of(party.ToString())] = names.GetValueOrDefault(id!)?.In(language) ?? id!;
            }

            foreach (var field in new[] { "reason", "description", "deadline", "outcome" })
            {
                values[field] = facts.Text(field) ?? string.Empty;
            }

            return values;
        }

        return (For("en"), For("zh"));
    }
}
