using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Supervision.FollowUps;
using Certa.Infrastructure.Audits;
using Certa.Infrastructure.Supervision.FollowUps;
using Certa.Infrastructure.Supervision.Inspections;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Applications;
using Certa.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Body;

/// <summary>
/// <c>/body/follow-ups</c>: the signed-in body's yearly follow-ups, due (inside the window before the due day) and
/// overdue (past it; past the grace period the daily supervision round suspends the certificate), with a form on each
/// to plan the inspection: the day and the body's registered auditors. An authority officer may name a body (<c>?body=</c>).
/// </summary>
public sealed class FollowUpsModel(FollowUpQueries followUps, AuditorCommands auditors, InspectionCommands commands, TimeProvider clock, UiText text)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Body { get; set; }

    /// <summary>The <c>next</c> of the page before, for the following page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty]
    public string? Certificate { get; set; }

    [BindProperty]
    public DateOnly? DueOn { get; set; }

    [BindProperty]
    public DateOnly? PlannedOn { get; set; }

    [BindProperty]
    public List<Guid> Inspectors { get; set; } = [];

    public string BodyId { get; private set; } = string.Empty;

    public DateOnly Today { get; private set; }

    public FollowUpWorklist Worklist { get; private set; } = new([], []);

    /// <summary>The certificates of the whole worklist, due and overdue (the page shows a part).</summary>
    public (int Due, int Overdue) Totals { get; private set; }

    /// <summary>The link to the following page, none on the last.</summary>
    public string? NextHref { get; private set; }

    public IReadOnlyList<RegisteredAuditor> Auditors { get; private set; } = [];

    public bool CanPlan { get; private set; }

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        Guid? planned = null;
        var refusal = await PageCommands.RefusalOfAsync(async () =>
        {
            var inspection = await commands.PlanFollowUpAsync(HttpContext.Command(), Certificate ?? string.Empty,
                DueOn ?? throw DomainException.Invalid("due-on-required", text["fu.plan.due.required"], "dueOn"),
                PlannedOn ?? throw DomainException.Invalid("planned-on-required", text["fu.plan.day.required"], "plannedOn"),
                Inspectors, ct);
            planned = inspection.Id;
        }, text);
        if (refusal is null)
        {
            return Redirect($"/inspections/{planned}?done=planned");
        }

        (Error, Response.StatusCode) = refusal.Value;
        return await ShowAsync(ct);
    }

    /// <summary>Whether the posted form was this row's, so a refusal keeps what was entered.</summary>
    public bool Posted(PendingFollowUp p) => Error is not null && Certificate == p.CertificateNumber && DueOn == p.DueOn;

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var me = HttpContext.RequiredActor();
        BodyId = string.IsNullOrWhiteSpace(Body) ? me.OrganisationId ?? string.Empty : Body.Trim();
        try
        {
            me.Require(Permission.InspectionsRead, BodyId);
        }
        catch (DomainException e)
        {
            Refusal = text["fu.refused"];
            Response.StatusCode = ApplicationPages.StatusOf(e);
            return Page();
        }

        var now = clock.GetUtcNow();
        Today = DateOnly.FromDateTime(now.UtcDateTime);
        FollowUpCursor? after;
        try
        {
            after = FollowUpCursor.Parse(After);
        }
        catch (DomainException)
        {
            // A link cut short or edited by hand: the first page, rather than nothing.
            after = null;
        }

        var page = await followUps.PageAsync(BodyId, now, after, FollowUpQueries.DefaultLimit, ct);
        (Worklist, Totals) = (page.Worklist, (page.DueTotal, page.OverdueTotal));
        NextHref = page.Next is { } next
            ? $"/body/follow-ups?{(string.IsNullOrWhiteSpace(Body) ? string.Empty : $"body={Uri.EscapeDataString(BodyId)}&")}after={next}"
            : null;
        CanPlan = me.May(Permission.InspectionsManage, BodyId) && me.May(Permission.AuditorsRead, BodyId);
        if (CanPlan)
        {
            Auditors = await auditors.ListAsync(me, BodyId, ct);
        }

        return Page();
    }
}
