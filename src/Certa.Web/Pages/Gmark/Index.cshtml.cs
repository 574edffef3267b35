using Certa.Domain.Access;
using Certa.Domain.Gmark;
using Certa.Infrastructure.Gmark;
using Certa.Web.Access;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Gmark;

/// <summary>
/// <c>/gmark</c>: the G-mark registrations the reader may see (<see cref="GmarkCommands.ListAsync"/>), newest first; an
/// authority officer sees the submitted ones first, as the approval queue.
/// </summary>
public sealed class IndexModel(GmarkCommands commands, UiText text) : PageModel
{
    public IReadOnlyList<GmarkRegistration> Queue { get; private set; } = [];

    public IReadOnlyList<GmarkRegistration> Rows { get; private set; } = [];

    public bool MayRegister { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = HttpContext.RequiredActor();
        if (me.ReachOf(Permission.GmarkRead) == Reach.None)
        {
            Refusal = text["gmark.list.refused"];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        MayRegister = GmarkPageRules.MayRegister(me);
        Rows = await commands.ListAsync(me, null, ct);
        var submitted = Rows.Where(r => r.State == GmarkState.Submitted).ToList();
        Queue = submitted.Count > 0 && await commands.DecidesForAsync(me, submitted[0].SchemeId, ct) ? submitted : [];
        return Page();
    }
}

/// <summary>What the G-mark pages decide alike.</summary>
public static class GmarkPageRules
{
    /// <summary>Whether the actor registers G-mark products: a person of a certification body with the permission.</summary>
    public static bool MayRegister(Actor actor) =>
        actor.OrganisationKind == Domain.Organisations.OrganisationKind.CertificationBody && actor.ReachOf(Permission.GmarkRegister) != Reach.None;

    /// <summary>For the register and upload pages: why the reader may not use them (and a 403), or null when they may.</summary>
    public static string? RefusalToRegister(HttpContext http, UiText text)
    {
        if (MayRegister(http.RequiredActor()))
        {
            return null;
        }

        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return text["gmark.new.refused"];
    }
}
