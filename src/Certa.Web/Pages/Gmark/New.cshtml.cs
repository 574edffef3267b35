using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Registry;
using Certa.Infrastructure.Gmark;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Gmark;

/// <summary>
/// <c>/gmark/new</c>: a notified body registers a product for a G-mark e-certificate in one form that needs no script;
/// <see cref="GmarkCommands.RegisterAsync"/> gives it its GCTS code. A refusal shows its reason and registers nothing.
/// </summary>
public sealed class NewModel(CertaDbContext db, GmarkCommands commands, UiText text) : PageModel
{
    [BindProperty]
    public string? Holder { get; set; }

    [BindProperty]
    public string? ProductType { get; set; }

    [BindProperty]
    public string? ProductNameEn { get; set; }

    [BindProperty]
    public string? ProductNameZh { get; set; }

    [BindProperty]
    public string? MainModel { get; set; }

    [BindProperty]
    public string? TradeMark { get; set; }

    [BindProperty]
    public string? HsCode { get; set; }

    [BindProperty]
    public PartyFields Manufacturer { get; set; } = new();

    [BindProperty]
    public PartyFields Factory { get; set; } = new();

    [BindProperty]
    public string? TargetCountries { get; set; } = "SA";

    [BindProperty]
    public string? Standards { get; set; }

    [BindProperty]
    public string? AgeGrading { get; set; }

    [BindProperty]
    public int? ValidityYears { get; set; } = 3;

    [BindProperty]
    public string? InternalReference { get; set; }

    public IReadOnlyList<ProductType> ProductTypes { get; private set; } = [];

    public IReadOnlyList<Organisation> Holders { get; private set; } = [];

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => Refuse() ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        try
        {
            var input = new NewGmarkRegistration(Holder, ProductType,
                ProductDetails.Of(new LocalizedText(ProductNameEn ?? string.Empty, ProductNameZh), MainModel ?? string.Empty, [], TradeMark), HsCode,
                Manufacturer.ToParty("manufacturer"), Factory.ToParty("factory"),
                (TargetCountries ?? string.Empty).Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries),
                (Standards ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                AgeGrading, ValidityYears ?? 0, InternalReference);
            var registration = await commands.RegisterAsync(HttpContext.Command(), input, ct);
            return Redirect($"/gmark/{registration.Id}");
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Response.StatusCode = ApplicationPages.StatusOf(e);
        }

        return await ShowAsync(ct);
    }

    private PageResult? Refuse() => (Refusal = GmarkPageRules.RefusalToRegister(HttpContext, text)) is null ? null : Page();

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        ProductTypes = await commands.ProductTypesAsync(ct);
        Holders = [.. (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Applicant).ToListAsync(ct)).OrderBy(o => o.Id, StringComparer.Ordinal)];
        return Page();
    }
}
