using Certa.Domain.Common;
using Certa.Domain.Supervision.Credit;
using Certa.Infrastructure.Supervision.Credit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Credit;

/// <summary><c>/credit</c>: every enterprise and certification body with its credit level and score now, filterable by kind, level and name.</summary>
public sealed class IndexModel(CreditQueries credit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<CreditStanding> Standings { get; private set; } = [];

    public CreditRules Rules => credit.Rules;

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CreditSubjectKind? kind = null;
        try
        {
            kind = string.IsNullOrWhiteSpace(Kind) ? null : CreditSubjects.Parse(Kind);
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Standings = await credit.ListAsync(kind, Level, Q, ct);
    }
}
