using Certa.Domain.Common;

namespace Certa.Domain.Audits;

public enum FactoryAuditState
{
    /// <summary>Auditors and days set; the audit has not been reported.</summary>
    Planned,

    /// <summary>Reported with findings that are not all closed.</summary>
    FindingsOpen,

    /// <summary>Reported, and every finding closed by evidence.</summary>
    Passed,

    Cancelled,
}

public enum FindingGrade
{
    /// <summary>A nonconformity that puts the product's consistency or the quality system in doubt.</summary>
    Major,

    Minor,
}

public enum FindingState
{
    /// <summary>Waiting for the factory's corrective action.</summary>
    Open,

    /// <summary>The factory answered with its corrective action and evidence; an auditor decides.</summary>
    Answered,

    Closed,
}

/// <summary>An item of the scheme's factory-audit checklist (from <c>data/certification/factory-audit.yaml</c>).</summary>
public sealed record ChecklistItem(string Id, LocalizedText Text);

/// <summary>A planned auditor: the person and the registration number they audit under.</summary>
public sealed record AssignedAuditor(Guid PersonId, string Name, string RegistrationNumber);

/// <summary>What the auditors found for one checklist item.</summary>
public sealed record ChecklistResult(string ItemId, bool Conforms, string? Notes);

/// <summary>Evidence of a corrective action: a stored file (by SHA-256) and what was done.</summary>
public sealed record FindingEvidence(string CorrectiveAction, string Sha256, string FileName, DateTimeOffset AnsweredAt);

/// <summary>
/// A nonconformity found in the audit, with the corrective action the factory must take by the
/// deadline. Closed by an auditor on the factory's evidence; an auditor may reject the evidence,
/// which opens it again.
/// </summary>
public sealed record Finding(int No, string ItemId, FindingGrade Grade, string Description, DateOnly Deadline, FindingState State,
    FindingEvidence? Evidence, string? RejectedBecause, Guid? ClosedBy, DateTimeOffset? ClosedAt)
{
    public bool IsOverdue(DateOnly today) => State != FindingState.Closed && today > Deadline;
}

/// <summary>A finding as an auditor reports it.</summary>
public sealed record NewFinding(string ItemId, FindingGrade Grade, string Description, DateOnly Deadline);
