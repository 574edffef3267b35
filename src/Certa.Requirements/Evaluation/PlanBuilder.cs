namespace Certa.Requirements.Evaluation;

/// <summary>
/// Lays the procedures out on a calendar: each starts when the requirements it depends on have
/// ended (their output is reused), everything else starts on day 0 and runs in parallel.
/// </summary>
internal static class PlanBuilder
{
    public static PlanAnswer Build(IReadOnlyList<RequirementAnswer> requirements, AdvisorKnowledge knowledge)
    {
        var present = requirements.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var rules = knowledge.Definitions.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var items = new Dictionary<string, PlanItem>(StringComparer.Ordinal);
        foreach (var requirement in requirements)
        {
            Place(requirement.Id, []);
        }

        var ordered = requirements.Select(r => items[r.Id]).OrderBy(i => i.Wave).ThenBy(i => i.StartMinDay).ToList();
        return new PlanAnswer(ordered, ordered.Count == 0 ? 0 : ordered.Max(i => i.EndMinDay), ordered.Count == 0 ? 0 : ordered.Max(i => i.EndMaxDay));

        PlanItem Place(string id, HashSet<string> visiting)
        {
            if (items.TryGetValue(id, out var placed))
            {
                return placed;
            }

            if (!visiting.Add(id))
            {
                throw new InvalidOperationException($"Requirements depend on each other in a cycle through '{id}'.");
            }

            var requirement = present[id];
            var after = rules[id].After.Where(present.ContainsKey).ToList();
            var before = after.Select(a => Place(a, visiting)).ToList();
            var startMin = before.Count == 0 ? 0 : before.Max(b => b.EndMinDay);
            var startMax = before.Count == 0 ? 0 : before.Max(b => b.EndMaxDay);
            var wave = before.Count == 0 ? 0 : before.Max(b => b.Wave) + 1;
            var item = new PlanItem(id, requirement.SchemeCode, wave, after, startMin, startMax,
                startMin + requirement.MinDays, startMax + requirement.MaxDays);
            items[id] = item;
            return item;
        }
    }
}
