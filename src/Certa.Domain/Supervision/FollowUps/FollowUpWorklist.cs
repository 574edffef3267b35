using Certa.Domain.Certificates;

namespace Certa.Domain.Supervision.FollowUps;

/// <summary>A follow-up not yet performed: whose, due when, open from when, and the last day of its grace.</summary>
public sealed record PendingFollowUp(string CertificateNumber, string BodyId, string SchemeId, CertificateState State, DateOnly DueOn,
    DateOnly OpensOn, DateOnly LastGraceDay, DateOnly? PlannedOn);

/// <summary>
/// The follow-ups a body has to do: due (inside the window before their due day) and overdue (past it, whether
/// still in grace or already suspending the certificate). Only for certificates that are active or suspended and
/// still within their validity.
/// </summary>
public sealed record FollowUpWorklist(IReadOnlyList<PendingFollowUp> Due, IReadOnlyList<PendingFollowUp> Overdue)
{
    /// <summary>The worklist of many certificates at <paramref name="now"/> (its UTC day), soonest due first.</summary>
    public static FollowUpWorklist For(FollowUpRules rules, IEnumerable<SupervisedCertificate> certificates, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var due = new List<PendingFollowUp>();
        var overdue = new List<PendingFollowUp>();
        foreach (var certificate in certificates.Where(c => c.State is CertificateState.Active or CertificateState.Suspended && today <= c.ValidUntil))
        {
            var policy = rules.For(certificate.SchemeId);
            foreach (var dueOn in FollowUpSchedule.For(policy, certificate).Where(d => !certificate.Met(d, today)))
            {
                var pending = new PendingFollowUp(certificate.Number, certificate.BodyId, certificate.SchemeId, certificate.State, dueOn,
                    dueOn.AddDays(-policy.WindowDays), dueOn.AddDays(policy.GraceDays),
                    certificate.FollowUps.Where(f => f.AnswersDueDay && f.DueOn == dueOn).Select(f => f.PlannedOn).LastOrDefault(p => p is not null));
                if (today > dueOn)
                {
                    overdue.Add(pending);
                }
                else if (today >= pending.OpensOn)
                {
                    due.Add(pending);
                }
            }
        }

        return new FollowUpWorklist(Ordered(due), Ordered(overdue));
    }

    /// <summary>One worklist from the worklists of separate batches of certificates, in the same order as if made at once.</summary>
    public static FollowUpWorklist Concat(IEnumerable<FollowUpWorklist> parts)
    {
        var all = parts.ToList();
        return new FollowUpWorklist(Ordered(all.SelectMany(p => p.Due)), Ordered(all.SelectMany(p => p.Overdue)));
    }

    /// <summary>The part of the worklist that is <paramref name="bodyId"/>'s.</summary>
    public FollowUpWorklist ForBody(string bodyId) =>
        new([.. Due.Where(p => p.BodyId == bodyId)], [.. Overdue.Where(p => p.BodyId == bodyId)]);

    private static List<PendingFollowUp> Ordered(IEnumerable<PendingFollowUp> items) =>
        [.. items.OrderBy(p => p.DueOn).ThenBy(p => p.CertificateNumber, StringComparer.Ordinal)];
}
