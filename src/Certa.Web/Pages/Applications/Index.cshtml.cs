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

namespace Certa.Web.Pages.Applications;

/// <summary>
/// <c>/applications</c>: the applications the actor is a party to (an applicant's own, a body's
/// queue of submitted ones; every one for authority officers), most recently changed first, with a
/// state filter for those who work through a queue.
/// </summary>
public sealed class IndexModel(CertaDbContext db, UiText text) : PageModel
{
    /// <summary>A state's name (<c>submitted</c>) to list only applications in it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public Actor Me { get; private set; } = null!;

    public bool MayDraft => Me.OrganisationKind == OrganisationKind.Applicant && Me.ReachOf(Permission.ApplicationsDraft) != Reach.None;

    /// <summary>Body people and officers filter their queue by state; an applicant sees its few applications whole.</summary>
    public bool MayFilter => Me.OrganisationKind != OrganisationKind.Applicant;

    public IReadOnlyList<ApplicationRow> Rows { get; private set; } = [];

    public string? Refusal { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The states the filter offers: a body's queue holds no drafts.</summary>
    public IReadOnlyList<ApplicationState> States =>
        [.. Enum.GetValues<ApplicationState>().Where(s => s != ApplicationState.Draft || Me.OrganisationKind != OrganisationKind.CertificationBody)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Me = HttpContext.RequiredActor();
        if (Me.ReachOf(Permission.ApplicationsRead) == Reach.None)
        {
            Refusal = text["app.refused.list"];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var query = db.Applications.AsNoTracking().VisibleTo(Me);

        if (!string.IsNullOrWhiteSpace(State))
        {
            if (!SnakeCaseNames.TryParse<ApplicationState>(State.Trim(), ignoreCase: true, out var state))
            {
                Problem = Lang.Format(text["app.list.state.unknown"], State.Trim(), string.Join(", ", Enum.GetValues<ApplicationState>().Select(ApplicationWorkflow.Name)));
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            State = ApplicationWorkflow.Name(state);
            query = query.Where(a => a.State == state);
        }

        // Ordered in memory: SQLite cannot order by a DateTimeOffset column.
        var applications = (await query.ToListAsync(ct)).OrderByDescending(a => a.StateChangedAt).ToList();
        var productTypeIds = applications.Select(a => a.ProductTypeId).Distinct().ToList();
        var productTypes = await db.ProductTypes.AsNoTracking().Where(p => productTypeIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, StringComparer.Ordinal, ct);
        var organisationIds = applications.SelectMany(a => new[] { a.ApplicantId, a.BodyId }).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, StringComparer.Ordinal, ct);
        var language = UiText.CurrentLanguage;
        string NameOf(string organisation) => organisations.GetValueOrDefault(organisation)?.In(language) ?? organisation;

        Rows = [.. applications.Select(a => new ApplicationRow(
            a.Id, a.Product.Name.In(language), a.Product.MainModel, a.SchemeId, a.ProductTypeId,
            productTypes.GetValueOrDefault(a.ProductTypeId)?.In(language),
            a.ApplicantId == Me.OrganisationId ? NameOf(a.BodyId)
                : a.BodyId == Me.OrganisationId ? NameOf(a.ApplicantId)
                : $"{NameOf(a.ApplicantId)} → {NameOf(a.BodyId)}",
            ApplicationWorkflow.Name(a.State), a.StateChangedAt))];
        return Page();
    }

    /// <summary>The column naming the other party: the body for an applicant, the applicant for a body, both for an officer.</summary>
    public string PartyHeading => Me.OrganisationKind switch
    {
        OrganisationKind.Applicant => text["app.col.body"],
        OrganisationKind.CertificationBody => text["app.col.applicant"],
        _ => text["app.col.parties"],
    };
}

/// <summary>One line of the list, in the reader's language.</summary>
public sealed record ApplicationRow(Guid Id, string Product, string MainModel, string SchemeId, string ProductTypeId, string? ProductTypeName,
    string Party, string State, DateTimeOffset StateChangedAt);
