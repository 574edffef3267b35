using Certa.Domain.Certificates;

namespace Certa.Domain.Supervision.FollowUps;

/// <summary>
/// Decides from a certificate's facts and the day which automatic action is due on it now, if any. Run daily: an
/// action changes the certificate's state, and the next run decides from the new state, so one run yields at most
/// one action per certificate and the same facts never yield the same action twice (a suspended certificate is not
/// suspended again; a withdrawn, cancelled, expired or superseded one gets nothing).
/// </summary>
public static class SupervisionDecider
{
    /// <summary>The action due on <paramref name="certificate"/> at <paramref name="now"/> (its UTC day), or none.</summary>
    public static SupervisionDecision? Decide(FollowUpPolicy policy, SupervisedCertificate certificate, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var live = certificate.State is CertificateState.Active or CertificateState.Suspended;
        if (live && today > certificate.ValidUntil)
        {
            return SupervisionDecision.Expire(certificate.Number, $"The certificate was valid until {certificate.ValidUntil:yyyy-MM-dd}; that day has passed.");
        }

        return certificate.State switch
        {
            CertificateState.Withdrawn or CertificateState.Cancelled or CertificateState.Expired or CertificateState.Superseded => null,
            CertificateState.Suspended => WithdrawIfUncorrected(certificate, today),
            CertificateState.Active => SuspendIfFailed(policy, certificate, today) ?? SuspendIfOverdue(policy, certificate, today),
        };
    }

    /// <summary>The actions due now on each certificate, by its scheme's policy.</summary>
    public static IReadOnlyList<SupervisionDecision> DecideAll(FollowUpRules rules, IEnumerable<SupervisedCertificate> certificates, DateTimeOffset now) =>
        [.. certificates.Select(c => Decide(rules.For(c.SchemeId), c, now)).OfType<SupervisionDecision>()];

    // CNCA 2008 No. 19: no corrective action during the suspension → revoked (撤销). Correcting means passing a
    // follow-up (the re-inspection, or the overdue one) between the suspension and its deadline.
    private static SupervisionDecision? WithdrawIfUncorrected(SupervisedCertificate certificate, DateOnly today)
    {
        if (certificate.CurrentSuspension is not { } suspension || !FollowUpRuleIds.Suspends(suspension.RuleId) || today <= suspension.Deadline)
        {
            return null;
        }

        var corrected = certificate.PerformedBy(today)
            .Any(f => f.Outcome == FollowUpOutcome.Passed && f.PerformedOn >= suspension.On && f.PerformedOn <= suspension.Deadline);
        return corrected
            ? null
            : SupervisionDecision.Withdraw(certificate.Number,
                $"Suspended on {suspension.On:yyyy-MM-dd} to be corrected by {suspension.Deadline:yyyy-MM-dd}; no follow-up inspection was passed by then.");
    }

    // CNCA 2008 No. 19: a follow-up showing non-conformity suspends. Only the latest inspection counts: a passed
    // re-inspection after a failure leaves nothing to do, and a suspension since the failure has answered it.
    private static SupervisionDecision? SuspendIfFailed(FollowUpPolicy policy, SupervisedCertificate certificate, DateOnly today)
    {
        if (certificate.PerformedBy(today).LastOrDefault() is not { Outcome: FollowUpOutcome.Failed, PerformedOn: { } performedOn } failed
            || certificate.SuspendedOnOrAfter(performedOn))
        {
            return null;
        }

        return Deadline(performedOn, policy.CorrectiveDays, certificate, today) is { } deadline
            ? SupervisionDecision.Suspend(certificate.Number, FollowUpRuleIds.FailedSuspends,
                (failed.AnswersDueDay
                    ? $"The follow-up inspection of {performedOn:yyyy-MM-dd} (due {failed.DueOn:yyyy-MM-dd}) found non-conformities: "
                    : $"The supervision inspection of {performedOn:yyyy-MM-dd} found non-conformities: ")
                + $"{string.Join("; ", failed.Findings)}. "
                + $"Correct them and pass a re-inspection by {deadline:yyyy-MM-dd}, or the certificate is withdrawn.",
                deadline)
            : null;
    }

    private static SupervisionDecision? SuspendIfOverdue(FollowUpPolicy policy, SupervisedCertificate certificate, DateOnly today)
    {
        foreach (var dueOn in FollowUpSchedule.For(policy, certificate))
        {
            var lastGraceDay = dueOn.AddDays(policy.GraceDays);
            if (today <= lastGraceDay)
            {
                break;
            }

            if (certificate.Met(dueOn, today) || certificate.SuspendedOnOrAfter(lastGraceDay.AddDays(1)))
            {
                continue;
            }

            return Deadline(lastGraceDay.AddDays(1), policy.OverdueDeadlineDays, certificate, today) is { } deadline
                ? SupervisionDecision.Suspend(certificate.Number, FollowUpRuleIds.OverdueSuspends,
                    $"The follow-up inspection due on {dueOn:yyyy-MM-dd} was not performed within the {policy.GraceDays}-day grace period (by {lastGraceDay:yyyy-MM-dd}). "
                    + $"Pass a follow-up inspection by {deadline:yyyy-MM-dd}, or the certificate is withdrawn.",
                    deadline)
                : null;
        }

        return null;
    }

    // The deadline counts from the day the rule applied, so the same facts give the same deadline whichever day the
    // job runs. A fact that reaches Certa after its whole period has passed still gets the full period from today:
    // a suspension never starts with its deadline gone. The deadline stays within the validity (Certificate.Suspend
    // requires it); on the last valid day there is no room for one, and expiry follows the next day.
    private static DateOnly? Deadline(DateOnly from, int days, SupervisedCertificate certificate, DateOnly today)
    {
        var deadline = from.AddDays(days) is var d && d > today ? d : today.AddDays(days);
        deadline = deadline > certificate.ValidUntil ? certificate.ValidUntil : deadline;
        return deadline > today ? deadline : null;
    }
}
