using Certa.Domain.Common;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Supervision.Inspections;

namespace Certa.Web.Supervision.Inspections;

/// <summary>Plans the yearly follow-up due on <c>dueOn</c> of a certificate, with auditors of its body.</summary>
public sealed record PlanInspectionRequest(string? Certificate, DateOnly? DueOn, DateOnly? PlannedOn, IReadOnlyList<Guid>? Inspectors);

/// <summary>The result of a performed inspection: <c>outcome</c> passed or failed; findings required when it failed.</summary>
public sealed record InspectionResultRequest(string? Outcome, DateOnly? PerformedOn, IReadOnlyList<string>? Findings, string? Summary)
{
    public InspectionResult ToResult() => new(
        Outcome?.Trim().ToLowerInvariant() switch
        {
            "passed" => true,
            "failed" => false,
            _ => throw DomainException.Invalid("outcome-invalid", $"The outcome is 'passed' or 'failed', not '{Outcome}'.", "outcome"),
        },
        PerformedOn ?? throw DomainException.Invalid("performed-on-required", "Give the day the inspection was performed.", "performedOn"),
        Findings ?? [],
        Summary);
}

public sealed record CancelInspectionRequest(string? Reason);

public sealed record InspectionDto(Guid Id, string Kind, string OrganisedBy, Guid? Draw, string Certificate, string Enterprise, string Body, string Scheme,
    string ProductType, DateOnly? DueOn, IReadOnlyList<string> Inspectors, DateOnly PlannedOn, string State, DateOnly? PerformedOn,
    IReadOnlyList<string> Findings, string? Summary, string? CancelReason, DateTimeOffset PlannedAt, DateTimeOffset? RecordedAt, int Version)
{
    public static InspectionDto From(Inspection i) => new(i.Id, SnakeCaseNames.Of(i.Kind.ToString()), i.OrganisedBy, i.DrawId, i.CertificateNumber,
        i.EnterpriseId, i.BodyId, i.SchemeId, i.ProductTypeId, i.DueOn, i.Inspectors, i.PlannedOn, SnakeCaseNames.Of(i.State.ToString()), i.PerformedOn,
        i.Findings, i.Summary, i.CancelReason, i.PlannedAt, i.RecordedAt, i.Version);
}
