using Certa.Web.Api;
using Certa.Web.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Registry;

public sealed class StandardsModel(RegistryQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public Paged<StandardDto> Result { get; private set; } = new([], 0, 1, 50);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var errors = new QueryErrors();
        var text = errors.Text("q", Q, 200);
        var paging = PageRequest.From(Request.Query["page"], "50", errors);
        if (errors.Any)
        {
            return BadRequest();
        }

        Result = await queries.StandardsAsync(text, null, null, null, queries.Today, paging, ct);
        return Page();
    }
}
