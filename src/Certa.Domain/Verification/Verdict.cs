using Certa.Domain.Certificates;

namespace Certa.Domain.Verification;

/// <summary>
/// The answer to a <see cref="VerificationRequest"/>: valid or not, and every reason why not. The state is the one in force
/// on <see cref="On"/>, with when it began, why, and (suspended) the deadline to correct; superseded names its successor.
/// </summary>
public sealed record Verdict(
    string Number,
    DateOnly On,
    bool Valid,
    IReadOnlyList<Finding> Findings,
    CertificateState? State = null,
    DateTimeOffset? Since = null,
    string? Reason = null,
    DateOnly? Deadline = null,
    string? SupersededBy = null,
    int? Version = null,
    ModelCoverage? Model = null,
    PartyMatch? Party = null,
    IReadOnlyList<string>? Suggestions = null)
{
    /// <summary>The first reason, or "valid": what one word of output says.</summary>
    public string Code => Findings.Count > 0 ? Findings[0].Code : "valid";
}

/// <summary>Whether the asked model is one the certificate covered on the day, and which it covered.</summary>
public sealed record ModelCoverage(string Asked, bool Covered, IReadOnlyList<string> Models);

/// <summary>Whether the asked name is the holder's or the manufacturer's, and which one it matched.</summary>
public sealed record PartyMatch(string Asked, bool Matches, string? MatchedAs);
