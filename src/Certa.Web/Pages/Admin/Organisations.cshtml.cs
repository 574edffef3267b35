using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Organisations;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Organisations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Admin;

/// <summary><c>/admin/organisations</c>: every organisation, and creating one through <see cref="OrganisationCommands"/>. Platform admins only.</summary>
public sealed class OrganisationsModel(OrganisationQueries queries, OrganisationCommands commands, UiText text) : PageModel
{
    [BindProperty]
    public string? Id { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty]
    public string? NameZh { get; set; }

    [BindProperty]
    public string? RegistryId { get; set; }

    [BindProperty]
    public string? Country { get; set; }

    /// <summary>The id of the organisation just created, after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Created { get; set; }

    public IReadOnlyList<Organisation> All { get; private set; } = [];

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public static IReadOnlyList<OrganisationKind> Kinds { get; } = Enum.GetValues<OrganisationKind>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => Refuse() ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        // The select offers only the kinds; anything else came from a hand-made request.
        if (!SnakeCaseNames.TryParse(Kind ?? string.Empty, ignoreCase: true, out OrganisationKind kind))
        {
            Error = Lang.Format(text["admin.kind.unknown"], Kind);
            return await ShowAsync(ct);
        }

        try
        {
            var organisation = await commands.CreateAsync(HttpContext.Command(),
                new NewOrganisation(Id?.Trim() ?? string.Empty, kind, new LocalizedText(NameEn ?? string.Empty, NameZh), RegistryId, Country), ct);
            return Redirect($"{Request.PathBase}{Request.Path}?created={Uri.EscapeDataString(organisation.Id)}");
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }

        return await ShowAsync(ct);
    }

    /// <summary>The refusal page for anyone but a platform admin; null for a platform admin.</summary>
    private PageResult? Refuse()
    {
        if (HttpContext.RequiredActor().ReachOf(Permission.OrganisationsCreate) == Reach.Any)
        {
            return null;
        }

        Refusal = text["admin.refused"];
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        All = await queries.VisibleAsync(HttpContext.RequiredActor(), ct);
        if (Created is not null && All.All(o => o.Id != Created))
        {
            Created = null;
        }

        return Page();
    }
}
