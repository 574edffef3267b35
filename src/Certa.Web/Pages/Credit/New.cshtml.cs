using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Supervision.Credit;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.Credit;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Shared;
using Certa.Web.Supervision.Credit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Credit;

/// <summary>
/// <c>/authority/credit/new</c>: an authority officer records a credit event the rules define (false documents, obstructed
/// supervision, an overturned decision) about an enterprise or body; the subject's public credit page follows. A refusal
/// shows its reason with the form as filled in, and nothing is written.
/// </summary>
public sealed class NewModel(CertaDbContext db, CreditEventCommands commands, CreditRules rules, TimeProvider clock, UiText text) : PageModel
{
    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Type { get; set; }

    [BindProperty]
    public DateOnly? Day { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public CreditRules Rules => rules;

    /// <summary>Enterprises and bodies to pick from, by id with their names.</summary>
    public IReadOnlyList<Organisation> Subjects { get; private set; } = [];

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Refused())
        {
            Day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            await ReadSubjectsAsync(ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Refused())
        {
            return Page();
        }

        CreditRecord? recorded = null;
        var input = new CreditEventInput(Subject, Type, Day, Reference, Note);
        if (await PageCommands.RefusalOfAsync(async () => recorded = await commands.RecordAsync(HttpContext.Command(), input, ct), text) is not { } refusal)
        {
            return Redirect($"{CreditLinks.Page(new CreditSubject(recorded!.SubjectKind, recorded.SubjectId))}?recorded=true");
        }

        (Error, Response.StatusCode) = refusal;
        await ReadSubjectsAsync(ct);
        return Page();
    }

    private async Task ReadSubjectsAsync(CancellationToken ct)
    {
        var kinds = Enum.GetValues<CreditSubjectKind>().Select(CreditSubjects.Organisations).ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => kinds.Contains(o.Kind)).ToListAsync(ct);
        Subjects = [.. organisations.OrderBy(o => o.Kind).ThenBy(o => o.Id, StringComparer.Ordinal)];
    }

    private bool Refused()
    {
        if (HttpContext.RequiredActor().ReachOf(Permission.CreditRecord) != Reach.None)
        {
            return false;
        }

        Refusal = text["credit.new.refused"];
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return true;
    }
}
