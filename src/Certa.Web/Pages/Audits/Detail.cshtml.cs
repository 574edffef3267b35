using Certa.Domain.Access;
using Certa.Domain.Audits;
using Certa.Domain.Common;
using Certa.Infrastructure.Audits;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Applications;
using Certa.Web.Pages.Lab;
using Certa.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Audits;

/// <summary>
/// <c>/audits/{id}</c>: one factory audit. An auditor of the team reports it against the checklist
/// (per item conforms or not, notes, and for a nonconformity the finding's grade, description and
/// deadline), then closes each answered finding or rejects its evidence with a reason; everyone else
/// who may see the audit reads it. Each form runs one of <see cref="FactoryAuditCommands"/>; a refusal
/// shows its reason and changes nothing. An audit one may not see is a refusal page (403).
/// </summary>
public sealed class DetailModel(CertaDbContext db, FactoryAuditCommands audits, TimeProvider clock, UiText text) : PageModel
{
    public const string Yes = "yes";
    public const string No = "no";

    private static readonly HashSet<string> Outcomes = ["reported", "closed", "rejected"];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<ChecklistInput> Items { get; set; } = [];

    [BindProperty]
    public int? FindingNo { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public FactoryAuditView View { get; private set; } = null!;

    public LabOrderProduct? Product { get; private set; }

    /// <summary>The reader is an auditor of the team (and may conduct audits).</summary>
    public bool OnTeam { get; private set; }

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public string? Notice => Done is not null && Outcomes.Contains(Done) ? text["fa.done." + Done] : null;

    public FactoryAudit Audit => View.Audit;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostReportAsync(CancellationToken ct) => RunAsync("reported", () =>
    {
        var answered = Items.Where(i => i.Conforms is Yes or No).ToList();
        var results = answered.Select(i => new ChecklistResult(i.Item ?? string.Empty, i.Conforms == Yes, i.Notes)).ToList();
        var findings = answered.Where(i => i.Conforms == No).Select(i => new NewFinding(i.Item ?? string.Empty,
            SnakeCaseNames.TryParse(i.Grade ?? string.Empty, ignoreCase: true, out FindingGrade grade)
                ? grade
                : throw DomainException.Invalid("grade-required", Lang.Format(text["fa.report.grade.required"], i.Item), "findings"),
            i.Finding ?? string.Empty,
            i.Deadline ?? throw DomainException.Invalid("deadline-required", Lang.Format(text["fa.report.deadline.required"], i.Item), "findings"))).ToList();
        return audits.ReportAsync(HttpContext.Command(), Id, results, findings, ct);
    }, ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        RunAsync("closed", () => audits.CloseFindingAsync(HttpContext.Command(), Id, FindingNo ?? 0, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) =>
        RunAsync("rejected", () => audits.RejectEvidenceAsync(HttpContext.Command(), Id, FindingNo ?? 0, Reason ?? string.Empty, ct), ct);

    /// <summary>What the report form shows for an item: the posted answer after a refusal, else nothing yet.</summary>
    public ChecklistInput InputFor(string item) =>
        (Error is not null ? Items.FirstOrDefault(i => i.Item == item) : null) ?? new ChecklistInput { Item = item };

    public string? ReasonFor(int finding) => Error is not null && FindingNo == finding ? Reason : null;

    private async Task<IActionResult> RunAsync(string outcome, Func<Task> command, CancellationToken ct)
    {
        if (await PageCommands.RefusalOfAsync(command, text) is not { } refusal)
        {
            return Redirect($"/audits/{Id}?done={outcome}");
        }

        (Error, Response.StatusCode) = refusal;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var me = HttpContext.RequiredActor();
        FactoryAudit audit;
        try
        {
            audit = await audits.ReadAsync(me, Id, ct);
        }
        catch (DomainException e) when (e.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            // The command's message names the organisations; the page says only that it is not yours to see.
            Refusal = e.Kind == RefusalKind.NotFound ? Lang.Format(text["fa.notfound"], Id) : text["fa.refused"];
            Response.StatusCode = ApplicationPages.StatusOf(e);
            return Page();
        }

        View = new FactoryAuditView(audit, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        OnTeam = me.PersonId is { } person && audit.IsAuditor(person) && me.May(Permission.FactoryAuditsConduct, audit.BodyId);
        Product = (await LabOrderProducts.ForAsync(db, [audit.ApplicationId], ct)).GetValueOrDefault(audit.ApplicationId);
        return Page();
    }
}

/// <summary>One checklist item of the report form: conforms (<c>yes</c>/<c>no</c>), notes, and for a <c>no</c> the finding.</summary>
public sealed class ChecklistInput
{
    public string? Item { get; set; }

    public string? Conforms { get; set; }

    public string? Notes { get; set; }

    /// <summary><c>major</c> or <c>minor</c>.</summary>
    public string? Grade { get; set; }

    /// <summary>The nonconformity found.</summary>
    public string? Finding { get; set; }

    public DateOnly? Deadline { get; set; }
}
