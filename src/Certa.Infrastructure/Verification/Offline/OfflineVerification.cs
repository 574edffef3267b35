namespace Certa.Infrastructure.Verification.Offline;

/// <summary>How one check came out: a warning (a stale cache) does not stop a credential from verifying.</summary>
public enum CheckOutcome
{
    Passed,
    Warning,
    Failed,
}

/// <summary>One thing the verifier checked: a stable code for scripts and a sentence for people.</summary>
public sealed record VerificationCheck(string Code, CheckOutcome Outcome, string Message)
{
    public static VerificationCheck Pass(string code, string message) => new(code, CheckOutcome.Passed, message);

    public static VerificationCheck Warn(string code, string message) => new(code, CheckOutcome.Warning, message);

    public static VerificationCheck Fail(string code, string message) => new(code, CheckOutcome.Failed, message);
}

/// <summary>What the credential claims, as read from it (whether or not it verified).</summary>
public sealed record CertificateSummary(
    string? CredentialId,
    string? Number,
    int? Version,
    string? Holder,
    string? Body,
    string? Issuer,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil);

/// <summary>The verdict: verified when no check failed; the checks in the order they were made.</summary>
public sealed record OfflineVerification(
    bool Verified,
    CertificateSummary? Certificate,
    IReadOnlyList<VerificationCheck> Checks,
    string Server,
    DateTimeOffset BundleFetchedAt)
{
    public IEnumerable<VerificationCheck> Failures => Checks.Where(c => c.Outcome == CheckOutcome.Failed);
}
