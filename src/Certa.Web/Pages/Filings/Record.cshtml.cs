using Certa.Domain.Common;
using Certa.Domain.Declarations;
using Certa.Infrastructure.Declarations;
using Certa.Infrastructure.Persistence;
using Certa.Web.Localization;
using Certa.Web.Pages.Declarations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Filings;

/// <summary>
/// <c>/filings/{number}</c>: the public filing record of a self-declaration (<see cref="DeclarationCommands.PublicAsync"/>),
/// for anyone without signing in: what verification and supervision treat like a certificate, without the report file.
/// A withdrawn record stays, with its reason; an unknown number is a 404 page.
/// </summary>
public sealed class RecordModel(CertaDbContext db, DeclarationCommands declarations, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = string.Empty;

    public Declaration Declaration { get; private set; } = null!;

    public LocalizedText? ProductTypeName { get; private set; }

    public string State => DeclarationPages.State(Declaration);

    public string? Unknown { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Declaration = await declarations.PublicAsync(Number, ct);
        }
        catch (DomainException e) when (e.Kind == RefusalKind.NotFound)
        {
            Unknown = Lang.Format(text["filing.notfound"], Number);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        ProductTypeName = await db.ProductTypes.AsNoTracking().Where(p => p.Id == Declaration.ProductTypeId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        return Page();
    }
}
