using Certa.Domain.Common;
using Certa.Infrastructure.Supervision.Draws;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Draws;

/// <summary>
/// <c>/draws/{reference}</c>: one draw as published: its inputs in words, the targets with their inspectors by name and
/// the state of each planned inspection, the shortfalls, the seed and digest, the record to download and the command that
/// re-runs it.
/// </summary>
public sealed class DetailModel(DrawQueries draws, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = string.Empty;

    /// <summary>Set when the officer has just made the draw.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Made { get; set; }

    public DrawDetail? Detail { get; private set; }

    public string? NotFoundText { get; private set; }

    /// <summary>The address of this Certa, for the <c>--server</c> form of the verify command.</summary>
    public string Server => $"{Request.Scheme}://{Request.Host}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Detail = await draws.DetailAsync(Reference, ct);
        }
        catch (DomainException e) when (e.Kind == RefusalKind.NotFound)
        {
            NotFoundText = Lang.Format(text["draws.notfound"], Reference);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
