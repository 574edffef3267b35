namespace Certa.Domain.Supervision.FollowUps;

/// <summary>
/// The stable ids of the follow-up rules (<c>data/supervision/follow-up.yaml</c>). Audit entries and events name
/// the rule that caused an automatic action by these ids, so they never change once shipped.
/// </summary>
public static class FollowUpRuleIds
{
    public const string Interval = "follow-up.interval";
    public const string AuditDuration = "follow-up.audit-duration";
    public const string Window = "follow-up.window";
    public const string OverdueSuspends = "follow-up.overdue-suspends";
    public const string FailedSuspends = "follow-up.failed-suspends";
    public const string DeadlinePassedWithdraws = "follow-up.deadline-passed-withdraws";
    public const string ValidityEndsExpires = "follow-up.validity-ends-expires";

    /// <summary>Every rule a scheme's follow-up policy must state, in the order the file lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Interval, AuditDuration, Window, OverdueSuspends, FailedSuspends, DeadlinePassedWithdraws, ValidityEndsExpires];

    /// <summary>The rules whose suspension the withdrawal rule follows up: a suspension by hand is the body's to settle.</summary>
    public static bool Suspends(string? ruleId) => ruleId is OverdueSuspends or FailedSuspends;
}
