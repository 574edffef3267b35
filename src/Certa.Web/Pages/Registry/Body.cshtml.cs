using Certa.Web.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Registry;

public sealed class BodyModel(RegistryQueries queries) : PageModel
{
    public BodyDetailDto Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await queries.BodyAsync(id, ct) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}
