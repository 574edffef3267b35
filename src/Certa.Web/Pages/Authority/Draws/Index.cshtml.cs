using Certa.Domain.Supervision.Draws;
using Certa.Infrastructure.Supervision.Draws;
using Certa.Web.Access;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Authority.Draws;

/// <summary><c>/authority/draws</c>: the officer's authority's draws, newest first, and the way to make a new one.</summary>
public sealed class IndexModel(DrawQueries draws, UiText text) : PageModel
{
    public IReadOnlyList<Draw> Draws { get; private set; } = [];

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DrawOfficer.AuthorityOf(HttpContext.RequiredActor()) is not { } own)
        {
            Refusal = text["draws.refused"];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Draws = await draws.ListAsync(own, ct);
        return Page();
    }
}
