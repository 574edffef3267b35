using Certa.Domain.Certificates;

namespace Certa.Domain.Supervision.FollowUps;

/// <summary>
/// An automatic action due on a certificate now, the rule that calls for it (<see cref="FollowUpRuleIds"/>) and
/// why, in plain words for the public record. A suspension carries its deadline.
/// </summary>
public sealed record SupervisionDecision
{
    private SupervisionDecision(string certificateNumber, SupervisionAction action, string ruleId, string reason, DateOnly? deadline)
    {
        CertificateNumber = certificateNumber;
        Action = action;
        RuleId = ruleId;
        Reason = reason;
        Deadline = deadline;
    }

    public string CertificateNumber { get; }

    public SupervisionAction Action { get; }

    public string RuleId { get; }

    public string Reason { get; }

    /// <summary>The day by which a suspension must be corrected; none for the other actions.</summary>
    public DateOnly? Deadline { get; }

    public static SupervisionDecision Suspend(string number, string ruleId, string reason, DateOnly deadline) =>
        new(number, SupervisionAction.Suspend, ruleId, reason, deadline);

    public static SupervisionDecision Withdraw(string number, string reason) =>
        new(number, SupervisionAction.Withdraw, FollowUpRuleIds.DeadlinePassedWithdraws, reason, null);

    public static SupervisionDecision Expire(string number, string reason) =>
        new(number, SupervisionAction.Expire, FollowUpRuleIds.ValidityEndsExpires, reason, null);

    /// <summary>Applies the decision through the certificate's own methods, which check the move and record its event.</summary>
    /// <exception cref="ArgumentException">The decision is about another certificate.</exception>
    public void ApplyTo(Certificate certificate, DateTimeOffset at)
    {
        if (certificate.Number != CertificateNumber)
        {
            throw new ArgumentException($"The decision is about certificate {CertificateNumber}, not {certificate.Number}.", nameof(certificate));
        }

        switch (Action)
        {
            case SupervisionAction.Suspend:
                certificate.Suspend(Reason, Deadline ?? throw new InvalidOperationException("A suspension always has a deadline."), at, RuleId);
                break;
            case SupervisionAction.Withdraw:
                certificate.Withdraw(Reason, at, RuleId);
                break;
            case SupervisionAction.Expire:
                certificate.Expire(at, RuleId);
                break;
            default:
                throw new InvalidOperationException($"Unknown supervision action {Action}.");
        }
    }
}
