namespace Certa.Domain.Supervision.FollowUps;

/// <summary>
/// One follow-up inspection for one due day: planned, then performed with an outcome. A re-inspection after a
/// failure is another record for the same due day, performed later.
/// </summary>
public sealed record FollowUpRecord
{
    private FollowUpRecord(DateOnly dueOn, DateOnly? plannedOn, DateOnly? performedOn, FollowUpOutcome outcome, IReadOnlyList<string> findings)
    {
        DueOn = dueOn;
        PlannedOn = plannedOn;
        PerformedOn = performedOn;
        Outcome = outcome;
        Findings = findings;
    }

    /// <summary>The due day of the schedule this inspection answers.</summary>
    public DateOnly DueOn { get; }

    public DateOnly? PlannedOn { get; }

    /// <summary>The day on site; none while the inspection is not performed.</summary>
    public DateOnly? PerformedOn { get; }

    public FollowUpOutcome Outcome { get; }

    /// <summary>What did not conform; empty unless the inspection failed.</summary>
    public IReadOnlyList<string> Findings { get; }

    /// <summary>
    /// False for an inspection outside the yearly schedule (a "double random" draw's): its outcome counts (a failure
    /// suspends, a pass corrects), but it meets no due day.
    /// </summary>
    public bool AnswersDueDay { get; init; } = true;

    /// <summary>Performed, passed or failed: the due day is met (a failure has its own rule).</summary>
    public bool IsPerformed => Outcome is not FollowUpOutcome.NotPerformed;

    public static FollowUpRecord NotPerformed(DateOnly dueOn, DateOnly? plannedOn = null) =>
        new(dueOn, plannedOn, null, FollowUpOutcome.NotPerformed, []);

    public static FollowUpRecord Passed(DateOnly dueOn, DateOnly performedOn, DateOnly? plannedOn = null) =>
        new(dueOn, plannedOn, performedOn, FollowUpOutcome.Passed, []);

    /// <exception cref="ArgumentException">No finding says what failed.</exception>
    public static FollowUpRecord Failed(DateOnly dueOn, DateOnly performedOn, IEnumerable<string> findings, DateOnly? plannedOn = null)
    {
        var said = findings.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).ToList();
        return said.Count == 0
            ? throw new ArgumentException($"A failed follow-up (due {dueOn:yyyy-MM-dd}) needs at least one finding saying what did not conform.", nameof(findings))
            : new FollowUpRecord(dueOn, plannedOn, performedOn, FollowUpOutcome.Failed, said);
    }
}
