namespace Certa.Domain.Verification;

/// <summary>One reason a certificate does not verify: a stable code and a sentence a customs officer or a shopper can act on.</summary>
public sealed record Finding(string Code, string Message);

/// <summary>The codes of <see cref="Finding"/>: the API, the bulk output and the pages use these names.</summary>
public static class FindingCodes
{
    public const string Unknown = "unknown-number";
    public const string NotYetIssued = "not-yet-issued";
    public const string Suspended = "suspended";
    public const string Withdrawn = "withdrawn";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";
    public const string Superseded = "superseded";
    public const string KeyNotValid = "key-not-valid";
    public const string BodyNotDesignated = "body-not-designated";
    public const string ModelNotCovered = "model-not-covered";
    public const string PartyMismatch = "party-mismatch";
}
