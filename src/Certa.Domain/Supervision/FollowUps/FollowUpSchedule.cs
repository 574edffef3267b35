namespace Certa.Domain.Supervision.FollowUps;

/// <summary>
/// The due days of a certificate's follow-ups. The k-th is due k intervals after the issue day — counted from
/// the issue day, never from the day a follow-up was done — so a follow-up done early or late does not move the
/// ones after it, and the cycle stays on the certificate's anniversary. Counting each interval from the issue day
/// rather than from the previous due day also keeps a 31st from sliding to the 28th after one February. None is
/// due after the certificate's last valid day: a renewal starts its own schedule.
/// </summary>
public static class FollowUpSchedule
{
    public static IReadOnlyList<DateOnly> For(FollowUpPolicy policy, SupervisedCertificate certificate)
    {
        var interval = policy.IntervalFor(certificate.FactoryClass);
        var due = new List<DateOnly>();
        for (var k = 1; certificate.IssuedOn.AddMonths(k * interval) is var day && day <= certificate.ValidUntil; k++)
        {
            due.Add(day);
        }

        return due;
    }
}
