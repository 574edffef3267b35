using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.Publication;
using Certa.Web.Access;
using Certa.Web.Api;
using Certa.Web.Localization;
using Certa.Web.Pages.Verify;
using Certa.Web.Supervision.Publication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Pages.Supervision;

/// <summary>
/// <c>/supervision/results</c>: the public record of supervision for anyone, without signing in: inspection results,
/// suspensions and withdrawals, newest first, filtered as the API and with the same filters as the CSV and JSON downloads.
/// </summary>
[AllowAnonymous]
[RateLimitPolicy(PublicRateLimits.Lookup)]
public sealed class ResultsModel(SupervisionNotices notices, CertaDbContext db, UiText text) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Scheme { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Body { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Enterprise { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public Paged<SupervisionNotice>? Notices { get; private set; }

    /// <summary>What is wrong with the filter, one line per problem; the table is not shown then.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The schemes and the certification bodies to choose from, by id, with their names in the reader's language.</summary>
    public IReadOnlyList<(string Id, string Name)> Schemes { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> Bodies { get; private set; } = [];

    public string CsvHref { get; private set; } = "/api/v1/open-data/supervision.csv";

    public string JsonHref { get; private set; } = "/api/v1/open-data/supervision.json";

    public static string Language => UiText.CurrentLanguage;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var language = Language;
        Schemes = [.. (await db.Schemes.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            .Select(s => (s.Id, s.Name.In(language))).OrderBy(s => s.Id, StringComparer.Ordinal)];
        Bodies = [.. (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.CertificationBody).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name.In(language))).OrderBy(o => o.Id, StringComparer.Ordinal)];

        var errors = new QueryErrors();
        var filter = NoticeQuery.Parse(From, To, Scheme, Body, Enterprise, Kind, errors);
        // "page" is the name Razor Pages gives the page's own route value, so it is read from the query itself.
        var paging = PageRequest.From(Request.Query["page"], PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), errors);
        if (errors.Any)
        {
            Problems = [.. errors.Problem().ProblemDetails.Errors
                .SelectMany(field => field.Value.Select(message => text["supervision.filter." + field.Key] + text["org.colon"] + message))];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var query = NoticeQuery.ToQuery(filter);
        CsvHref = QueryHelpers.AddQueryString(CsvHref, query);
        JsonHref = QueryHelpers.AddQueryString(JsonHref, query);
        var total = await notices.CountAsync(filter, ct);
        var items = paging.Skip < total ? await notices.PageAsync(filter, paging.Skip, paging.PageSize, ct) : [];
        Notices = new Paged<SupervisionNotice>(items, total, paging.Page, paging.PageSize);
        return Page();
    }

    /// <summary>The notice's kind in words: an inspection by its outcome, else suspended or withdrawn.</summary>
    public string What(SupervisionNotice n) => n.Inspection is { } i
        ? text["supervision.outcome." + SnakeCaseNames.Of(i.Outcome.ToString())]
        : text["supervision.kind." + SnakeCaseNames.Of(n.Kind.ToString())];

    /// <summary>The CSS class of the notice's badge, from the classes the site has for outcomes and certificate states.</summary>
    public static string Badge(SupervisionNotice n) => n.Inspection is { } i
        ? $"badge outcome-{SnakeCaseNames.Of(i.Outcome.ToString())}"
        : $"badge cert-state state-{(n.Kind == NoticeKind.Suspension ? "suspended" : "withdrawn")}";

    public string InspectionKind(InspectionNotice i) => text["supervision.inspection." + SnakeCaseNames.Of(i.Kind.ToString())];

    public static string Day(DateOnly? day) => OpenDataColumns.Day(day);
}
