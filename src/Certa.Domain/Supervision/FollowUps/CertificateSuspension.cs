namespace Certa.Domain.Supervision.FollowUps;

/// <summary>
/// A suspension in a certificate's history: from when, to be corrected by when, and the follow-up rule that
/// caused it (none when the body suspended it by hand).
/// </summary>
public sealed record CertificateSuspension(DateOnly On, DateOnly Deadline, string? RuleId);
