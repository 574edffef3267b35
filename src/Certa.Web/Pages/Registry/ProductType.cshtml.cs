using Certa.Web.Api;
using Certa.Web.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Registry;

public sealed class ProductTypeModel(RegistryQueries queries) : PageModel
{
    public ProductTypeDto Product { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, string? date, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var on = errors.Date("date", date, queries.Today);
        if (errors.Any)
        {
            return BadRequest();
        }

        if (await queries.ProductTypeAsync(id, on, ct) is not { } product)
        {
            return NotFound();
        }

        Product = product;
        return Page();
    }
}
