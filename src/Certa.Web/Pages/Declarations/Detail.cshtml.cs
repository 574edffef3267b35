using Certa.Domain.Common;
using Certa.Domain.Declarations;
using Certa.Infrastructure.Declarations;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Applications;
using Certa.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Declarations;

/// <summary>
/// <c>/declarations/{id}</c>: every field of one self-declaration, for its declarant and the authority
/// (<see cref="DeclarationCommands.ReadAsync"/>), with the report to download; the declarant may withdraw
/// it with a reason. Anyone else gets a refusal page (403), an unknown id a 404 page.
/// </summary>
public sealed class DetailModel(CertaDbContext db, DeclarationCommands declarations, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Declaration Declaration { get; private set; } = null!;

    public LocalizedText? ProductTypeName { get; private set; }

    public string State => DeclarationPages.State(Declaration);

    public string Mode => DeclarationPages.Mode(Declaration);

    /// <summary>Whether the reader may withdraw it: a person of the declarant who files, while it is filed.</summary>
    public bool MayWithdraw { get; private set; }

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        var refusal = await PageCommands.RefusalOfAsync(() => declarations.WithdrawAsync(HttpContext.Command(), Id, Reason ?? string.Empty, ct), text);
        if (refusal is null)
        {
            return Redirect($"/declarations/{Id}");
        }

        (Error, var status) = refusal.Value;
        var page = await ShowAsync(ct);
        Response.StatusCode = status;
        return page;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var me = HttpContext.RequiredActor();
        try
        {
            Declaration = await declarations.ReadAsync(me, Id, ct);
        }
        catch (DomainException e) when (e.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            Refusal = e.Kind == RefusalKind.NotFound ? Lang.Format(text["decl.notfound"], Id) : text["decl.refused"];
            Response.StatusCode = ApplicationPages.StatusOf(e);
            return Page();
        }

        MayWithdraw = Declaration.State == DeclarationState.Filed && DeclarationPages.MayFile(me) && me.OrganisationId == Declaration.DeclarantId;
        ProductTypeName = await db.ProductTypes.AsNoTracking().Where(p => p.Id == Declaration.ProductTypeId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        return Page();
    }
}
