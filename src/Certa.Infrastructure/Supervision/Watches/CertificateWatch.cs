using Certa.Domain.Supervision.FollowUps;

namespace Certa.Infrastructure.Supervision.Watches;

/// <summary>
/// A live certificate's <see cref="SupervisionWatch"/>, stored so the worklist, its statistics and the daily round read only
/// the certificates whose day has come. A projection of the certificate and its inspections, kept by
/// <see cref="CertificateWatchKeeper"/> in the commit that changes them; never edited on its own. A certificate no longer
/// active or suspended has none.
/// </summary>
public sealed class CertificateWatch
{
    public Guid CertificateId { get; set; }

    public string BodyId { get; set; } = string.Empty;

    /// <inheritdoc cref="SupervisionWatch.ListedFrom"/>
    public DateOnly ListedFrom { get; set; }

    /// <inheritdoc cref="SupervisionWatch.ActsFrom"/>
    public DateOnly ActsFrom { get; set; }

    /// <inheritdoc cref="SupervisionWatch.NextDueOn"/>
    public DateOnly? NextDueOn { get; set; }

    /// <summary>The certificate's last valid day: the worklist leaves out certificates past it, which the round expires.</summary>
    public DateOnly ValidUntil { get; set; }

    /// <summary>The row of <paramref name="certificate"/>'s watch under its scheme's <paramref name="policy"/>; none when it is not watched.</summary>
    public static CertificateWatch? Of(FollowUpPolicy policy, SupervisedCertificate certificate, Guid certificateId) =>
        SupervisionWatch.Of(policy, certificate) is { } watch
            ? new CertificateWatch
            {
                CertificateId = certificateId,
                BodyId = certificate.BodyId,
                ListedFrom = watch.ListedFrom,
                ActsFrom = watch.ActsFrom,
                NextDueOn = watch.NextDueOn,
                ValidUntil = certificate.ValidUntil,
            }
            : null;
}
