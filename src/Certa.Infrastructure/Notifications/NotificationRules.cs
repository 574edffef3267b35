using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Certa.Infrastructure.ReferenceData;

namespace Certa.Infrastructure.Notifications;

/// <summary>
/// Who is told what when something happens, from <c>data/notifications.yaml</c>. An action with no
/// rule tells nobody. The file is checked when it is read: an unknown role, party or placeholder is
/// refused with its line.
/// </summary>
public sealed partial class NotificationRules
{
    public const string FileName = "notifications.yaml";

    /// <summary>The section of the file, which the registry import passes over.</summary>
    public const string Section = "notifications";

    /// <summary>What a template may say: facts of the event's subject, then fields of the event's details.</summary>
    public static readonly FrozenSet<string> Placeholders =
        FrozenSet.Create(StringComparer.Ordinal, "id", "application", "product", "model", "applicant", "body", "lab",
            "reason", "description", "deadline", "outcome");

    private readonly FrozenDictionary<string, NotificationRule> byAction;

    public NotificationRules(IEnumerable<NotificationRule> rules) =>
        byAction = rules.ToFrozenDictionary(r => r.Action, StringComparer.Ordinal);

    public static NotificationRules None { get; } = new([]);

    public IReadOnlyCollection<NotificationRule> All => byAction.Values;

    public NotificationRule? For(string action) => byAction.GetValueOrDefault(action);

    /// <summary>Reads <c>notifications.yaml</c> in <paramref name="dataDirectory"/>; without the file nobody is notified.</summary>
    /// <exception cref="ReferenceDataException">The file breaks a rule.</exception>
    public static NotificationRules Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        return File.Exists(path) ? Parse(FileName, File.ReadAllText(path)) : None;
    }

    /// <exception cref="ReferenceDataException">The text breaks a rule.</exception>
    public static NotificationRules Parse(string file, string yaml) =>
        YamlRecord.ParseFile(file, yaml, Section, record => new NotificationRules(NotificationRulesReader.Read(record)));

    /// <summary>Fills <c>{name}</c> with its value; a name without one becomes empty.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        PlaceholderPattern().Replace(template, m => values.GetValueOrDefault(m.Groups[1].Value) ?? string.Empty);

    /// <summary>The placeholders <paramref name="template"/> uses.</summary>
    public static IEnumerable<string> PlaceholdersIn(string template) =>
        PlaceholderPattern().Matches(template).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex PlaceholderPattern();
}
