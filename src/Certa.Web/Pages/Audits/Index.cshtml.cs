using Certa.Domain.Access;
using Certa.Domain.Audits;
using Certa.Infrastructure.Audits;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Lab;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Audits;

/// <summary>
/// <c>/audits</c>: the factory audits an auditor is on the team of (<see cref="FactoryAuditCommands.ListAsync"/>
/// with <c>mine</c>); for the body's other people its audits; for an applicant those of its applications;
/// for an authority officer all. Open ones first, then the rest, newest first.
/// </summary>
public sealed class IndexModel(CertaDbContext db, FactoryAuditCommands audits, TimeProvider clock, UiText text) : PageModel
{
    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    /// <summary>The list is the auditor's own audits rather than the organisation's.</summary>
    public bool Mine { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = HttpContext.RequiredActor();
        if (me.ReachOf(Permission.FactoryAuditsRead) == Reach.None)
        {
            Refusal = text["fa.list.refused"];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Mine = me.ReachOf(Permission.FactoryAuditsConduct) != Reach.None && me.ReachOf(Permission.FactoryAuditsManage) == Reach.None;
        var list = await audits.ListAsync(me, null, Mine, ct);
        var products = await LabOrderProducts.ForAsync(db, list.Select(a => a.ApplicationId), ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Rows = [.. list.OrderBy(a => a.State is FactoryAuditState.Passed or FactoryAuditState.Cancelled)
            .Select(a => new AuditRow(new FactoryAuditView(a, today), products.GetValueOrDefault(a.ApplicationId)))];
        return Page();
    }
}

/// <summary>One audit in the list, with the product of its application.</summary>
public sealed record AuditRow(FactoryAuditView View, LabOrderProduct? Product)
{
    public bool Overdue => View.Audit.Findings.Any(f => f.IsOverdue(View.Today));
}
