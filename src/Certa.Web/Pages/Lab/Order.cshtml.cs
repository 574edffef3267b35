using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Testing;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Testing;
using Certa.Web.Access;
using Certa.Web.Api;
using Certa.Web.Localization;
using Certa.Web.Pages.Applications;
using Certa.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Lab;

/// <summary>
/// <c>/lab/orders/{id}</c>: one test order as its lab (or the body that placed it) sees it: the product,
/// models and samples and where they are, the standards, the results so far, the report and the outcome.
/// The lab marks the dispatched samples received, records pass or fail and clause notes per standard,
/// uploads its report and, once the order is closed, retains or returns the samples, each through
/// <see cref="TestOrderCommands"/>; a refusal shows its reason and changes nothing. Someone else's order
/// is a refusal page (403), an unknown one a 404 page.
/// </summary>
public sealed class OrderModel(CertaDbContext db, TestOrderCommands orders, TimeProvider clock, UiText text) : PageModel
{
    private static readonly HashSet<string> Outcomes = ["received", "recorded", "report", "retained", "returned"];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<ResultInput> Results { get; set; } = [];

    [BindProperty(Name = "File")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public DateOnly? RetainUntil { get; set; }

    [BindProperty]
    public string? Carrier { get; set; }

    [BindProperty]
    public string? TrackingNumber { get; set; }

    [BindProperty]
    public DateOnly? SentOn { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public DateOnly Today { get; private set; }

    public TestOrder Order { get; private set; } = null!;

    public LabOrderProduct? Product { get; private set; }

    public string LabName { get; private set; } = string.Empty;

    public string BodyName { get; private set; } = string.Empty;

    /// <summary>The corrective action this order retests after, if it is a retest.</summary>
    public CorrectiveAction? RetestAfter { get; private set; }

    /// <summary>The person's names who recorded results, by person id.</summary>
    public IReadOnlyDictionary<Guid, string> Recorders { get; private set; } = new Dictionary<Guid, string>();

    public bool MayRecord { get; private set; }

    /// <summary>Where "back" leads: the lab's list for its people, the application for the body's.</summary>
    public string BackTo { get; private set; } = "/lab/orders";

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public string? Notice => Done is not null && Outcomes.Contains(Done) ? text["lab.done." + Done] : null;

    public string State => TestOrder.Name(Order.State);

    public string? Outcome => Order.Outcome is { } o ? SnakeCaseNames.Of(o.ToString()) : null;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostReceiveAsync(CancellationToken ct) =>
        RunAsync("received", () => orders.ReceiveAsync(HttpContext.Command(), Id, ct), ct);

    public Task<IActionResult> OnPostResultsAsync(CancellationToken ct) =>
        RunAsync("recorded", () => orders.RecordResultsAsync(HttpContext.Command(), Id,
            [.. Results.Where(r => r.Verdict is ResultInput.Pass or ResultInput.Fail)
                .Select(r => (r.Standard ?? string.Empty, r.Verdict == ResultInput.Pass, r.Notes))], null, ct), ct);

    public Task<IActionResult> OnPostReportAsync(CancellationToken ct) => RunAsync("report", async () =>
    {
        await using var stream = Upload?.OpenReadStream() ?? Stream.Null;
        await orders.AttachReportAsync(HttpContext.Command(), Id, Upload?.FileName, await FileBodies.ReadAsync(stream, ct), ct);
    }, ct);

    public Task<IActionResult> OnPostRetainAsync(CancellationToken ct) => RunAsync("retained", () => orders.RetainSamplesAsync(HttpContext.Command(), Id,
        RetainUntil ?? throw DomainException.Invalid("until-required", text["lab.retain.until.required"], "until"), ct), ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        RunAsync("returned", () => orders.ReturnSamplesAsync(HttpContext.Command(), Id, Carrier, TrackingNumber, SentOn, ct), ct);

    /// <summary>The samples are back from testing (or the order was cancelled with them in the lab): the lab keeps or returns them.</summary>
    public bool SamplesToSettle => Order.State is TestOrderState.Completed or TestOrderState.Cancelled
        && Order.SampleState is SampleState.Received or SampleState.Tested;

    /// <summary>The verdict the results form shows for a standard: the posted one after a refusal, else the one recorded.</summary>
    public string? VerdictOf(string standard) => Error is not null
        ? Results.FirstOrDefault(r => r.Standard == standard)?.Verdict
        : Order.Results.FirstOrDefault(r => r.Standard == standard) is { } recorded ? recorded.Passed ? ResultInput.Pass : ResultInput.Fail : null;

    public string? NotesOf(string standard) => Error is not null
        ? Results.FirstOrDefault(r => r.Standard == standard)?.Notes
        : Order.Results.FirstOrDefault(r => r.Standard == standard)?.ClauseNotes;

    /// <summary>Runs a form's command and redirects back (so a reload does not repeat it); a refusal shows its reason with the order as it was.</summary>
    private async Task<IActionResult> RunAsync(string outcome, Func<Task> command, CancellationToken ct)
    {
        if (await PageCommands.RefusalOfAsync(command, text) is not { } refusal)
        {
            return Redirect($"/lab/orders/{Id}?done={outcome}");
        }

        (Error, Response.StatusCode) = refusal;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var me = HttpContext.RequiredActor();
        try
        {
            Order = await orders.ReadAsync(me, Id, ct);
            RetestAfter = Order.RetestOf is { } failed ? (await orders.ReadAsync(me, failed, ct)).CorrectiveAction : null;
        }
        catch (DomainException e) when (e.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            // The command's message names the organisations; the page says only that it is not yours to see.
            Refusal = e.Kind == RefusalKind.NotFound ? Lang.Format(text["lab.order.notfound"], Id) : text["lab.order.refused"];
            Response.StatusCode = ApplicationPages.StatusOf(e);
            return Page();
        }

        MayRecord = me.May(Permission.TestResultsRecord, Order.LabId);
        BackTo = me.OrganisationId == Order.LabId ? "/lab/orders" : $"/applications/{Order.ApplicationId}";
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Product = (await LabOrderProducts.ForAsync(db, [Order.ApplicationId], ct)).GetValueOrDefault(Order.ApplicationId);
        var language = UiText.CurrentLanguage;
        var names = await db.Organisations.AsNoTracking().Where(o => o.Id == Order.LabId || o.Id == Order.BodyId)
            .ToDictionaryAsync(o => o.Id, o => o.Name.In(language), StringComparer.Ordinal, ct);
        LabName = names.GetValueOrDefault(Order.LabId) ?? Order.LabId;
        BodyName = names.GetValueOrDefault(Order.BodyId) ?? Order.BodyId;
        var people = Order.Results.Select(r => r.RecordedBy).OfType<Guid>().Distinct().ToList();
        Recorders = await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        return Page();
    }
}

/// <summary>One standard's line of the results form: <c>pass</c>, <c>fail</c> or nothing yet, and the clause notes.</summary>
public sealed class ResultInput
{
    public const string Pass = "pass";
    public const string Fail = "fail";

    public string? Standard { get; set; }

    public string? Verdict { get; set; }

    public string? Notes { get; set; }
}
