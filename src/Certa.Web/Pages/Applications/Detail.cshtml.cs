using System.Text.Json;
using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Infrastructure.Advisor;
using Certa.Infrastructure.Applications;
using Certa.Infrastructure.Files;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Testing;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Applications;

/// <summary>
/// <c>/applications/{id}</c>: one application as its parties (and officers) see it: state, product,
/// parties, documents, the reason of the last return, refusal or withdrawal, and its audit trail
/// as a timeline; with the forms each side may use in this state, each running one of
/// <see cref="ApplicationCommands"/>. A refusal shows its reason and changes nothing.
/// </summary>
public sealed partial class DetailModel(CertaDbContext db, ApplicationCommands commands, TestOrderCommands testOrders, AdvisorService advisor,
    TimeProvider clock, UiText text) : PageModel
{
    private static readonly HashSet<string> Outcomes =
        ["uploaded", "submitted", "withdrawn", "accepted", "returned", "refused", "tests_ordered", "retest_ordered", "testing_completed", "dispatched",
        "audit_planned", "finding_answered", "audit_completed", "reviewer_assigned", "reviewed", "granted", "decision_refused"];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? DocumentId { get; set; }

    [BindProperty(Name = "File")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>What the last form did, after its redirect: one of <see cref="Outcomes"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public Actor Me { get; private set; } = null!;

    public Application Application { get; private set; } = null!;

    public string ApplicantName { get; private set; } = string.Empty;

    public string BodyName { get; private set; } = string.Empty;

    public LocalizedText? SchemeName { get; private set; }

    public LocalizedText? ProductTypeName { get; private set; }

    public IReadOnlyList<DocumentLine> Documents { get; private set; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public IReadOnlyList<ApplicationTrigger> Possible { get; private set; } = [];

    /// <summary>The actor applies for this application (its applicant's people who may draft).</summary>
    public bool IsApplicant => Me.May(Permission.ApplicationsDraft, Application.ApplicantId);

    /// <summary>The actor handles this application for its body.</summary>
    public bool IsBody => Me.May(Permission.ApplicationsAccept, Application.BodyId);

    public bool Editable => Application.State is ApplicationState.Draft or ApplicationState.Returned;

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The handler whose form failed, so only that form shows the reason typed into it again.</summary>
    public string? FailedForm { get; private set; }

    public string? Notice => Done is not null && Outcomes.Contains(Done) ? text["app.done." + Done] : null;

    public bool May(ApplicationTrigger trigger) => Possible.Contains(trigger);

    public string? ReasonFor(string form) => FailedForm == form ? Reason : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public Task<IActionResult> OnPostUploadAsync(CancellationToken ct) => RunAsync("upload", "uploaded", async () =>
    {
        var content = await ReadAsync(Upload, ct);
        await commands.AttachDocumentAsync(HttpContext.Command(), Id, DocumentId?.Trim() ?? string.Empty,
            Upload?.FileName ?? DocumentId ?? string.Empty, content, ct);
    }, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) =>
        RunAsync("submit", "submitted", () => commands.SubmitAsync(HttpContext.Command(), Id, ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        RunAsync("withdraw", "withdrawn", () => commands.WithdrawAsync(HttpContext.Command(), Id, Reason ?? string.Empty, ct), ct);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        RunAsync("accept", "accepted", () => commands.AcceptAsync(HttpContext.Command(), Id, ct), ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        RunAsync("return", "returned", () => commands.ReturnAsync(HttpContext.Command(), Id, Reason ?? string.Empty, ct), ct);

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken ct) =>
        RunAsync("refuse", "refused", () => commands.RefuseAsync(HttpContext.Command(), Id, Reason ?? string.Empty, ct), ct);

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => Lang.Format("{0} B", bytes),
        < 1024 * 1024 => Lang.Format("{0:0.#} KiB", bytes / 1024d),
        _ => Lang.Format("{0:0.#} MiB", bytes / (1024d * 1024d)),
    };

    /// <summary>
    /// Runs a form's command and redirects back (so a reload does not repeat it); a refusal shows
    /// its reason on the page, with the application as it was.
    /// </summary>
    private async Task<IActionResult> RunAsync(string form, string outcome, Func<Task> command, CancellationToken ct)
    {
        if (await PageCommands.RefusalOfAsync(command, text) is not { } refusal)
        {
            return Redirect($"/applications/{Id}?done={outcome}");
        }

        (Error, Response.StatusCode) = refusal;
        FailedForm = form;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Me = HttpContext.RequiredActor();
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (application is null)
        {
            Refusal = Lang.Format(text["app.notfound"], Id);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        try
        {
            ApplicationAccess.RequireParty(Me, Permission.ApplicationsRead, application);
        }
        catch (DomainException)
        {
            // The command's message names the organisations; the page says only that it is not yours to see.
            Refusal = text["app.refused"];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Application = application;
        Possible = ApplicationWorkflow.Possible(application.State);
        var language = UiText.CurrentLanguage;
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.Id == application.ApplicantId || o.Id == application.BodyId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, StringComparer.Ordinal, ct);
        ApplicantName = organisations.GetValueOrDefault(application.ApplicantId)?.In(language) ?? application.ApplicantId;
        BodyName = organisations.GetValueOrDefault(application.BodyId)?.In(language) ?? application.BodyId;
        SchemeName = await db.Schemes.AsNoTracking().Where(s => s.Id == application.SchemeId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        ProductTypeName = await db.ProductTypes.AsNoTracking().Where(p => p.Id == application.ProductTypeId).Select(p => p.Name).FirstOrDefaultAsync(ct);

        var definitions = (await advisor.GetAsync(ct)).Knowledge.Documents;
        Documents = [.. application.RequiredDocuments.Select(d => new DocumentLine(d,
            definitions.TryGetValue(d, out var definition) ? definition.Name : new LocalizedText(d),
            application.Documents.FirstOrDefault(a => a.DocumentId == d)))];
        Timeline = await TimelineAsync(application, definitions.ToDictionary(d => d.Key, d => d.Value.Name, StringComparer.Ordinal), ct);
        Testing = await TestingAsync(db, testOrders, clock, ct);
        Audit = await FactoryAuditAsync(db, clock, ct);
        Decision = await DecisionAsync(db, ct);
        await LoadClockAsync(application, HttpContext.RequestServices.GetRequiredService<SchemeProcedures>(), clock, ct);
        await LoadCreditFlagAsync(application, ct);
        return Page();
    }

    private async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Application application, Dictionary<string, LocalizedText> documentNames, CancellationToken ct)
    {
        var key = application.Id.ToString();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == application.EntityType && e.EntityId == key)
            .OrderBy(e => e.Sequence).ToListAsync(ct);
        // Each event's details are parsed once: the document, the reason, and the person it is about.
        var details = events.Select(e => DetailsOf(e.Details)).ToList();
        var ids = events.Select(e => e.Actor.StartsWith("person:", StringComparison.Ordinal) && Guid.TryParse(e.Actor[7..], out var id) ? id : Guid.Empty)
            .Concat(details.Select(d => Guid.TryParse(d.Person, out var named) ? named : Guid.Empty))
            .Where(id => id != Guid.Empty).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => $"person:{p.Id}", p => p.DisplayName, StringComparer.Ordinal, ct);
        var language = UiText.CurrentLanguage;
        return [.. events.Zip(details, (e, d) =>
        {
            var action = e.Action.StartsWith("application.", StringComparison.Ordinal) ? e.Action["application.".Length..] : e.Action;
            var label = text["app.event." + action];
            label = label == "app.event." + action ? e.Action : label;
            // An event about a person (an evaluator noted, a reviewer assigned) names them, not only who acted.
            if (d.Person is { } person && names.GetValueOrDefault("person:" + person) is { } named)
            {
                label += ": " + named;
            }

            return new TimelineEntry(e.Sequence, e.OccurredAt, label,
                names.GetValueOrDefault(e.Actor) ?? e.Actor,
                d.Document is null ? null : documentNames.GetValueOrDefault(d.Document)?.In(language) ?? d.Document, d.Reason);
        })];
    }

    /// <summary>
    /// The document, the reason and the person (<c>person</c> or <c>reviewer</c>) an event's details
    /// name, where they name them.
    /// </summary>
    private static (string? Document, string? Reason, string? Person) DetailsOf(string details)
    {
        try
        {
            using var json = JsonDocument.Parse(details);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            var root = json.RootElement;
            return (Text(root, "document"), Text(root, "reason"), Text(root, "person") ?? Text(root, "reviewer"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }

        static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>Reads at most one byte more than the limit, so an oversized upload is refused (by the command) without reading it all.</summary>
    private static async Task<byte[]> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            return [];
        }

        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > DocumentRules.MaxBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>A required document: its name, and the file attached for it if there is one.</summary>
public sealed record DocumentLine(string Id, LocalizedText Name, AttachedDocument? Attached);

/// <summary>One audit event of the application, as the timeline shows it.</summary>
public sealed record TimelineEntry(long Sequence, DateTimeOffset At, string Action, string Who, string? Document, string? Reason);

/// <summary>What the application pages share.</summary>
public static class ApplicationPages
{
    /// <summary>The status a page answers with when a command refuses: as the API would.</summary>
    public static int StatusOf(DomainException e) => e.Kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
    };
}
