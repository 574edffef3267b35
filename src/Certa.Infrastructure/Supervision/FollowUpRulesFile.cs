using System.Globalization;
using Certa.Domain.Supervision.FollowUps;
using Certa.Infrastructure.ReferenceData;

namespace Certa.Infrastructure.Supervision;

/// <summary>
/// Reads the follow-up rules of every scheme from <c>data/supervision/follow-up.yaml</c> (section <c>follow_up</c>).
/// Each scheme states every rule of <see cref="FollowUpRuleIds"/> once, with its numbers and source; a fault is
/// refused with its file, line and what is wrong.
/// </summary>
public static class FollowUpRulesFile
{
    public const string FileName = "supervision/follow-up.yaml";

    /// <summary>The section of the file, which the registry import passes over.</summary>
    public const string Section = "follow_up";

    /// <summary>Reads the file in <paramref name="dataDirectory"/>, checking scheme ids against <paramref name="schemeIds"/> when given.</summary>
    /// <exception cref="ReferenceDataException">The file is missing or breaks a rule.</exception>
    public static FollowUpRules Load(string dataDirectory, IReadOnlyCollection<string>? schemeIds = null)
    {
        var path = Path.Combine(dataDirectory, FileName);
        return File.Exists(path)
            ? Parse(FileName, File.ReadAllText(path), schemeIds)
            : throw new ReferenceDataException([new ReferenceDataError(FileName, 0, $"not found in {dataDirectory}; supervision needs the follow-up rules")]);
    }

    /// <exception cref="ReferenceDataException">The text breaks a rule.</exception>
    public static FollowUpRules Parse(string file, string yaml, IReadOnlyCollection<string>? schemeIds = null) =>
        YamlRecord.ParseFile(file, yaml, Section, record => Read(record, schemeIds) ?? throw record.FailHere($"the file has no '{Section}' list"));

    /// <summary>The <c>follow_up</c> section of a data file, or none if the file has none (for the registry import's check).</summary>
    internal static FollowUpRules? Read(YamlRecord top, IReadOnlyCollection<string>? schemeIds)
    {
        var records = top.Records(Section).ToList();
        if (records.Count == 0)
        {
            return null;
        }

        var policies = new List<FollowUpPolicy>();
        foreach (var r in records)
        {
            var policy = ReadPolicy(r, schemeIds);
            if (policies.Any(p => p.SchemeId == policy.SchemeId))
            {
                throw r.Fail("scheme", $"scheme '{policy.SchemeId}' has follow-up rules already; give each scheme one entry");
            }

            policies.Add(policy);
        }

        return policies.Any(p => p.SchemeId == FollowUpRules.DefaultScheme)
            ? new FollowUpRules(policies)
            : throw top.Fail(Section, $"'{Section}' needs a '{FollowUpRules.DefaultScheme}' entry for schemes without rules of their own");
    }

    private static FollowUpPolicy ReadPolicy(YamlRecord r, IReadOnlyCollection<string>? schemeIds)
    {
        var scheme = r.Str("scheme");
        if (scheme != FollowUpRules.DefaultScheme && schemeIds is not null && !schemeIds.Contains(scheme))
        {
            throw r.Fail("scheme", $"unknown scheme '{scheme}'; use a scheme of schemes.yaml or '{FollowUpRules.DefaultScheme}'");
        }

        var rules = new Dictionary<string, YamlRecord>(StringComparer.Ordinal);
        foreach (var rule in r.Records("rules"))
        {
            var id = rule.Str("id");
            if (!FollowUpRuleIds.All.Contains(id))
            {
                throw rule.Fail("id", $"unknown rule '{id}'; expected one of {string.Join(", ", FollowUpRuleIds.All)}");
            }

            if (!rules.TryAdd(id, rule))
            {
                throw rule.Fail("id", $"rule '{id}' is stated twice for scheme '{scheme}'");
            }
        }

        var missing = FollowUpRuleIds.All.Where(id => !rules.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw r.Fail("rules", $"scheme '{scheme}' lacks the rules {string.Join(", ", missing)}");
        }

        var interval = rules[FollowUpRuleIds.Interval];
        var duration = rules[FollowUpRuleIds.AuditDuration];
        var overdue = rules[FollowUpRuleIds.OverdueSuspends];
        var policy = r.Make(() => r.Build(() => FollowUpPolicy.Of(scheme,
            interval.Int("months"), ClassIntervals(interval),
            Days(duration, "min_days"), Days(duration, "max_days"),
            rules[FollowUpRuleIds.Window].Int("days_before_due"),
            overdue.Int("grace_days"), overdue.Int("deadline_days"),
            rules[FollowUpRuleIds.FailedSuspends].Int("corrective_days"),
            rules.ToDictionary(p => p.Key, p => p.Value.Provenance(), StringComparer.Ordinal))));
        foreach (var rule in rules.Values)
        {
            rule.EnsureAllRead();
        }

        return policy;
    }

    private static Dictionary<FactoryClass, int> ClassIntervals(YamlRecord interval)
    {
        var months = new Dictionary<FactoryClass, int>();
        if (interval.Record("factory_classes") is { } map)
        {
            foreach (var key in map.Keys().ToList())
            {
                months[Enum.TryParse<FactoryClass>(key, ignoreCase: false, out var c) && key.Length == 1
                    ? c
                    : throw map.FailAtKey(key, $"'{key}' is not a factory class; expected A, B, C or D (CNCA-00C-003)")] = map.Int(key);
            }

            map.EnsureAllRead();
        }

        return months;
    }

    private static decimal Days(YamlRecord r, string key)
    {
        var text = r.Str(key);
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var days)
            ? days
            : throw r.Fail(key, $"'{key}' must be a number of days such as 1 or 1.5, not '{text}'");
    }
}
