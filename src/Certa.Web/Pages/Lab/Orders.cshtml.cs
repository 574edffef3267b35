using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Testing;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Testing;
using Certa.Web.Access;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Lab;

/// <summary>
/// <c>/lab/orders</c>: the laboratory's own test orders (<see cref="TestOrderCommands.ListAsync"/> keeps
/// them to its own), open ones by default, oldest first so the longest waiting is on top.
/// </summary>
public sealed class OrdersModel(CertaDbContext db, TestOrderCommands orders, UiText text) : PageModel
{
    public const string Open = "open";
    public const string Completed = "completed";
    public const string All = "all";

    public static readonly IReadOnlyList<string> Filters = [Open, Completed, All];

    /// <summary><c>open</c> (ordered or received), <c>completed</c> (completed or cancelled) or <c>all</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public IReadOnlyList<LabOrderRow> Rows { get; private set; } = [];

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = HttpContext.RequiredActor();
        if (me.OrganisationKind != OrganisationKind.Laboratory || me.ReachOf(Permission.TestOrdersRead) == Reach.None)
        {
            Refusal = text["lab.orders.refused"];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Show = Filters.FirstOrDefault(f => string.Equals(f, Show?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Open;
        var open = Show == Open;
        // Open orders oldest first, so the longest waiting is on top; the others newest first, as listed.
        var listed = (await orders.ListAsync(me, null, ct))
            .Where(o => Show == All || open == (o.State is TestOrderState.Ordered or TestOrderState.Received));
        var list = (open ? listed.OrderBy(o => o.OrderedAt) : listed).ToList();
        var products = await LabOrderProducts.ForAsync(db, list.Select(o => o.ApplicationId), ct);
        var bodyIds = list.Select(o => o.BodyId).Distinct().ToList();
        var language = UiText.CurrentLanguage;
        var bodies = await db.Organisations.AsNoTracking().Where(o => bodyIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name.In(language), StringComparer.Ordinal, ct);
        Rows = [.. list.Select(o => new LabOrderRow(o, products.GetValueOrDefault(o.ApplicationId), bodies.GetValueOrDefault(o.BodyId) ?? o.BodyId))];
        return Page();
    }
}

/// <summary>One order in the lab's list, with the product it tests and the body that ordered it.</summary>
public sealed record LabOrderRow(TestOrder Order, LabOrderProduct? Product, string BodyName)
{
    public string State => TestOrder.Name(Order.State);

    public string? Outcome => Order.Outcome is { } o ? SnakeCaseNames.Of(o.ToString()) : null;
}
