using Certa.Domain.Access;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.Inspections;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Applications;
using Certa.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Inspections;

/// <summary>
/// <c>/inspections/{id}</c>: one inspection, a body's follow-up or a draw's target. The organiser records the result
/// (passed or failed, the day performed, findings one per line, a summary) or cancels it; after recording, the page
/// shows the result and the certificate's state, which a failure has just suspended. A refusal shows its reason and
/// changes nothing.
/// </summary>
public sealed class DetailModel(CertaDbContext db, InspectionQueries queries, InspectionCommands commands, TimeProvider clock, UiText text) : PageModel
{
    public const string Passed = "passed";
    public const string Failed = "failed";

    private static readonly HashSet<string> Outcomes = ["recorded", "cancelled", "planned"];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public DateOnly? PerformedOn { get; set; }

    /// <summary>The findings, one per line.</summary>
    [BindProperty]
    public string? Findings { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public Inspection Inspection { get; private set; } = null!;

    public Certificate? Certificate { get; private set; }

    /// <summary>The inspectors' names by person id; an id without a person shows as it is.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public bool CanRecord { get; private set; }

    public bool CanCancel { get; private set; }

    public DateOnly Today { get; private set; }

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public string? Notice => Done is not null && Outcomes.Contains(Done) ? text["insp.done." + Done] : null;

    public static string Name(InspectionState state) => SnakeCaseNames.Of(state.ToString());

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostRecordAsync(CancellationToken ct) => RunAsync("recorded", () =>
    {
        var findings = (Findings ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new InspectionResult(
            Outcome switch
            {
                Passed => true,
                Failed => false,
                _ => throw DomainException.Invalid("outcome-required", text["insp.record.outcome.required"], "outcome"),
            },
            PerformedOn ?? throw DomainException.Invalid("performed-on-required", text["insp.record.day.required"], "performedOn"),
            findings, Summary);
        return commands.RecordResultAsync(HttpContext.Command(), Id, result, ct);
    }, ct);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct) =>
        RunAsync("cancelled", () => commands.CancelAsync(HttpContext.Command(), Id, Reason ?? string.Empty, ct), ct);

    private async Task<IActionResult> RunAsync(string outcome, Func<Task> command, CancellationToken ct)
    {
        if (await PageCommands.RefusalOfAsync(command, text) is not { } refusal)
        {
            return Redirect($"/inspections/{Id}?done={outcome}");
        }

        (Error, Response.StatusCode) = refusal;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var me = HttpContext.RequiredActor();
        try
        {
            Inspection = await queries.ReadAsync(me, Id, ct);
        }
        catch (DomainException e) when (e.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            Refusal = e.Kind == RefusalKind.NotFound ? Lang.Format(text["insp.notfound"], Id) : text["insp.refused"];
            Response.StatusCode = ApplicationPages.StatusOf(e);
            return Page();
        }

        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Inspection.CertificateId, ct);
        var ids = Inspection.Inspectors.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).ToList();
        Names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id.ToString("D"), p => p.DisplayName, ct);
        CanRecord = Inspection.State == InspectionState.Planned && me.May(Permission.InspectionsRecord, Inspection.OrganisedBy);
        CanCancel = Inspection.State == InspectionState.Planned && me.May(Permission.InspectionsManage, Inspection.OrganisedBy);
        return Page();
    }
}
