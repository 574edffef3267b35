using Certa.Web.Api;
using Certa.Web.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Registry;

public sealed class SchemesModel(RegistryQueries queries) : PageModel
{
    public IReadOnlyList<SchemeDto> Schemes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Schemes = (await queries.SchemesAsync(null, null, null, null, new PageRequest(1, PageRequest.MaxPageSize), ct)).Items;
}
