using Certa.Domain.Certificates;

namespace Certa.Domain.Supervision.FollowUps;

/// <summary>
/// When supervision next has to look at a live certificate, so that a registry of millions is not read whole every day:
/// from <see cref="ListedFrom"/> it may be on the follow-up worklist (<see cref="FollowUpWorklist"/>), from
/// <see cref="ActsFrom"/> the daily round may act on it (<see cref="SupervisionDecider"/>). Both are the earliest such
/// day, never later: before them neither has anything for it, whatever day it is. Made from the same facts and rules as
/// the worklist and the decider, and made again whenever those facts change.
/// </summary>
/// <param name="ListedFrom">The first day it may be on the worklist.</param>
/// <param name="ActsFrom">The first day the round may act on it.</param>
/// <param name="NextDueOn">The first due day no performed inspection answers, if any is left in the validity.</param>
public sealed record SupervisionWatch(DateOnly ListedFrom, DateOnly ActsFrom, DateOnly? NextDueOn)
{
    /// <summary>The watch on <paramref name="certificate"/>; none once it is no longer active or suspended, when nothing more can happen to it.</summary>
    public static SupervisionWatch? Of(FollowUpPolicy policy, SupervisedCertificate certificate)
    {
        if (certificate.State is not (CertificateState.Active or CertificateState.Suspended))
        {
            return null;
        }

        // Performed inspections are in the past when recorded, so "performed" here is "performed by any later day".
        var nextDue = FollowUpSchedule.For(policy, certificate)
            .Where(d => !certificate.FollowUps.Any(f => f.AnswersDueDay && f.DueOn == d && f.IsPerformed))
            .Select(d => (DateOnly?)d)
            .FirstOrDefault();
        var expires = certificate.ValidUntil.AddDays(1);
        var listed = nextDue is { } due ? Earliest(due.AddDays(-policy.WindowDays), expires) : expires;
        var acts = expires;
        if (certificate.State == CertificateState.Suspended)
        {
            // The day after the deadline of a suspension by a rule, unless a passed inspection has corrected it already.
            if (certificate.CurrentSuspension is { } suspension && FollowUpRuleIds.Suspends(suspension.RuleId)
                && !certificate.PerformedBy(DateOnly.MaxValue).Any(f => f.Outcome == FollowUpOutcome.Passed && f.PerformedOn >= suspension.On && f.PerformedOn <= suspension.Deadline))
            {
                acts = Earliest(acts, suspension.Deadline.AddDays(1));
            }
        }
        else
        {
            if (nextDue is { } overdue)
            {
                acts = Earliest(acts, overdue.AddDays(policy.GraceDays + 1));
            }

            // The latest inspection failed and no suspension has answered it: the round suspends at once.
            if (certificate.PerformedBy(DateOnly.MaxValue).LastOrDefault() is { Outcome: FollowUpOutcome.Failed, PerformedOn: { } failedOn }
                && !certificate.SuspendedOnOrAfter(failedOn))
            {
                acts = Earliest(acts, failedOn);
            }
        }

        return new SupervisionWatch(listed, acts, nextDue);
    }

    private static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;
}
