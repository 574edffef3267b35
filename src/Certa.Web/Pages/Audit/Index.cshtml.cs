using Certa.Domain.Access;
using Certa.Domain.Audit;
using Certa.Infrastructure.Audit;
using Certa.Infrastructure.Persistence;
using Certa.Web.Access;
using Certa.Web.Api;
using Certa.Web.Audit;
using Certa.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Audit;

/// <summary>
/// <c>/audit</c>: the audit trail as the actor may see it (its organisation's events, or all of
/// them), filtered and paged newest first, with the same filters as a CSV download; and, for those
/// who may, a walk of the whole hash chain.
/// </summary>
public sealed class IndexModel(AuditQueries queries, CertaDbContext db, UiText text) : PageModel
{
    public const string CsvPath = "/api/v1/audit/events.csv";

    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? ActorName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public Actor Me { get; private set; } = null!;

    public bool MayFilterOrganisation => Me.ReachOf(Permission.AuditRead) == Reach.Any;

    public bool MayVerify => Me.ReachOf(Permission.AuditVerify) != Reach.None;

    public Paged<AuditEventDto>? Events { get; private set; }

    /// <summary>What is wrong with the filter, one line per problem; the table is not shown then.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public ChainVerification? Verification { get; private set; }

    /// <summary>The names of the people who acted in the listed events, by their audit name (<c>person:{id}</c>).</summary>
    public IReadOnlyDictionary<string, string> PersonNames { get; private set; } = new Dictionary<string, string>();

    public string? Refusal { get; private set; }

    /// <summary>The CSV export of the events the filter selects (every page, oldest first).</summary>
    public string CsvHref => QueryHelpers.AddQueryString(CsvPath, FilterQuery());

    /// <summary>The verify form posts to this page with the current filter, so the list beside the result stays the same.</summary>
    public string VerifyAction => QueryHelpers.AddQueryString(Request.Path, FilterQuery());

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => Refuse(Permission.AuditRead) ?? await ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if ((Refuse(Permission.AuditRead) ?? Refuse(Permission.AuditVerify)) is { } refused)
        {
            return refused;
        }

        Verification = await AuditLog.VerifyAsync(db, ct);
        return await ListAsync(ct);
    }

    /// <summary>A link that narrows the current filter to one more value (an actor, an entity).</summary>
    public string FilterHref(params (string Key, string? Value)[] narrowing)
    {
        var query = new Dictionary<string, string?>(FilterQuery());
        foreach (var (key, value) in narrowing)
        {
            query[key] = value;
        }

        return QueryHelpers.AddQueryString(Request.Path, query);
    }

    private async Task<IActionResult> ListAsync(CancellationToken ct)
    {
        var errors = new QueryErrors();
        var filter = AuditFilter.Parse(MayFilterOrganisation ? Organisation : null, EntityType, EntityId, ActorName, From, To, errors);
        // "page" is the name Razor Pages gives the page's own route value, so it is read from the query itself.
        var paging = PageRequest.From(Request.Query["page"], "50", errors);
        if (errors.Any)
        {
            Problems = [.. errors.Problem().ProblemDetails.Errors
                .SelectMany(field => field.Value.Select(message => text["audit.filter." + field.Key] + text["org.colon"] + message))];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Events = await queries.PageAsync(Me, filter, paging, ct);
        var ids = Events.Items.Select(e => e.Actor.StartsWith("person:", StringComparison.Ordinal) && Guid.TryParse(e.Actor[7..], out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().ToList();
        PersonNames = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => $"person:{p.Id}", p => p.DisplayName, StringComparer.Ordinal, ct);
        return Page();
    }

    private Dictionary<string, string?> FilterQuery()
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        Add("organisation", MayFilterOrganisation ? Organisation : null);
        Add("entityType", EntityType);
        Add("entityId", EntityId);
        Add("actor", ActorName);
        Add("from", From);
        Add("to", To);
        return query;

        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query[key] = value.Trim();
            }
        }
    }

    /// <summary>The refusal page when the actor lacks <paramref name="permission"/>; null when it has it.</summary>
    private PageResult? Refuse(Permission permission)
    {
        Me = HttpContext.RequiredActor();
        if (Me.ReachOf(permission) != Reach.None)
        {
            return null;
        }

        Refusal = text[permission == Permission.AuditVerify ? "audit.refused.verify" : "audit.refused"];
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
