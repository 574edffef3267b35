using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Registry;
using Certa.Infrastructure.Declarations;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Testing;
using Certa.Web.Access;
using Certa.Web.Api;
using Certa.Web.Localization;
using Certa.Web.Pages.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Declarations;

/// <summary>
/// <c>/declarations/new</c>: file a self-declaration in two steps that need no script: choose a catalogue
/// product type under self-declaration A or B, then describe the product, its manufacturer and factory and
/// attach the type-test report (from a Certa laboratory designated for the product type for B, any lab for A).
/// <see cref="DeclarationCommands.FileAsync"/> files it; a refusal shows its reason and files nothing.
/// </summary>
public sealed class NewModel(CertaDbContext db, DeclarationCommands commands, UiText text, TimeProvider clock) : PageModel
{
    public const int SeriesRows = 3;

    [BindProperty(SupportsGet = true)]
    public string? ProductType { get; set; }

    [BindProperty]
    public string? ProductNameEn { get; set; }

    [BindProperty]
    public string? ProductNameZh { get; set; }

    [BindProperty]
    public string? MainModel { get; set; }

    [BindProperty]
    public List<SeriesRow> Series { get; set; } = [];

    [BindProperty]
    public string? TradeMark { get; set; }

    [BindProperty]
    public PartyFields Manufacturer { get; set; } = new();

    [BindProperty]
    public PartyFields Factory { get; set; } = new();

    /// <summary>The Certa laboratory that issued the report (self-declaration B).</summary>
    [BindProperty]
    public string? Lab { get; set; }

    /// <summary>The lab of choice that issued the report, by name (self-declaration A).</summary>
    [BindProperty]
    public string? LabName { get; set; }

    [BindProperty]
    public string? ReportNumber { get; set; }

    [BindProperty]
    public DateOnly? ReportIssuedOn { get; set; }

    [BindProperty]
    public IFormFile? ReportFile { get; set; }

    /// <summary>The catalogue's product types under self-declaration A or B.</summary>
    public IReadOnlyList<ProductType> ProductTypes { get; private set; } = [];

    /// <summary>The chosen product type; null until one is chosen.</summary>
    public ProductType? Chosen { get; private set; }

    /// <summary>The laboratory organisations in Certa designated for <see cref="Chosen"/> (self-declaration B).</summary>
    public IReadOnlyList<Organisation> Labs { get; private set; } = [];

    public bool IsB => Chosen?.Mode == ProductMode.SdocB;

    public string? Refusal { get; private set; }

    /// <summary>Why the chosen product type cannot be used (unknown or not self-declared); the first step is shown again.</summary>
    public string? Problem { get; private set; }

    public string? Error { get; private set; }

    public SeriesRow SeriesAt(int index) => index < Series.Count ? Series[index] : new SeriesRow();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => Refuse() ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        try
        {
            var product = ProductDetails.Of(new LocalizedText(ProductNameEn ?? string.Empty, ProductNameZh), MainModel ?? string.Empty,
                Series.Where(s => !s.IsBlank).Select(s => new SeriesModel(s.Model ?? string.Empty, s.Differences ?? string.Empty)), TradeMark);
            await using var stream = ReportFile?.OpenReadStream() ?? Stream.Null;
            var input = new NewDeclaration(
                string.IsNullOrWhiteSpace(ProductType) ? throw DomainException.Invalid("productType-required", text["decl.new.choose.producttype"], "productType") : ProductType.Trim(),
                product, Manufacturer.ToParty("manufacturer"), Factory.ToParty("factory"),
                Lab, LabName, ReportNumber, ReportIssuedOn, ReportFile?.FileName ?? "type-test-report", await FileBodies.ReadAsync(stream, ct));
            var declaration = await commands.FileAsync(HttpContext.Command(), input, ct);
            return Redirect($"/declarations/{declaration.Id}");
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Response.StatusCode = ApplicationPages.StatusOf(e);
        }

        return await ShowAsync(ct);
    }

    /// <summary>The refusal page for someone who does not file declarations; null when they do.</summary>
    private PageResult? Refuse()
    {
        if (DeclarationPages.MayFile(HttpContext.RequiredActor()))
        {
            return null;
        }

        Refusal = text["decl.new.refused"];
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        ProductTypes = [.. (await db.ProductTypes.AsNoTracking().Where(p => p.Mode == ProductMode.SdocA || p.Mode == ProductMode.SdocB).ToListAsync(ct))
            .OrderBy(p => p.SchemeId, StringComparer.Ordinal).ThenBy(p => p.CategoryNo).ThenBy(p => p.No)];
        ProductType = string.IsNullOrWhiteSpace(ProductType) ? null : ProductType.Trim();
        if (ProductType is not null)
        {
            Chosen = ProductTypes.FirstOrDefault(p => p.Id == ProductType);
            if (Chosen is null)
            {
                Problem = Lang.Format(text["decl.new.producttype.unknown"], ProductType);
                ProductType = null;
            }
        }

        if (IsB)
        {
            Labs = await DesignatedLabs.ForAsync(db, Chosen!, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        }

        return Page();
    }
}
