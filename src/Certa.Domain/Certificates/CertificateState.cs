namespace Certa.Domain.Certificates;

/// <summary>
/// Where a certificate stands (CNCA 2008 No. 19: valid, suspended, revoked, cancelled, expired), plus
/// superseded: replaced by its renewal.
/// </summary>
public enum CertificateState
{
    Active,
    /// <summary>Not valid until restored; restored or withdrawn by the deadline.</summary>
    Suspended,
    /// <summary>Revoked by the body (撤销): for good.</summary>
    Withdrawn,
    /// <summary>Given up at the holder's request (注销): for good.</summary>
    Cancelled,
    /// <summary>Past its validity.</summary>
    Expired,
    /// <summary>Replaced by a renewal, which names this one as its predecessor.</summary>
    Superseded,
}
