using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Infrastructure.Certificates;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Certificates;

/// <summary>
/// <c>/certificates/{id}</c>: every field of one certificate, for its holder, its body and the authority
/// (<see cref="CertificateQueries.ReadAsync"/>); anyone else gets a refusal page (403), an unknown id a 404 page.
/// </summary>
public sealed class DetailModel(CertaDbContext db, CertificateQueries certificates, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Certificate Certificate { get; private set; } = null!;

    public string BodyName { get; private set; } = string.Empty;

    public LocalizedText? SchemeName { get; private set; }

    public LocalizedText? ProductTypeName { get; private set; }

    public string State => CertificatePages.State(Certificate);

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Certificate = await certificates.ReadAsync(HttpContext.RequiredActor(), Id, ct);
        }
        catch (DomainException e) when (e.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            // The query's message names the organisations; the page says only that it is not yours to see.
            Refusal = e.Kind == RefusalKind.NotFound ? Lang.Format(text["cert.notfound"], Id) : text["cert.refused"];
            Response.StatusCode = ApplicationPages.StatusOf(e);
            return Page();
        }

        var c = Certificate;
        BodyName = (await CertificatePages.NamesAsync(db, [c.BodyId], ct)).GetValueOrDefault(c.BodyId) ?? c.BodyId;
        SchemeName = await db.Schemes.AsNoTracking().Where(s => s.Id == c.SchemeId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        ProductTypeName = await db.ProductTypes.AsNoTracking().Where(p => p.Id == c.ProductTypeId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        return Page();
    }
}
