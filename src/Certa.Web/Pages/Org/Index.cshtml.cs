using Certa.Domain.Access;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Organisations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Org;

/// <summary>
/// <c>/org</c>: the signed-in person's organisation, who they are and where they may go next;
/// <c>/org/{id}</c>: another organisation, for those whose reach covers it.
/// </summary>
public sealed class IndexModel(OrganisationQueries queries, CertaDbContext db, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public Actor Me { get; private set; } = null!;

    public Organisation Organisation { get; private set; } = null!;

    /// <summary>Whether the page shows the actor's own organisation (and so the actor's own facts).</summary>
    public bool IsOwn { get; private set; }

    public string? MyEmail { get; private set; }

    /// <summary>Every organisation, for those who may read them all; empty otherwise.</summary>
    public IReadOnlyList<Organisation> All { get; private set; } = [];

    public string? Refusal { get; private set; }

    public bool MaySeePeople => Me.May(Permission.PeopleRead, Organisation.Id);

    public bool MayManageKeys => IsOwn && Me.ReachOf(Permission.ApiKeysManage) != Reach.None;

    public bool MayReadAudit => IsOwn && Me.ReachOf(Permission.AuditRead) != Reach.None;

    public bool MayCreateOrganisations => Me.ReachOf(Permission.OrganisationsCreate) == Reach.Any;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Me = HttpContext.RequiredActor();
        var id = string.IsNullOrWhiteSpace(Id) ? Me.OrganisationId : Id.Trim();
        if (id is null || !Me.May(Permission.OrganisationsRead, id))
        {
            Refusal = Lang.Format(text["org.refused"], id ?? "?", Me.OrganisationId ?? "?");
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (await queries.FindAsync(id, ct) is not { } organisation)
        {
            return NotFound();
        }

        Organisation = organisation;
        IsOwn = organisation.Id == Me.OrganisationId;
        if (IsOwn && Me.PersonId is { } personId)
        {
            MyEmail = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Email).FirstOrDefaultAsync(ct);
        }

        if (Me.ReachOf(Permission.OrganisationsRead) == Reach.Any)
        {
            All = await queries.VisibleAsync(Me, ct);
        }

        return Page();
    }

    /// <summary>Where the registry describes the organisation: the body or lab page, or the authority's entry.</summary>
    public static string? RegistryHref(Organisation o) => o.RegistryId is not { } registryId ? null : o.Kind switch
    {
        OrganisationKind.CertificationBody or OrganisationKind.Laboratory => $"/bodies/{Uri.EscapeDataString(registryId)}",
        OrganisationKind.Authority => $"/authorities#{Uri.EscapeDataString(registryId)}",
        OrganisationKind.Applicant or OrganisationKind.Verifier or OrganisationKind.PlatformOperator => null,
    };
}
