using Certa.Domain.Common;
using Certa.Web.Localization;
using Certa.Web.Pages.Applications;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Shared;

/// <summary>How a page's form runs a command: a refusal comes back as its reason and the status the API would answer, with nothing changed.</summary>
public static class PageCommands
{
    /// <summary>Runs <paramref name="command"/>; null when it succeeded, else the reason to show and the status to answer with.</summary>
    public static async Task<(string Reason, int Status)?> RefusalOfAsync(Func<Task> command, UiText text)
    {
        try
        {
            await command();
            return null;
        }
        catch (DomainException e)
        {
            return (e.Message, ApplicationPages.StatusOf(e));
        }
        catch (DbUpdateConcurrencyException)
        {
            return (text["app.error.changed"], StatusCodes.Status409Conflict);
        }
    }
}
