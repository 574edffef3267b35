using Certa.Domain.Common;
using Certa.Domain.Supervision.Inspections;
using Certa.Infrastructure.Supervision.Inspections;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Applications;
using Certa.Web.Supervision.Inspections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Inspections;

/// <summary><c>/inspections</c>: the inspections the reader's organisation organises or whose certificates it issued, planned and recorded.</summary>
public sealed class IndexModel(InspectionQueries queries, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public IReadOnlyList<Inspection> Rows { get; private set; } = [];

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Rows = await queries.ListAsync(HttpContext.RequiredActor(), InspectionStates.Parse(State), ct);
        }
        catch (DomainException e)
        {
            Refusal = e.Kind == RefusalKind.Forbidden ? text["insp.list.refused"] : e.Message;
            Response.StatusCode = ApplicationPages.StatusOf(e);
        }

        return Page();
    }
}
