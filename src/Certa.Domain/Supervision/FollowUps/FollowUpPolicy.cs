using Certa.Domain.Common;

namespace Certa.Domain.Supervision.FollowUps;

/// <summary>
/// A scheme's follow-up rules (<c>data/supervision/follow-up.yaml</c>): how often, how long on site, when a
/// follow-up may be done, how long an overdue or failed one is tolerated. Made only through <see cref="Of"/>,
/// which refuses numbers that cannot work together.
/// </summary>
public sealed record FollowUpPolicy
{
    private FollowUpPolicy(string schemeId, int intervalMonths, IReadOnlyDictionary<FactoryClass, int> classIntervals, decimal minAuditDays,
        decimal maxAuditDays, int windowDays, int graceDays, int overdueDeadlineDays, int correctiveDays, IReadOnlyDictionary<string, Provenance> sources)
    {
        SchemeId = schemeId;
        IntervalMonths = intervalMonths;
        ClassIntervals = classIntervals;
        MinAuditDays = minAuditDays;
        MaxAuditDays = maxAuditDays;
        WindowDays = windowDays;
        GraceDays = graceDays;
        OverdueDeadlineDays = overdueDeadlineDays;
        CorrectiveDays = correctiveDays;
        Sources = sources;
    }

    /// <summary>The scheme these rules are for, or <see cref="FollowUpRules.DefaultScheme"/>.</summary>
    public string SchemeId { get; }

    /// <summary>Months from issue to the first due follow-up, and between due follow-ups.</summary>
    public int IntervalMonths { get; }

    /// <summary>The interval for a factory of a class, where it differs from <see cref="IntervalMonths"/>.</summary>
    public IReadOnlyDictionary<FactoryClass, int> ClassIntervals { get; }

    public decimal MinAuditDays { get; }

    public decimal MaxAuditDays { get; }

    /// <summary>How many days before its due day a follow-up may be done and is listed as due.</summary>
    public int WindowDays { get; }

    /// <summary>Days after the due day before a follow-up not performed suspends the certificate.</summary>
    public int GraceDays { get; }

    /// <summary>Days a certificate suspended for an overdue follow-up has to pass one before it is withdrawn.</summary>
    public int OverdueDeadlineDays { get; }

    /// <summary>Days after a failed follow-up to correct and pass a re-inspection before the certificate is withdrawn.</summary>
    public int CorrectiveDays { get; }

    /// <summary>Where each rule comes from, by rule id (<see cref="FollowUpRuleIds"/>).</summary>
    public IReadOnlyDictionary<string, Provenance> Sources { get; }

    public int IntervalFor(FactoryClass? factoryClass) =>
        factoryClass is { } c && ClassIntervals.TryGetValue(c, out var months) ? months : IntervalMonths;

    /// <exception cref="ArgumentException">A number is out of range, or a rule has no source; the message names it.</exception>
    public static FollowUpPolicy Of(string schemeId, int intervalMonths, IReadOnlyDictionary<FactoryClass, int> classIntervals, decimal minAuditDays,
        decimal maxAuditDays, int windowDays, int graceDays, int overdueDeadlineDays, int correctiveDays, IReadOnlyDictionary<string, Provenance> sources)
    {
        var scheme = Guard.Id(schemeId);
        Require(intervalMonths is >= 1 and <= 60, $"the follow-up interval of '{scheme}' must be 1 to 60 months, not {intervalMonths}");
        foreach (var (factoryClass, months) in classIntervals)
        {
            Require(months is >= 1 and <= 60, $"the follow-up interval of '{scheme}' for class {factoryClass} factories must be 1 to 60 months, not {months}");
        }

        Require(minAuditDays > 0 && minAuditDays <= maxAuditDays && maxAuditDays <= 10,
            $"the follow-up audit of '{scheme}' must last 0 < min ≤ max ≤ 10 days, not {minAuditDays}–{maxAuditDays}");

        // The shortest interval is 28 days a month: a window or a grace period as long would reach the next due day.
        var shortest = Math.Min(intervalMonths, classIntervals.Values.DefaultIfEmpty(intervalMonths).Min()) * 28;
        Require(windowDays >= 0 && windowDays < shortest, $"the window before a due follow-up of '{scheme}' must be 0 to {shortest - 1} days, not {windowDays}");
        Require(graceDays >= 0 && graceDays < shortest, $"the grace period of '{scheme}' must be 0 to {shortest - 1} days, not {graceDays}");
        Require(overdueDeadlineDays >= 1, $"the deadline after an overdue follow-up of '{scheme}' must be at least 1 day, not {overdueDeadlineDays}");
        Require(correctiveDays >= 1, $"the corrective-action deadline of '{scheme}' must be at least 1 day, not {correctiveDays}");
        var missing = FollowUpRuleIds.All.Where(id => !sources.ContainsKey(id)).ToList();
        Require(missing.Count == 0, $"the follow-up rules of '{scheme}' need a source for {string.Join(", ", missing)}");
        return new FollowUpPolicy(scheme, intervalMonths, classIntervals, minAuditDays, maxAuditDays, windowDays, graceDays, overdueDeadlineDays,
            correctiveDays, sources);
    }

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new ArgumentException(reason);
        }
    }
}
