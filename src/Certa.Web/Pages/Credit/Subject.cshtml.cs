using Certa.Domain.Common;
using Certa.Domain.Supervision.Credit;
using Certa.Infrastructure.Supervision.Credit;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Credit;

/// <summary>
/// <c>/credit/{kind}/{id}</c>: one enterprise's or body's credit now: the level and what it means, the score, and every event
/// that counts with its weight after decay, the day it stops counting and its source in the rules.
/// </summary>
public sealed class SubjectModel(CreditQueries credit, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>Set when an officer has just recorded an event.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Recorded { get; set; }

    public CreditStanding? Standing { get; private set; }

    public CreditRules Rules => credit.Rules;

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Standing = await credit.SubjectAsync(CreditSubjects.Parse(Kind), Id, ct);
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (Standing is null)
        {
            Error = Lang.Format(text["credit.notfound"], Kind, Id);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
