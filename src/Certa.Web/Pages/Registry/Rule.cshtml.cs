using Certa.Web.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Registry;

public sealed class RuleModel(RegistryQueries queries) : PageModel
{
    public RuleDto Rule { get; private set; } = null!;

    public IReadOnlyList<ProductSummaryDto> Products { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await queries.RuleAsync(id, ct) is not { } rule)
        {
            return NotFound();
        }

        Rule = rule;
        Products = await queries.ProductsUnderRuleAsync(id, ct);
        return Page();
    }
}
