namespace Certa.Infrastructure.Credentials;

/// <summary>Why a Data Integrity proof did not verify.</summary>
public enum ProofFailure
{
    None,
    NoProof,
    MalformedProof,
    WrongType,
    WrongCryptosuite,
    UnknownVerificationMethod,
    ProofPurposeMismatch,
    ContextMismatch,
    MalformedProofValue,
    BadSignature,
}

/// <summary>
/// The outcome of checking a proof: ok, or the failure and a sentence naming the value that caused it. A verified
/// result carries the proof's <c>created</c> instant, so that a caller can refuse proofs made after the key's
/// revocation (a revoked key stays published for the credentials it signed before).
/// </summary>
public sealed record ProofVerification(ProofFailure Failure, string? Reason, string? VerificationMethod, DateTimeOffset? Created = null)
{
    public bool Verified => Failure == ProofFailure.None;

    public static ProofVerification Ok(string verificationMethod, DateTimeOffset? created) => new(ProofFailure.None, null, verificationMethod, created);

    public static ProofVerification Fail(ProofFailure failure, string reason, string? verificationMethod = null) =>
        new(failure, reason, verificationMethod);

    public override string ToString() => Verified ? $"verified by {VerificationMethod}" : $"{Failure}: {Reason}";
}
