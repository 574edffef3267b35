namespace Certa.Domain.Certificates;

/// <summary>Where a certificate stands. Issue "Certificates" adds the rest of the lifecycle.</summary>
public enum CertificateState
{
    Active,
}
