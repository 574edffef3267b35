using Certa.Domain.Supervision.Draws;
using Certa.Infrastructure.Supervision.Draws;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Draws;

/// <summary><c>/draws</c>: every "double random" draw, newest first, public from the moment it is made.</summary>
public sealed class IndexModel(DrawQueries draws) : PageModel
{
    public IReadOnlyList<Draw> Draws { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Draws = await draws.ListAsync(null, ct);
}
