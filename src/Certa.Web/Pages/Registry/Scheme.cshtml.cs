using Certa.Web.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Registry;

public sealed class SchemeModel(RegistryQueries queries) : PageModel
{
    public SchemeDetailDto Detail { get; private set; } = null!;

    public CatalogueDto? Catalogue { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await queries.SchemeAsync(id, ct) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        Catalogue = await queries.CatalogueAsync(id, null, ct);
        return Page();
    }
}
