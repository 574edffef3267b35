using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Supervision.Draws;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.Draws;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Account;

/// <summary>
/// <c>/account/relations</c>: an auditor declares relations to enterprises or bodies (a former employer, family, shares)
/// and ends them; while one stands, "double random" draws keep the auditor away from that organisation's targets.
/// </summary>
public sealed class RelationsModel(CertaDbContext db, RelationCommands relations, UiText text) : PageModel
{
    private static readonly HashSet<string> Outcomes = ["declared", "ended"];

    [BindProperty]
    public string? RelatedTo { get; set; }

    [BindProperty]
    public string? Nature { get; set; }

    [BindProperty]
    public Guid? RelationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<DeclaredRelation> Relations { get; private set; } = [];

    /// <summary>Enterprises and bodies one may declare a relation to, with their names.</summary>
    public IReadOnlyList<(string Id, LocalizedText Name)> Organisations { get; private set; } = [];

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public string? Notice => Done is not null && Outcomes.Contains(Done) ? text["relations.done." + Done] : null;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostDeclareAsync(CancellationToken ct) =>
        RunAsync("declared", () => relations.DeclareAsync(HttpContext.Command(), RelatedTo ?? string.Empty, Nature ?? string.Empty, ct), ct);

    public Task<IActionResult> OnPostEndAsync(CancellationToken ct) =>
        RunAsync("ended", () => relations.EndAsync(HttpContext.Command(), RelationId ?? Guid.Empty, ct), ct);

    public string NameOf(string id) => Organisations.FirstOrDefault(o => o.Id == id) is { Name: { } name } ? name.In(UiText.CurrentLanguage) : id;

    private async Task<IActionResult> RunAsync(string outcome, Func<Task> command, CancellationToken ct)
    {
        if (await PageCommands.RefusalOfAsync(command, text) is not { } refusal)
        {
            return Redirect($"/account/relations?done={outcome}");
        }

        (Error, Response.StatusCode) = refusal;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var me = HttpContext.RequiredActor();
        if (me.OrganisationId is not { } own || !me.May(Permission.RelationsDeclare, own))
        {
            Refusal = text["relations.refused"];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Relations = await relations.MineAsync(me, ct);
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.Id != own && (o.Kind == OrganisationKind.Applicant || o.Kind == OrganisationKind.CertificationBody))
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        Organisations = [.. organisations.OrderBy(o => o.Id, StringComparer.Ordinal).Select(o => (o.Id, o.Name))];
        return Page();
    }
}
