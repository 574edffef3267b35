using Certa.Domain.Common;
using Certa.Domain.Supervision.Inspections;

namespace Certa.Infrastructure.Supervision.Publication;

/// <summary>
/// One public notice of supervision: what happened to which certificate, when it was published, and the facts of
/// <see cref="Inspection"/> (a result) or of <see cref="Action"/> (a suspension or withdrawal). <see cref="Id"/> is
/// <c>inspection:{id}</c> or <c>audit:{sequence}</c>: stable, and it names where the notice comes from.
/// </summary>
public sealed record SupervisionNotice(
    string Id,
    NoticeKind Kind,
    DateTimeOffset PublishedAt,
    string CertificateNumber,
    string EnterpriseId,
    LocalizedText EnterpriseName,
    string BodyId,
    string SchemeId,
    string ProductTypeId,
    InspectionNotice? Inspection,
    CertificateActionNotice? Action);

/// <summary>
/// A recorded inspection result: the day on site, passed or failed, what did not conform, the inspectors' summary, and
/// the reference of the draw that chose the target (none for a yearly follow-up).
/// </summary>
public sealed record InspectionNotice(
    Guid Id,
    InspectionKind Kind,
    string? DrawReference,
    DateOnly PerformedOn,
    InspectionState Outcome,
    IReadOnlyList<string> Findings,
    string? Summary);

/// <summary>
/// A suspension (with the deadline to correct) or a withdrawal, and why; <see cref="Rule"/> names the supervision rule
/// that acted (<c>follow-up.overdue-suspends</c>), and is none when the body decided.
/// </summary>
public sealed record CertificateActionNotice(string Reason, DateOnly? Deadline, string? Rule)
{
    /// <summary><c>rule</c> when Certa acted by a rule, <c>body</c> when the certification body decided.</summary>
    public string DecidedBy => Rule is null ? "body" : "rule";
}
