using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Infrastructure.ReferenceData;

namespace Certa.Infrastructure.Notifications;

/// <summary>Reads and checks the <c>notifications:</c> section; the first fault is reported with its file and line.</summary>
internal static class NotificationRulesReader
{
    public static IReadOnlyList<NotificationRule> Read(YamlRecord top)
    {
        var rules = new List<NotificationRule>();
        foreach (var r in top.Records(NotificationRules.Section))
        {
            var rule = ReadRule(r);
            if (rules.Any(x => x.Action == rule.Action))
            {
                throw r.Fail("action", $"'{rule.Action}' has a rule already; give each action one rule with all its recipients");
            }

            rules.Add(rule);
        }

        return rules;
    }

    private static NotificationRule ReadRule(YamlRecord r)
    {
        var action = r.Str("action");
        var recipients = r.Records("notify").Select(ReadRecipient).ToList();
        if (recipients.Count == 0)
        {
            throw r.Fail("notify", $"'{action}' must notify someone: list parties with roles, or people the event names");
        }

        var subject = Bilingual(r, "subject");
        var text = Bilingual(r, "text");
        var link = r.Str("link");
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal))
        {
            throw r.Fail("link", $"'link' must be a path in Certa starting with one '/', not '{link}'");
        }

        foreach (var (key, template) in new[] { ("subject", subject.En), ("subject", subject.Zh!), ("text", text.En), ("text", text.Zh!), ("link", link) })
        {
            var unknown = NotificationRules.PlaceholdersIn(template).FirstOrDefault(p => !NotificationRules.Placeholders.Contains(p));
            if (unknown is not null)
            {
                throw r.Fail(key, $"'{{{unknown}}}' is not a placeholder; known are: {string.Join(", ", NotificationRules.Placeholders.Order(StringComparer.Ordinal))}");
            }
        }

        r.EnsureAllRead();
        return new NotificationRule(action, recipients, subject, text, link);
    }

    private static RecipientRule ReadRecipient(YamlRecord r)
    {
        var partyName = r.OptStr("party");
        var people = r.OptStr("people");
        var roleNames = r.List("roles");
        RecipientRule recipient;
        if (partyName is not null == people is not null)
        {
            throw r.FailHere("each recipient names either a 'party' (with 'roles') or 'people' (the field of the event that names them)");
        }

        if (people is not null)
        {
            if (roleNames.Count > 0)
            {
                throw r.Fail("roles", "'roles' go with a 'party'; 'people' are told whatever their roles");
            }

            recipient = new RecipientRule(null, [], people);
        }
        else
        {
            if (!SnakeCaseNames.TryParse<NotifiedParty>(partyName!, ignoreCase: false, out var party))
            {
                throw r.Fail("party", $"'{partyName}' is not a party; parties are: {SnakeCaseNames.List<NotifiedParty>()}");
            }

            if (roleNames.Count == 0)
            {
                throw r.Fail("roles", $"say which roles of the {partyName} are told");
            }

            var roles = new List<Role>();
            foreach (var name in roleNames)
            {
                if (!Roles.TryParse(name, out var role))
                {
                    throw r.Fail("roles", $"'{name}' is not a role; roles are: {SnakeCaseNames.List<Role>()}");
                }

                var kind = RecipientRule.KindOf(party);
                if (!role.FitsKind(kind))
                {
                    throw r.Fail("roles", $"'{name}' is not a role in a {SnakeCaseNames.Of(kind.ToString())}, so no {partyName} has it; " +
                        $"its roles are: {string.Join(", ", Roles.For(kind).Select(x => x.Name()))}");
                }

                roles.Add(role);
            }

            recipient = new RecipientRule(party, roles, null);
        }

        r.EnsureAllRead();
        return recipient;
    }

    private static LocalizedText Bilingual(YamlRecord r, string key)
    {
        var text = r.Text(key);
        return text.Zh is null ? throw r.Fail(key, $"'{key}' needs both 'en' and 'zh'") : text;
    }
}
