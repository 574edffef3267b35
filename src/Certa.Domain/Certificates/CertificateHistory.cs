using Certa.Domain.Common;

namespace Certa.Domain.Certificates;

/// <summary>
/// The certificate entered <paramref name="State"/> at <paramref name="At"/>, and why; a suspension has a deadline. <paramref name="Rule"/>
/// names the supervision rule when the change was automatic (none when a person decided it).
/// </summary>
public sealed record CertificateStatusChange(CertificateState State, DateTimeOffset At, string? Reason, DateOnly? Deadline = null, string? Rule = null);

/// <summary>One version of a certificate's content: the first issue, a change of holder details, an extension to new models.</summary>
public sealed record CertificateVersion(int Version, DateTimeOffset At, string Change, string? Reason, LocalizedText HolderName,
    LocalizedText HolderAddress, IReadOnlyList<string> Models);
