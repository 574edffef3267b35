using Certa.Web.Api;
using Certa.Web.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Registry;

public sealed class AuthoritiesModel(RegistryQueries queries) : PageModel
{
    public IReadOnlyList<AuthorityDto> Authorities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Authorities = (await queries.AuthoritiesAsync(null, null, new PageRequest(1, PageRequest.MaxPageSize), ct)).Items;
}
