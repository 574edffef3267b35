using Certa.Domain.Certificates;

namespace Certa.Domain.Supervision.FollowUps;

/// <summary>
/// What supervision needs to know of a certificate: its dates and state, its factory's class, its suspensions
/// and its follow-up inspections. Built from the certificate and its records; the decisions are made on this alone.
/// </summary>
public sealed record SupervisedCertificate(
    string Number,
    string SchemeId,
    string BodyId,
    DateOnly IssuedOn,
    DateOnly ValidUntil,
    CertificateState State,
    FactoryClass? FactoryClass,
    IReadOnlyList<FollowUpRecord> FollowUps,
    IReadOnlyList<CertificateSuspension> Suspensions)
{
    /// <summary>The suspension in force, if the certificate is suspended.</summary>
    public CertificateSuspension? CurrentSuspension =>
        State == CertificateState.Suspended && Suspensions.Count > 0 ? Suspensions.MaxBy(s => s.On) : null;

    /// <summary>Whether the certificate was suspended on <paramref name="day"/> or later: that suspension answered what happened before it.</summary>
    public bool SuspendedOnOrAfter(DateOnly day) => Suspensions.Any(s => s.On >= day);

    /// <summary>Whether an inspection for <paramref name="dueOn"/> was performed by <paramref name="today"/>.</summary>
    public bool Met(DateOnly dueOn, DateOnly today) =>
        FollowUps.Any(f => f.AnswersDueDay && f.DueOn == dueOn && f.IsPerformed && f.PerformedOn <= today);

    /// <summary>The inspections performed by <paramref name="today"/>, earliest first.</summary>
    public IEnumerable<FollowUpRecord> PerformedBy(DateOnly today) =>
        FollowUps.Where(f => f.IsPerformed && f.PerformedOn <= today).OrderBy(f => f.PerformedOn);
}
