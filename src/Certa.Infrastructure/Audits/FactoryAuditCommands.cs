using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Audits;
using Certa.Domain.Common;
using Certa.Infrastructure.Certification;
using Certa.Infrastructure.Files;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Audits;

/// <summary>What the body gives to plan the initial factory audit.</summary>
public sealed record NewFactoryAudit(IReadOnlyList<Guid> Auditors, DateOnly StartsOn, int Days);

/// <summary>
/// The initial factory audit: the body plans it with registered, competent auditors; an auditor of the
/// team reports it and closes findings; the applicant answers findings with evidence; the body then
/// moves the application on to review. One transaction per command, with its audit events.
/// </summary>
public sealed class FactoryAuditCommands(CertaDbContext db, AuditorCommands auditors, CertificationData data, IFileStore files, TimeProvider clock)
{
    public async Task<FactoryAudit> PlanAsync(CommandContext who, Guid applicationId, NewFactoryAudit input, CancellationToken ct)
    {
        var application = await ApplicationAsync(applicationId, ct);
        who.Actor.Require(Permission.FactoryAuditsManage, application.BodyId);
        if (await db.Set<FactoryAudit>().AnyAsync(a => a.ApplicationId == applicationId && a.State != FactoryAuditState.Cancelled, ct))
        {
            throw DomainException.Conflict("audit-already-planned", $"Application {applicationId} already has its factory audit; cancel it to plan another.");
        }

        var rule = await data.AuditRuleAsync(db, application.SchemeId, ct);
        var team = await auditors.TeamAsync(application.BodyId, input.Auditors, application.ProductTypeId, input.StartsOn, ct);
        var now = clock.GetUtcNow();
        var audit = FactoryAudit.Plan(Guid.CreateVersion7(now), application, team, input.StartsOn, input.Days, rule, now);
        db.Add(audit);
        await db.CommitAsync(who, now, ct);
        return audit;
    }

    /// <summary>The report of an auditor of the team; the reporter must be one of them.</summary>
    public async Task<FactoryAudit> ReportAsync(CommandContext who, Guid auditId, IReadOnlyList<ChecklistResult> results, IReadOnlyList<NewFinding> findings,
        CancellationToken ct)
    {
        var audit = await ForTeamAsync(who, auditId, ct);
        audit.Report(who.Actor.PersonId!.Value, results, findings, clock.GetUtcNow());
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return audit;
    }

    /// <summary>The applicant's corrective action with its evidence file; a refused file stores nothing.</summary>
    public async Task<FactoryAudit> AnswerAsync(CommandContext who, Guid auditId, int findingNo, string correctiveAction, string fileName, byte[] content,
        CancellationToken ct)
    {
        var audit = await AuditAsync(auditId, ct);
        who.Actor.Require(Permission.FindingsRespond, audit.ApplicantId);
        var file = DocumentRules.Accept(fileName, $"finding-{findingNo}", content);
        audit.Answer(findingNo, new FindingEvidence(correctiveAction ?? string.Empty, file.Sha256, file.Name, clock.GetUtcNow()));
        await files.PutAsync(content, ct);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return audit;
    }

    public async Task<FactoryAudit> CloseFindingAsync(CommandContext who, Guid auditId, int findingNo, CancellationToken ct)
    {
        var audit = await ForTeamAsync(who, auditId, ct);
        audit.CloseFinding(who.Actor.PersonId!.Value, findingNo, clock.GetUtcNow());
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return audit;
    }

    public async Task<FactoryAudit> RejectEvidenceAsync(CommandContext who, Guid auditId, int findingNo, string reason, CancellationToken ct)
    {
        var audit = await ForTeamAsync(who, auditId, ct);
        audit.RejectEvidence(who.Actor.PersonId!.Value, findingNo, reason);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return audit;
    }

