using Certa.Domain.Audits;
using Certa.Domain.Common;

namespace Certa.Web.FactoryAudits;

public sealed record PlanAuditRequest(IReadOnlyList<Guid>? Auditors, DateOnly? StartsOn, int? Days);

public sealed record ChecklistResultRequest(string? Item, bool? Conforms, string? Notes);

public sealed record FindingRequest(string? Item, string? Grade, string? Description, DateOnly? Deadline);

public sealed record AuditReportRequest(IReadOnlyList<ChecklistResultRequest>? Checklist, IReadOnlyList<FindingRequest>? Findings)
{
    public IReadOnlyList<ChecklistResult> Results() =>
        [.. (Checklist ?? []).Select(c => new ChecklistResult(c.Item?.Trim() ?? string.Empty,
            c.Conforms ?? throw DomainException.Invalid("conforms-required", $"Say whether checklist item '{c.Item}' conforms.", "checklist"), c.Notes))];

    public IReadOnlyList<NewFinding> NewFindings() =>
        [.. (Findings ?? []).Select(f => new NewFinding(f.Item?.Trim() ?? string.Empty, Grade(f.Grade), f.Description ?? string.Empty,
            f.Deadline ?? throw DomainException.Invalid("deadline-required", "Each finding needs the corrective action's deadline.", "findings")))];

    private static FindingGrade Grade(string? grade) =>
        SnakeCaseNames.TryParse(grade?.Trim() ?? string.Empty, ignoreCase: true, out FindingGrade parsed)
            ? parsed
            : throw DomainException.Invalid("grade-invalid", $"'{grade}' is not a finding grade; grades are {SnakeCaseNames.List<FindingGrade>()}.", "findings");
}

public sealed record FindingDto(int No, string Item, string Grade, string Description, DateOnly Deadline, string State, bool Overdue,
    FindingEvidence? Evidence, string? RejectedBecause, Guid? ClosedBy, DateTimeOffset? ClosedAt);

public sealed record FactoryAuditDto(Guid Id, Guid Application, string Body, string Applicant, Domain.Applications.Party Factory,
    IReadOnlyList<AssignedAuditor> Auditors, DateOnly StartsOn, int Days, IReadOnlyList<ChecklistItem> Checklist, IReadOnlyList<ChecklistResult> Results,
    IReadOnlyList<FindingDto> Findings, string State, string? CancelReason, DateTimeOffset PlannedAt, DateTimeOffset? ReportedAt, DateTimeOffset? PassedAt,
    int Version)
{
    public static FactoryAuditDto From(FactoryAudit a, DateOnly today) => new(a.Id, a.ApplicationId, a.BodyId, a.ApplicantId, a.Factory, a.Auditors,
        a.StartsOn, a.Days, a.Checklist, a.Results,
        [.. a.Findings.Select(f => new FindingDto(f.No, f.ItemId, SnakeCaseNames.Of(f.Grade.ToString()), f.Description, f.Deadline,
            FactoryAudit.Name(f.State), f.IsOverdue(today), f.Evidence, f.RejectedBecause, f.ClosedBy, f.ClosedAt))],
        FactoryAudit.Name(a.State), a.CancelReason, a.PlannedAt, a.ReportedAt, a.PassedAt, a.Version);
}

public sealed record AuditorRegistrationRequest(string? RegistrationNumber, string? Qualification, IReadOnlyList<string>? Scope, DateOnly? ValidUntil);

public sealed record AuditorDto(Guid Person, string Name, string Email, string RegistrationNumber, string Qualification, IReadOnlyList<string> Scope, DateOnly ValidUntil)
{
    public static AuditorDto From(Domain.Organisations.Person p, AuditorRegistration r) =>
        new(p.Id, p.DisplayName, p.Email, r.RegistrationNumber, SnakeCaseNames.Of(r.Qualification.ToString()), r.Scope, r.ValidUntil);
}
