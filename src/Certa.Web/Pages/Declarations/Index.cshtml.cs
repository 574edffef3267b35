using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Declarations;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Declarations;
using Certa.Web.Access;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Declarations;

/// <summary>
/// <c>/declarations</c>: the self-declarations the reader may see (<see cref="DeclarationCommands.ListAsync"/>):
/// a declarant's own, all of them for an authority officer; newest first.
/// </summary>
public sealed class IndexModel(DeclarationCommands declarations, UiText text) : PageModel
{
    public IReadOnlyList<Declaration> Rows { get; private set; } = [];

    public bool MayFile { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = HttpContext.RequiredActor();
        if (me.ReachOf(Permission.DeclarationsRead) == Reach.None)
        {
            Refusal = text["decl.list.refused"];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        MayFile = DeclarationPages.MayFile(me);
        Rows = await declarations.ListAsync(me, ct);
        return Page();
    }
}

/// <summary>What the declaration pages share.</summary>
public static class DeclarationPages
{
    public static string Mode(Declaration declaration) => SnakeCaseNames.Of(declaration.Mode.ToString());

    public static string State(Declaration declaration) => SnakeCaseNames.Of(declaration.State.ToString());

    /// <summary>Whether the actor files declarations: a person of an applicant organisation with the permission.</summary>
    public static bool MayFile(Actor actor) =>
        actor.OrganisationKind == OrganisationKind.Applicant && actor.ReachOf(Permission.DeclarationsFile) != Reach.None;
}