    /// <summary>Moves the application on to review once its factory audit has passed.</summary>
    public async Task<Application> CompleteAsync(CommandContext who, Guid applicationId, CancellationToken ct)
    {
        var application = await ApplicationAsync(applicationId, ct);
        who.Actor.Require(Permission.FactoryAuditsManage, application.BodyId);
        var audit = await db.Set<FactoryAudit>().AsNoTracking()
            .Where(a => a.ApplicationId == applicationId && a.State != FactoryAuditState.Cancelled).FirstOrDefaultAsync(ct);
        // A reused certificate's audit of the same factory stands in, unless the body chose to audit anyway.
        var reused = audit is null && application.Reuse is { CoversFactoryAudit: true };
        if (application.State == ApplicationState.FactoryAudit && !reused)
        {
            if (audit is null)
            {
                throw DomainException.Conflict("no-factory-audit", $"Application {applicationId} has no factory audit yet; plan one.");
            }

            if (audit.State != FactoryAuditState.Passed)
            {
                var open = audit.Findings.Where(f => f.State != FindingState.Closed).Select(f => $"finding {f.No} ({FactoryAudit.Name(f.State)})");
                throw DomainException.Conflict("factory-audit-not-passed",
                    audit.State == FactoryAuditState.Planned
                        ? $"The factory audit of application {applicationId} has not been reported yet."
                        : $"The factory audit of application {applicationId} has open findings: {string.Join(", ", open)}.");
            }
        }

        application.CompleteFactoryAudit(clock.GetUtcNow());
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return application;
    }

    /// <summary>An audit, for someone who may see it: its body, the applicant, an authority officer.</summary>
    public async Task<FactoryAudit> ReadAsync(Actor actor, Guid auditId, CancellationToken ct)
    {
        var audit = await db.Set<FactoryAudit>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == auditId, ct) ?? throw NotFound(auditId);
        if (!actor.May(Permission.FactoryAuditsRead, audit.ApplicantId))
        {
            actor.Require(Permission.FactoryAuditsRead, audit.BodyId);
        }

        return audit;
    }

    /// <summary>The audits the actor may see, newest first; an auditor's own first when <paramref name="mine"/>.</summary>
    public async Task<IReadOnlyList<FactoryAudit>> ListAsync(Actor actor, Guid? applicationId, bool mine, CancellationToken ct)
    {
        var query = db.Set<FactoryAudit>().AsNoTracking();
        if (actor.ReachOf(Permission.FactoryAuditsRead) != Reach.Any)
        {
            query = query.Where(a => a.BodyId == actor.OrganisationId || a.ApplicantId == actor.OrganisationId);
        }

        if (applicationId is { } id)
        {
            query = query.Where(a => a.ApplicationId == id);
        }

        var list = await query.ToListAsync(ct);
        if (mine && actor.PersonId is { } me)
        {
            list = [.. list.Where(a => a.IsAuditor(me))];
        }

        return [.. list.OrderByDescending(a => a.PlannedAt)];
    }

    /// <summary>A finding's evidence file, for whoever may see the audit.</summary>
    public async Task<(FindingEvidence Evidence, Stream Content)> OpenEvidenceAsync(Actor actor, Guid auditId, int findingNo, CancellationToken ct)
    {
        var audit = await ReadAsync(actor, auditId, ct);
        var evidence = audit.Findings.FirstOrDefault(f => f.No == findingNo)?.Evidence
            ?? throw DomainException.NotFound("evidence-not-found", $"Finding {findingNo} of audit {auditId} has no evidence.");
        var content = await files.OpenAsync(evidence.Sha256, ct)
            ?? throw new InvalidOperationException($"The evidence file {evidence.Sha256} is missing from the file store.");
        return (evidence, content);
    }

    private async Task<FactoryAudit> ForTeamAsync(CommandContext who, Guid auditId, CancellationToken ct)
    {
        var audit = await AuditAsync(auditId, ct);
        who.Actor.Require(Permission.FactoryAuditsConduct, audit.BodyId);
        return who.Actor.PersonId is { } person && audit.IsAuditor(person)
            ? audit
            : throw DomainException.Forbidden("not-on-audit-team", $"Only an auditor of the team of audit {auditId} may do this.");
    }

    private async Task<FactoryAudit> AuditAsync(Guid id, CancellationToken ct) =>
        await db.Set<FactoryAudit>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw NotFound(id);

    private async Task<Application> ApplicationAsync(Guid id, CancellationToken ct) =>
        await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw DomainException.NotFound("application-not-found", $"There is no application {id}.");

    private static DomainException NotFound(Guid id) => DomainException.NotFound("factory-audit-not-found", $"There is no factory audit {id}.");
}
