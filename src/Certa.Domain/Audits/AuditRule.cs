namespace Certa.Domain.Audits;

/// <summary>
/// A scheme's rule for the initial factory audit (from <c>data/certification/factory-audit.yaml</c>):
/// the smallest team, the days on site and the checklist.
/// </summary>
public sealed record AuditRule(string SchemeId, int MinAuditors, int MinDays, int MaxDays, IReadOnlyList<ChecklistItem> Checklist)
{
    public static AuditRule Of(string schemeId, int minAuditors, int minDays, int maxDays, IReadOnlyList<ChecklistItem> checklist)
    {
        if (minAuditors < 1 || minDays < 1 || maxDays < minDays || checklist.Count == 0)
        {
            throw new ArgumentException($"The factory audit rule of '{schemeId}' needs at least one auditor, 1 ≤ min_days ≤ max_days and a checklist.");
        }

        return checklist.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1) is { } twice
            ? throw new ArgumentException($"The factory audit checklist of '{schemeId}' names item '{twice.Key}' twice.")
            : new AuditRule(schemeId, minAuditors, minDays, maxDays, checklist);
    }
}
