using Certa.Web.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Registry;

public sealed class StandardModel(RegistryQueries queries) : PageModel
{
    public StandardDetailDto Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (await queries.StandardAsync(Uri.UnescapeDataString(number), queries.Today, ct) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}
