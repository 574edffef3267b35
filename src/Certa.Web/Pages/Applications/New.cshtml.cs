using Certa.Domain.Access;
using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Registry;
using Certa.Infrastructure.Advisor;
using Certa.Infrastructure.Applications;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Applications;

/// <summary>
/// <c>/applications/new</c>: a draft application in three steps that need no script: choose the
/// scheme, then its product type (or arrive with <c>?productType=</c> from the advisor), then the
/// body designated for it and the product, manufacturer and factory. The draft is made by
/// <see cref="ApplicationCommands.DraftAsync"/>; a refusal shows its reason and creates nothing.
/// </summary>
public sealed class NewModel(CertaDbContext db, ApplicationCommands commands, AdvisorService advisor, UiText text, TimeProvider clock) : PageModel
{
    public const int SeriesRows = 5;

    [BindProperty(SupportsGet = true)]
    public string? Scheme { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ProductType { get; set; }

    [BindProperty]
    public string? Body { get; set; }

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

    public IReadOnlyList<Scheme> Schemes { get; private set; } = [];

    /// <summary>The chosen scheme's product types; empty until a scheme is chosen.</summary>
    public IReadOnlyList<ProductType> ProductTypes { get; private set; } = [];

    /// <summary>The chosen product type; null until one is chosen.</summary>
    public ProductType? Chosen { get; private set; }

    /// <summary>The certification-body organisations in Certa designated for <see cref="Chosen"/>.</summary>
    public IReadOnlyList<Organisation> Bodies { get; private set; } = [];

    public string? Refusal { get; private set; }

    /// <summary>Why the chosen scheme or product type cannot be used (unknown id); the earlier step is shown again.</summary>
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
            var input = new NewApplication(Required(Body, "body"), Required(Scheme, "scheme"), Required(ProductType, "productType"),
                product, Manufacturer.ToParty("manufacturer"), Factory.ToParty("factory"));
            var application = await commands.DraftAsync(HttpContext.Command(), input, ct);
            return Redirect($"/applications/{application.Id}");
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Response.StatusCode = ApplicationPages.StatusOf(e);
        }

        return await ShowAsync(ct);
    }

    /// <summary>The refusal page for someone who does not apply (not of an applicant, or without the permission); null when they do.</summary>
    private PageResult? Refuse()
    {
        var me = HttpContext.RequiredActor();
        if (me.OrganisationKind == OrganisationKind.Applicant && me.ReachOf(Permission.ApplicationsDraft) != Reach.None)
        {
            return null;
        }

        Refusal = text["app.new.refused"];
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var knowledge = (await advisor.GetAsync(ct)).Knowledge;
        // Only schemes with a catalogue and a document list in the data can be applied for.
        var withDocuments = knowledge.Definitions.Rules.Where(r => r.Documents.Count > 0).Select(r => r.SchemeId).ToHashSet(StringComparer.Ordinal);
        var withProducts = await db.ProductTypes.AsNoTracking().Select(p => p.SchemeId).Distinct().ToListAsync(ct);
        Schemes = [.. (await db.Schemes.AsNoTracking().Where(s => withProducts.Contains(s.Id)).ToListAsync(ct))
            .Where(s => withDocuments.Contains(s.Id)).OrderBy(s => s.Code, StringComparer.Ordinal)];

        ProductType = string.IsNullOrWhiteSpace(ProductType) ? null : ProductType.Trim();
        Scheme = string.IsNullOrWhiteSpace(Scheme) ? null : Scheme.Trim();
        if (ProductType is not null)
        {
            Chosen = await db.ProductTypes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == ProductType, ct);
            if (Chosen is null)
            {
                Problem = Lang.Format(text["app.new.producttype.unknown"], ProductType);
                ProductType = null;
            }
            else
            {
                Scheme = Chosen.SchemeId;
            }
        }

        if (Scheme is not null && Schemes.All(s => s.Id != Scheme))
        {
            Problem ??= Lang.Format(text["app.new.scheme.unknown"], Scheme);
            Scheme = null;
            Chosen = null;
            ProductType = null;
        }

        if (Scheme is not null)
        {
            ProductTypes = [.. (await db.ProductTypes.AsNoTracking().Where(p => p.SchemeId == Scheme).ToListAsync(ct))
                .OrderBy(p => p.CategoryNo).ThenBy(p => p.No)];
        }

        if (Chosen is not null)
        {
            var organisations = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.CertificationBody).ToListAsync(ct);
            var registryIds = organisations.Select(o => o.RegistryId).ToList();
            var designated = (await db.Bodies.AsNoTracking().Where(b => registryIds.Contains(b.Id)).ToListAsync(ct))
                .Where(b => b.IsDesignatedFor(Chosen, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
            Bodies = [.. organisations.Where(o => o.RegistryId is not null && designated.Contains(o.RegistryId))
                .OrderBy(o => o.Name.En, StringComparer.Ordinal)];
        }

        return Page();
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw DomainException.Invalid(field + "-required", $"Choose the {field}.", field) : value.Trim();
}

/// <summary>One row of the series-model fields; a row left blank is not a series model.</summary>
public sealed class SeriesRow
{
    public string? Model { get; set; }

    public string? Differences { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Model) && string.IsNullOrWhiteSpace(Differences);
}

/// <summary>A manufacturer's or factory's fields as the form posts them.</summary>
public sealed class PartyFields
{
    public string? NameEn { get; set; }

    public string? NameZh { get; set; }

    public string? AddressEn { get; set; }

    public string? AddressZh { get; set; }

    public Party ToParty(string field) =>
        Party.Of(new LocalizedText(NameEn ?? string.Empty, NameZh), new LocalizedText(AddressEn ?? string.Empty, AddressZh), field);
}
