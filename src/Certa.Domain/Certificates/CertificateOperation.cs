namespace Certa.Domain.Certificates;

/// <summary>What can be done to a certificate; <see cref="Certificate.Allows"/> says in which states.</summary>
public enum CertificateOperation
{
    Suspend,
    Restore,
    Withdraw,
    Cancel,
    Expire,
    Renew,
    Change,
    Extend,
}
