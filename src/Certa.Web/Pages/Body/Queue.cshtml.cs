using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Applications;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Body;

/// <summary>
/// <c>/body/queue</c>: the certification body's applications that wait on it (submitted, accepted,
/// testing, factory audit, review), soonest due first, where due is the expected end of the step the
/// application is in (<see cref="ApplicationClock"/> over the scheme's procedure); overdue ones are
/// flagged, and each state shows how many it holds.
/// </summary>
public sealed class QueueModel(CertaDbContext db, SchemeProcedures procedures, TimeProvider clock, UiText text) : PageModel
{
    /// <summary>The states in which an application waits on the body, in the order of the procedure.</summary>
    public static readonly IReadOnlyList<ApplicationState> QueueStates =
        [ApplicationState.Submitted, ApplicationState.Accepted, ApplicationState.Testing, ApplicationState.FactoryAudit, ApplicationState.Review];

    /// <summary>One of <see cref="QueueStates"/> by name (<c>testing</c>) to show only it; none shows them all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    /// <summary>How many applications each state holds, whatever the filter.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public int Total => Counts.Values.Sum();

    public int Overdue { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public string? Refusal { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = HttpContext.RequiredActor();
        if (me.OrganisationKind != OrganisationKind.CertificationBody || me.ReachOf(Permission.ApplicationsRead) == Reach.None)
        {
            Refusal = text["body.queue.refused"];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        ApplicationState? only = null;
        if (!string.IsNullOrWhiteSpace(State))
        {
            if (!SnakeCaseNames.TryParse<ApplicationState>(State.Trim(), ignoreCase: true, out var parsed) || !QueueStates.Contains(parsed))
            {
                Problem = Lang.Format(text["body.queue.state.unknown"], State.Trim(), string.Join(", ", QueueStates.Select(ApplicationWorkflow.Name)));
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            only = parsed;
            State = ApplicationWorkflow.Name(parsed);
        }

        var body = me.OrganisationId;
        var applications = await db.Applications.AsNoTracking().VisibleTo(me)
            .Where(a => a.BodyId == body && QueueStates.Contains(a.State)).ToListAsync(ct);
        Counts = QueueStates.ToDictionary(ApplicationWorkflow.Name, s => applications.Count(a => a.State == s), StringComparer.Ordinal);
        Now = clock.GetUtcNow();
        var rows = await RowsAsync(applications, ct);
        Overdue = rows.Count(r => r.Overdue);
        // Ordered in memory: SQLite cannot order by a DateTimeOffset column; an application without a clock goes last.
        Rows = [.. rows.Where(r => only is null || r.State == State)
            .OrderBy(r => r.DueBy ?? DateTimeOffset.MaxValue).ThenBy(r => r.StateSince)];
        return Page();
    }

    private async Task<List<QueueRow>> RowsAsync(List<Application> applications, CancellationToken ct)
    {
        var productTypeIds = applications.Select(a => a.ProductTypeId).Distinct().ToList();
        var productTypes = await db.ProductTypes.AsNoTracking().Where(p => productTypeIds.Contains(p.Id)).ToListAsync(ct);
        var steps = new Dictionary<string, IReadOnlyList<StepDuration>>(StringComparer.Ordinal);
        foreach (var productType in productTypes)
        {
            steps[productType.Id] = (await procedures.ForAsync(productType, ct)).Steps;
        }

        var applicantIds = applications.Select(a => a.ApplicantId).Distinct().ToList();
        var applicants = await db.Organisations.AsNoTracking().Where(o => applicantIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, StringComparer.Ordinal, ct);
        var language = UiText.CurrentLanguage;
        return [.. applications.Select(a =>
        {
            var step = a.Timeline(steps.GetValueOrDefault(a.ProductTypeId) ?? [], Now).Steps.FirstOrDefault(s => s.Current);
            return new QueueRow(a.Id, a.Product.Name.In(language), a.Product.MainModel, a.ProductTypeId,
                applicants.GetValueOrDefault(a.ApplicantId)?.In(language) ?? a.ApplicantId,
                ApplicationWorkflow.Name(a.State), a.StateChangedAt, step?.StepId, step?.ExpectedBy, step?.Overdue == true);
        })];
    }

    /// <summary>Whole days left until <paramref name="due"/>, or (when it has passed) days late, counting a started day.</summary>
    public int Days(DateTimeOffset due) => due >= Now ? (int)Math.Floor((due - Now).TotalDays) : (int)Math.Ceiling((Now - due).TotalDays);
}

/// <summary>One application in the queue: what it is, whose, where it stands and by when its step should end.</summary>
public sealed record QueueRow(Guid Id, string Product, string MainModel, string ProductTypeId, string Applicant, string State,
    DateTimeOffset StateSince, string? Step, DateTimeOffset? DueBy, bool Overdue);
