using Certa.Web.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Registry;

public sealed class HomeModel(RegistryQueries queries) : PageModel
{
    public RegistryStatsDto Stats { get; private set; } = new(0, 0, 0, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct) => Stats = await queries.StatsAsync(ct);
}
