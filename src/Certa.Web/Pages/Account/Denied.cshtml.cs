using Certa.Domain.Access;
using Certa.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Account;

/// <summary>Where the cookie handler sends a signed-in person whose roles do not allow the page they asked for.</summary>
public sealed class DeniedModel : PageModel
{
    public Actor? Actor { get; private set; }

    public void OnGet()
    {
        Actor = HttpContext.Actor();
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
