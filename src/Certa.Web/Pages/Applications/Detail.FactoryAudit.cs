using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Audits;
using Certa.Domain.Common;
using Certa.Infrastructure.Audits;
using Certa.Infrastructure.Certification;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Audits;
using Microsoft.AspNetCore.Mvc;

namespace Certa.Web.Pages.Applications;

/// <summary>
/// The application page's factory audit (<c>_FactoryAudit.cshtml</c>): the body's handlers plan it with
/// registered auditors and close the audit step; everyone who may see it reads its state, team,
/// checklist and findings; the applicant answers open findings with evidence. Each runs one of
/// <see cref="FactoryAuditCommands"/>; the auditors' own forms are on <c>/audits/{id}</c>.
/// </summary>
public sealed partial class DetailModel
{
    /// <summary>The auditors ticked on the plan form (person ids).</summary>
    [BindProperty]
    public List<Guid> AuditTeam { get; set; } = [];

    [BindProperty]
    public DateOnly? AuditStartsOn { get; set; }

    [BindProperty]
    public int? AuditDays { get; set; }

    /// <summary>The finding an answer is for.</summary>
    [BindProperty]
    public int? FindingNo { get; set; }

    /// <summary>The applicant's corrective action for <see cref="FindingNo"/>; the evidence comes as the form's file.</summary>
    [BindProperty]
    public string? FindingAnswer { get; set; }

    /// <summary>The factory-audit section, for those who may see audits; null for everyone else or before there is anything to show.</summary>
    public FactoryAuditSection? Audit { get; private set; }

    public Task<IActionResult> OnPostPlanAuditAsync([FromServices] FactoryAuditCommands audits, [FromServices] UiText words, CancellationToken ct) =>
        RunAsync("plan-audit", "audit_planned", () => audits.PlanAsync(HttpContext.Command(), Id, new NewFactoryAudit(AuditTeam,
            AuditStartsOn ?? throw DomainException.Invalid("starts-on-required", words["fa.plan.start.required"], "startsOn"),
            AuditDays ?? throw DomainException.Invalid("days-required", words["fa.plan.days.required"], "days")), ct), ct);

    public Task<IActionResult> OnPostAnswerFindingAsync([FromServices] FactoryAuditCommands audits, CancellationToken ct) =>
        RunAsync("answer-finding", "finding_answered", async () =>
        {
            await audits.AnswerAsync(HttpContext.Command(), await CurrentAuditIdAsync(audits, ct), FindingNo ?? 0, FindingAnswer ?? string.Empty, Upload?.FileName ?? string.Empty,
                await ReadAsync(Upload, ct), ct);
        }, ct);

    public Task<IActionResult> OnPostCompleteAuditAsync([FromServices] FactoryAuditCommands audits, CancellationToken ct) =>
        RunAsync("complete-audit", "audit_completed", () => audits.CompleteAsync(HttpContext.Command(), Id, ct), ct);

    /// <summary>Whether the plan form shows the auditor ticked: none at first, the posted ones after a refusal.</summary>
    public bool InTeam(Guid person) => FailedForm == "plan-audit" && AuditTeam.Contains(person);

    public string? AnswerFor(int finding) => FailedForm == "answer-finding" && FindingNo == finding ? FindingAnswer : null;

    private async Task<Guid> CurrentAuditIdAsync(FactoryAuditCommands audits, CancellationToken ct) =>
        Current(await audits.ListAsync(HttpContext.RequiredActor(), Id, false, ct))?.Id
        ?? throw DomainException.NotFound("factory-audit-not-found", $"Application {Id} has no factory audit.");

    /// <summary>The audit that counts: the one not cancelled, else the last cancelled one.</summary>
    private static FactoryAudit? Current(IReadOnlyList<FactoryAudit> audits) =>
        audits.FirstOrDefault(a => a.State != FactoryAuditState.Cancelled) ?? (audits.Count > 0 ? audits[0] : null);

    private async Task<FactoryAuditSection?> FactoryAuditAsync(CertaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (Me.ReachOf(Permission.FactoryAuditsRead) == Reach.None)
        {
            return null;
        }

        // The page's constructor is shared by its sections; this one takes its services from the request.
        var services = HttpContext.RequestServices;
        var audit = Current(await services.GetRequiredService<FactoryAuditCommands>().ListAsync(Me, Application.Id, false, ct));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var manages = Me.May(Permission.FactoryAuditsManage, Application.BodyId);
        var plannable = manages && Application.State is ApplicationState.Accepted or ApplicationState.Testing or ApplicationState.FactoryAudit
            && audit is not { State: not FactoryAuditState.Cancelled };
        if (audit is null && !plannable)
        {
            return null;
        }

        AuditRule? rule = null;
        string? planProblem = null;
        IReadOnlyList<AuditorChoice> choices = [];
        if (plannable)
        {
            try
            {
                rule = await services.GetRequiredService<CertificationData>().AuditRuleAsync(db, Application.SchemeId, ct);
            }
            catch (DomainException e)
            {
                planProblem = e.Message;
            }

            choices = [.. (await services.GetRequiredService<AuditorCommands>().ListAsync(Me, Application.BodyId, ct)).Select(a => new AuditorChoice(
                a.Person.Id, a.Person.DisplayName, a.Registration.RegistrationNumber, SnakeCaseNames.Of(a.Registration.Qualification.ToString()),
                a.Registration.Scope, a.Registration.ValidUntil, a.Registration.IsCompetentFor(Application.ProductTypeId, today)))];
        }

        var view = audit is null ? null : new FactoryAuditView(audit, today);
        return new FactoryAuditSection(view, choices, rule, planProblem, plannable,
            audit?.State == FactoryAuditState.FindingsOpen && Me.May(Permission.FindingsRespond, Application.ApplicantId),
            manages && Application.State == ApplicationState.FactoryAudit,
            audit is not null && Me.PersonId is { } me && audit.IsAuditor(me), today);
    }
}

/// <summary>A registered auditor of the body as the plan form offers them, competent or not for the product type today.</summary>
public sealed record AuditorChoice(Guid PersonId, string Name, string RegistrationNumber, string Qualification, IReadOnlyList<string> Scope,
    DateOnly ValidUntil, bool Competent);

/// <summary>What the factory-audit section shows and offers.</summary>
public sealed record FactoryAuditSection(FactoryAuditView? View, IReadOnlyList<AuditorChoice> Auditors, AuditRule? Rule, string? PlanProblem,
    bool MayPlan, bool MayAnswer, bool MayComplete, bool OnTeam, DateOnly Today);
