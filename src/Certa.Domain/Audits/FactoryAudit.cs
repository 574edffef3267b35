using Certa.Domain.Applications;
using Certa.Domain.Common;

namespace Certa.Domain.Audits;

/// <summary>
/// The initial factory audit of an application: planned with at least the scheme's number of
/// registered, competent auditors and days; reported against the scheme's checklist with findings
/// graded major or minor, each with a corrective action and deadline; passed once every finding is
/// closed on the factory's evidence. The auditors become evaluators of the application.
/// </summary>
public sealed class FactoryAudit : Aggregate
{
    // Lists are replaced, never changed in place, so that a save sees every change.
    private IReadOnlyList<AssignedAuditor> auditors = [];
    private IReadOnlyList<ChecklistItem> checklist = [];
    private IReadOnlyList<ChecklistResult> results = [];
    private IReadOnlyList<Finding> findings = [];

    private FactoryAudit()
    {
        BodyId = ApplicantId = string.Empty;
        Factory = null!;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string BodyId { get; private set; }

    /// <summary>The applicant that answers the findings.</summary>
    public string ApplicantId { get; private set; }

    /// <summary>The factory audited, as the application names it.</summary>
    public Party Factory { get; private set; }

    public IReadOnlyList<AssignedAuditor> Auditors => auditors;

    public DateOnly StartsOn { get; private set; }

    public int Days { get; private set; }

    public IReadOnlyList<ChecklistItem> Checklist => checklist;

    public IReadOnlyList<ChecklistResult> Results => results;

    public IReadOnlyList<Finding> Findings => findings;

    public FactoryAuditState State { get; private set; }

    public string? CancelReason { get; private set; }

    public DateTimeOffset PlannedAt { get; private set; }

    public DateTimeOffset? ReportedAt { get; private set; }

    public DateTimeOffset? PassedAt { get; private set; }

    public int Version { get; private set; }

    public override string EntityType => "factory_audit";

    public override string EntityKey => Id.ToString();

    public override string? OwningOrganisation => BodyId;

    /// <summary>
    /// Plans the audit of <paramref name="application"/>'s factory. The caller has checked that each
    /// auditor is a registered, competent auditor of the body; this checks the team and the days
    /// against the scheme's rule and notes the auditors as evaluators of the application.
    /// </summary>
    public static FactoryAudit Plan(Guid id, Application application, IReadOnlyList<AssignedAuditor> team, DateOnly startsOn, int days,
        AuditRule rule, DateTimeOffset at)
    {
        if (application.State is not (ApplicationState.Accepted or ApplicationState.Testing or ApplicationState.FactoryAudit))
        {
            throw DomainException.Conflict("application-not-auditable",
                $"A factory audit is planned once the application is accepted and until it goes to review; application {application.Id} is {ApplicationWorkflow.Name(application.State)}.");
        }

        if (team.Select(a => a.PersonId).Distinct().Count() != team.Count)
        {
            throw DomainException.Invalid("duplicate-auditor", "An auditor is named twice in the team.", "auditors");
        }

        if (team.Count < rule.MinAuditors)
        {
            throw DomainException.Invalid("too-few-auditors",
                $"The {rule.SchemeId} factory audit needs at least {rule.MinAuditors} auditors; {team.Count} were named.", "auditors");
        }

        if (days < 1 || days > rule.MaxDays)
        {
            throw DomainException.Invalid("audit-days-invalid", $"The {rule.SchemeId} factory audit takes 1 to {rule.MaxDays} days on site; {days} were planned.", "days");
        }

        if (startsOn < DateOnly.FromDateTime(at.UtcDateTime))
        {
            throw DomainException.Invalid("audit-start-in-the-past", $"The audit cannot start on {startsOn:yyyy-MM-dd}, which has passed.", "startsOn");
        }

        var audit = new FactoryAudit
        {
            Id = id,
            ApplicationId = application.Id,
            BodyId = application.BodyId,
            ApplicantId = application.ApplicantId,
            Factory = application.Factory,
            auditors = team,
            StartsOn = startsOn,
            Days = days,
            checklist = rule.Checklist,
            State = FactoryAuditState.Planned,
            PlannedAt = at,
        };
        foreach (var auditor in team)
        {
            application.NoteEvaluator(auditor.PersonId);
        }

        audit.Record("factory_audit.planned", new
        {
            application = application.Id,
            auditors = team.Select(a => new { a.PersonId, a.RegistrationNumber }),
            startsOn,
            days,
        });
        return audit;
    }

    /// <summary>
    /// The auditors' report: a result for every checklist item and the findings. Without findings the
    /// audit passes at once; otherwise it waits for the findings to be closed.
    /// </summary>
    public void Report(Guid auditor, IReadOnlyList<ChecklistResult> checklistResults, IReadOnlyList<NewFinding> newFindings, DateTimeOffset at)
    {
        RequireAuditor(auditor, "report");
        if (State != FactoryAuditState.Planned)
        {
            throw DomainException.Conflict("audit-already-reported", $"Audit {Id} is {Name(State)}; it is reported once.");
        }

        if (DateOnly.FromDateTime(at.UtcDateTime) < StartsOn)
        {
            throw DomainException.Conflict("audit-not-started", $"Audit {Id} starts on {StartsOn:yyyy-MM-dd}; it cannot be reported before.");
        }

        var unknown = checklistResults.Select(r => r.ItemId).Concat(newFindings.Select(f => f.ItemId)).FirstOrDefault(i => checklist.All(c => c.Id != i));
        if (unknown is not null)
        {
            throw DomainException.Invalid("checklist-item-unknown",
                $"'{unknown}' is not an item of the checklist; its items are: {string.Join(", ", checklist.Select(c => c.Id))}.", "checklist");
        }

        var missing = checklist.Where(c => checklistResults.All(r => r.ItemId != c.Id)).Select(c => c.Id).ToList();
        if (missing.Count > 0)
        {
            throw DomainException.Invalid("checklist-incomplete", $"Every checklist item needs a result; missing: {string.Join(", ", missing)}.", "checklist");
        }

        if (checklistResults.GroupBy(r => r.ItemId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw DomainException.Invalid("duplicate-checklist-result", $"Checklist item '{twice.Key}' has two results.", "checklist");
        }

        var nonconforming = checklistResults.Where(r => !r.Conforms).Select(r => r.ItemId).ToList();
        if (nonconforming.FirstOrDefault(i => newFindings.All(f => f.ItemId != i)) is { } unexplained)
        {
            throw DomainException.Invalid("finding-required", $"Checklist item '{unexplained}' does not conform: record the finding.", "findings");
        }

        var today = DateOnly.FromDateTime(at.UtcDateTime);
        var numbered = new List<Finding>();
        foreach (var f in newFindings)
        {
            if (string.IsNullOrWhiteSpace(f.Description))
            {
                throw DomainException.Invalid("finding-description-required", "Each finding needs a description of the nonconformity.", "findings");
            }

            if (f.Deadline <= today)
            {
                throw DomainException.Invalid("deadline-in-the-past", $"A corrective action's deadline must be after today; {f.Deadline:yyyy-MM-dd} is not.", "findings");
            }

            if (checklistResults.First(r => r.ItemId == f.ItemId).Conforms)
            {
                throw DomainException.Invalid("finding-on-conforming-item", $"Checklist item '{f.ItemId}' is reported as conforming but has a finding.", "findings");
            }

            numbered.Add(new Finding(numbered.Count + 1, f.ItemId, f.Grade, f.Description.Trim(), f.Deadline, FindingState.Open, null, null, null, null));
        }

        results = [.. checklistResults.Select(r => r with { Notes = string.IsNullOrWhiteSpace(r.Notes) ? null : r.Notes.Trim() })];
        findings = numbered;
        ReportedAt = at;
        State = numbered.Count == 0 ? FactoryAuditState.Passed : FactoryAuditState.FindingsOpen;
        PassedAt = numbered.Count == 0 ? at : null;
        Changed("factory_audit.reported", new
        {
            by = auditor,
            nonconforming,
            findings = numbered.Select(f => new { f.No, f.ItemId, grade = SnakeCaseNames.Of(f.Grade.ToString()), f.Deadline }),
        });
        if (State == FactoryAuditState.Passed)
        {
            Changed("factory_audit.passed", new { });
        }
    }

    /// <summary>The factory's corrective action for a finding, with its evidence.</summary>
    public void Answer(int findingNo, FindingEvidence evidence)
    {
        var finding = OpenFinding(findingNo);
        if (finding.State != FindingState.Open)
        {
            throw DomainException.Conflict("finding-not-open", $"Finding {findingNo} is {Name(finding.State)}; the factory answers an open finding.");
        }

        if (string.IsNullOrWhiteSpace(evidence.CorrectiveAction))
        {
            throw DomainException.Invalid("corrective-action-required", "Say what was corrected, and how it is prevented from happening again.", "correctiveAction");
        }

        Replace(finding with { State = FindingState.Answered, Evidence = evidence with { CorrectiveAction = evidence.CorrectiveAction.Trim() }, RejectedBecause = null });
        Changed("factory_audit.finding_answered", new { finding = findingNo, evidence.Sha256 });
    }

    /// <summary>An auditor of the team accepts the evidence and closes the finding; the last one closed passes the audit.</summary>
    public void CloseFinding(Guid auditor, int findingNo, DateTimeOffset at)
    {
        RequireAuditor(auditor, "close findings of");
        var finding = AnsweredFinding(findingNo);
        Replace(finding with { State = FindingState.Closed, ClosedBy = auditor, ClosedAt = at });
        Changed("factory_audit.finding_closed", new { finding = findingNo, by = auditor });
        if (findings.All(f => f.State == FindingState.Closed))
        {
            State = FactoryAuditState.Passed;
            PassedAt = at;
            Changed("factory_audit.passed", new { });
        }
    }

    /// <summary>An auditor of the team finds the evidence insufficient: the finding is open again.</summary>
    public void RejectEvidence(Guid auditor, int findingNo, string reason)
    {
        RequireAuditor(auditor, "reject evidence of");
        var finding = AnsweredFinding(findingNo);
        var why = string.IsNullOrWhiteSpace(reason)
            ? throw DomainException.Invalid("reason-required", "Say why the evidence does not close the finding.", "reason")
            : reason.Trim();
        Replace(finding with { State = FindingState.Open, RejectedBecause = why });
        Changed("factory_audit.evidence_rejected", new { finding = findingNo, by = auditor, reason = why });
    }

    public void Cancel(string reason, DateTimeOffset at)
    {
        if (State is FactoryAuditState.Passed or FactoryAuditState.Cancelled)
        {
            throw DomainException.Conflict("audit-closed", $"Audit {Id} is {Name(State)}; only an open audit is cancelled.");
        }

        CancelReason = string.IsNullOrWhiteSpace(reason)
            ? throw DomainException.Invalid("reason-required", "Say why the audit is cancelled.", "reason")
            : reason.Trim();
        State = FactoryAuditState.Cancelled;
        PassedAt = null;
        ReportedAt ??= at;
        Changed("factory_audit.cancelled", new { reason = CancelReason });
    }

    public bool IsAuditor(Guid person) => auditors.Any(a => a.PersonId == person);

    public override object AuditState() => new
    {
        id = Id,
        application = ApplicationId,
        body = BodyId,
        auditors = auditors.Select(a => new { a.PersonId, a.RegistrationNumber }),
        startsOn = StartsOn,
        days = Days,
        state = Name(State),
        results,
        findings = findings.Select(f => new { f.No, f.ItemId, grade = SnakeCaseNames.Of(f.Grade.ToString()), f.Deadline, state = Name(f.State), evidence = f.Evidence?.Sha256 }),
        cancelReason = CancelReason,
    };

    public static string Name(FactoryAuditState state) => SnakeCaseNames.Of(state.ToString());

    public static string Name(FindingState state) => SnakeCaseNames.Of(state.ToString());

    private Finding OpenFinding(int no)
    {
        if (State != FactoryAuditState.FindingsOpen)
        {
            throw DomainException.Conflict("audit-has-no-open-findings", $"Audit {Id} is {Name(State)}; findings are answered and closed while it has open findings.");
        }

        return findings.FirstOrDefault(f => f.No == no)
            ?? throw DomainException.NotFound("finding-not-found", $"Audit {Id} has no finding {no}; it has {findings.Count}.");
    }

    private Finding AnsweredFinding(int no)
    {
        var finding = OpenFinding(no);
        return finding.State == FindingState.Answered
            ? finding
            : throw DomainException.Conflict("finding-not-answered", $"Finding {no} is {Name(finding.State)}; an auditor decides on a finding the factory has answered.");
    }

    private void Replace(Finding finding) => findings = [.. findings.Select(f => f.No == finding.No ? finding : f)];

    private void RequireAuditor(Guid person, string what)
    {
        if (!IsAuditor(person))
        {
            throw DomainException.Forbidden("not-on-audit-team", $"Only an auditor of the audit team may {what} audit {Id}.");
        }
    }

    private void Changed(string action, object details)
    {
        Version++;
        Record(action, details);
    }
}
