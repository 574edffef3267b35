namespace Certa.Domain.Signing;

public enum SigningKeyState
{
    /// <summary>Signs the body's new credentials; a body has at most one.</summary>
    Active,
    /// <summary>Replaced by a newer key: signs nothing new, but what it signed still verifies.</summary>
    Retired,
    /// <summary>Compromised: what it signed from <see cref="SigningKey.RevokedFrom"/> on no longer verifies.</summary>
    Revoked,
}
