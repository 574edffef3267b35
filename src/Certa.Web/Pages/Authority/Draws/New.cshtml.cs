using Certa.Domain.Supervision.Draws;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.Credit;
using Certa.Infrastructure.Supervision.Draws;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Shared;
using Certa.Web.Supervision.Draws;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Authority.Draws;

/// <summary>
/// <c>/authority/draws/new</c>: an authority officer defines a "double random" draw (population filters, a sample size or a
/// rate in per cent, the bodies whose auditors form the pool, the exclusions, the team size, the planned day) and enters the
/// public random value; <see cref="DrawCommands.MakeAsync"/> makes it and plans its inspections, and the draw's public page
/// follows. A refusal shows its reason with the form as filled in, and nothing is written.
/// </summary>
public sealed class NewModel(CertaDbContext db, DrawPopulation population, CreditLedger credit, DrawCommands draws, TimeProvider clock, UiText text) : PageModel
{
    /// <summary>Days from today the planned day is set to at first.</summary>
    public const int DefaultLeadDays = 14;

    [BindProperty]
    public List<string> SchemeIds { get; set; } = [];

    [BindProperty]
    public List<string> ProductTypeIds { get; set; } = [];

    [BindProperty]
    public List<string> Regions { get; set; } = [];

    [BindProperty]
    public List<string> BodyIds { get; set; } = [];

    [BindProperty]
    public List<string> RiskLevels { get; set; } = [];

    [BindProperty]
    public int? SampleSize { get; set; }

    /// <summary>The rate in per cent: 5 is 5 %.</summary>
    [BindProperty]
    public decimal? SamplePercent { get; set; }

    [BindProperty]
    public List<string> PoolBodyIds { get; set; } = [];

    // Check boxes: an unchecked one is not posted, so these are false unless posted; the first GET turns them on.
    [BindProperty]
    public bool ExcludeOwnOrganisation { get; set; }

    [BindProperty]
    public bool ExcludeRecentAudits { get; set; }

    [BindProperty]
    public int RecentAuditYears { get; set; } = DrawExclusions.DefaultRecentAuditYears;

    [BindProperty]
    public bool ExcludeDeclaredRelations { get; set; }

    [BindProperty]
    public int InspectorsPerTarget { get; set; } = DrawDefinition.DefaultInspectorsPerTarget;

    [BindProperty]
    public DateOnly? PlannedOn { get; set; }

    [BindProperty]
    public string? PublicRandom { get; set; }

    public DrawFormOptions Options { get; private set; } = null!;

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Refused())
        {
            return Page();
        }

        ExcludeOwnOrganisation = ExcludeRecentAudits = ExcludeDeclaredRelations = true;
        SamplePercent = 5;
        PlannedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(DefaultLeadDays);
        Options = await DrawFormOptions.ReadAsync(db, population, credit, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Refused())
        {
            return Page();
        }

        Draw? made = null;
        var request = new DrawRequest
        {
            SchemeIds = SchemeIds,
            ProductTypeIds = ProductTypeIds,
            Regions = Regions,
            BodyIds = BodyIds,
            RiskLevels = RiskLevels,
            SampleSize = SampleSize,
            SampleRate = SamplePercent / 100m,
            PoolBodyIds = PoolBodyIds,
            ExcludeOwnOrganisation = ExcludeOwnOrganisation,
            RecentAuditYears = ExcludeRecentAudits ? RecentAuditYears : null,
            ExcludeDeclaredRelations = ExcludeDeclaredRelations,
            InspectorsPerTarget = InspectorsPerTarget,
            PlannedOn = PlannedOn,
            // Pasted values often carry a stray line end; what is kept is hashed verbatim, so it is trimmed here, once.
            PublicRandom = PublicRandom?.Trim(),
        };
        if (await PageCommands.RefusalOfAsync(async () => made = await draws.MakeAsync(HttpContext.Command(), request, ct), text) is not { } refusal)
        {
            return Redirect($"{DrawLinks.Page(made!.Reference)}?made=true");
        }

        (Error, Response.StatusCode) = refusal;
        Options = await DrawFormOptions.ReadAsync(db, population, credit, ct);
        return Page();
    }

    public bool Chosen(List<string> list, string value) => list.Contains(value, StringComparer.Ordinal);

    private bool Refused()
    {
        if (DrawOfficer.AuthorityOf(HttpContext.RequiredActor()) is not null)
        {
            return false;
        }

        Refusal = text["draws.refused"];
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return true;
    }
}
