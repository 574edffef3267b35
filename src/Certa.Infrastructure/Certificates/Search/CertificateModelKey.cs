namespace Certa.Infrastructure.Certificates.Search;

/// <summary>
/// One model a certificate covers, by its comparison key (<see cref="Certa.Domain.Verification.CertificateJudge.ModelKey"/>): the
/// index behind "which certificates cover this model". A projection of the certificate's product, kept by
/// <see cref="CertificateModelKeys"/> in the commit that changes it; never edited on its own.
/// </summary>
public sealed record CertificateModelKey(string Key, Guid CertificateId)
{
    /// <summary>Longer models are cut here: a key is for finding, the certificate keeps the model whole.</summary>
    public const int MaxLength = 100;
}
