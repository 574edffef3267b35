using Certa.Domain.Registry;
using Certa.Web.Api;
using Certa.Web.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Registry;

public sealed class SearchModel(RegistryQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public Paged<SearchHitDto>? Results { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        var errors = new QueryErrors();
        var text = errors.Text("q", Q, 200);
        var paging = PageRequest.From(Request.Query["page"], "25", errors);
        if (errors.Any || text is null)
        {
            Error = "The search text or page number is not valid: use at most 200 characters and a page number from 1.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Results = await queries.SearchAsync(text, null, paging, ct);
    }

    public static string PageHref(SearchHitDto hit) => hit.Kind switch
    {
        RegistryKinds.Scheme => $"/schemes/{Uri.EscapeDataString(hit.Key)}",
        RegistryKinds.ProductType => $"/product-types/{Uri.EscapeDataString(hit.Key)}",
        RegistryKinds.Standard => $"/standards/{Uri.EscapeDataString(hit.Key)}",
        RegistryKinds.Category => $"/schemes/{Uri.EscapeDataString(hit.Key.Split('.')[0])}#cat-{hit.Key.Split('.')[^1]}",
        RegistryKinds.Body or RegistryKinds.Lab => $"/bodies/{Uri.EscapeDataString(hit.Key)}",
        RegistryKinds.Authority => $"/authorities#{Uri.EscapeDataString(hit.Key)}",
        RegistryKinds.Rule => $"/rules/{Uri.EscapeDataString(hit.Key)}",
        _ => "/",
    };
}
