using Certa.Domain.Registry;
using Certa.Web.Api;
using Certa.Web.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Registry;

public sealed class BodiesModel(RegistryQueries queries) : PageModel
{
    public IReadOnlyList<BodyDto> Bodies { get; private set; } = [];

    public IReadOnlyList<BodyDto> Labs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = new PageRequest(1, PageRequest.MaxPageSize);
        Bodies = (await queries.BodiesAsync(BodyKind.CertificationBody, null, null, null, all, ct)).Items;
        Labs = (await queries.BodiesAsync(BodyKind.Laboratory, null, null, null, all, ct)).Items;
    }
}
