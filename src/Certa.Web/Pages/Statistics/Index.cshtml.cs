using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Statistics;
using Certa.Web.Access;
using Certa.Web.Api;
using Certa.Web.Localization;
using Certa.Web.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Certa.Web.Pages.Statistics;

/// <summary>
/// <c>/statistics</c>: every dataset of the dashboards as a chart drawn on the server (SVG, no script), the table of its
/// numbers under it (the accessible version) and a CSV download. An authority officer sees every body or picks one; a
/// body's people see their own body; anyone else gets a refusal page.
/// </summary>
public sealed class IndexModel(CertaDbContext db, TimeProvider clock, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Body { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Months { get; set; }

    public bool MayPickBody { get; private set; }

    /// <summary>The body the numbers are narrowed to; none for every body.</summary>
    public string? Scope { get; private set; }

    public int MonthCount { get; private set; } = MonthWindow.DefaultMonths;

    public StatisticsLabels Labels { get; private set; } = null!;

    public IReadOnlyList<DatasetView> Datasets { get; private set; } = [];

    public DateTimeOffset AsOf { get; private set; }

    public string? Refusal { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = HttpContext.RequiredActor();
        var reach = me.ReachOf(Permission.StatisticsRead);
        if (reach == Reach.None)
        {
            return Refuse(text["stats.refused"]);
        }

        MayPickBody = reach == Reach.Any;
        Labels = await StatisticsLabels.LoadAsync(db, text, ct);
        var errors = new QueryErrors();
        MonthCount = errors.Number("months", Months, MonthWindow.DefaultMonths, 1, MonthWindow.MaxMonths);
        try
        {
            Scope = await StatisticsScope.ResolveAsync(me, Body, db, errors, ct);
        }
        catch (DomainException e)
        {
            return Refuse(e.Message);
        }

        if (errors.Any)
        {
            Problems = [.. Describe(errors)];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        AsOf = clock.GetUtcNow();
        var views = new List<DatasetView>();
        foreach (var dataset in StatisticsDataset.All)
        {
            var table = await dataset.Load(HttpContext.RequestServices, Scope, MonthCount, ct);
            views.Add(new DatasetView(dataset, table, StatisticsChart.Render(dataset, table, Labels, text), CsvHref(dataset)));
        }

        Datasets = views;
        return Page();
    }

    private string CsvHref(StatisticsDataset dataset)
    {
        var query = new Dictionary<string, string?>();
        if (MayPickBody && Scope is not null)
        {
            query["body"] = Scope;
        }

        if (dataset.Monthly && MonthCount != MonthWindow.DefaultMonths)
        {
            query["months"] = MonthCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString($"/api/v1/statistics/{dataset.Id}.csv", query);
    }

    private IActionResult Refuse(string why)
    {
        Refusal = why;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private IEnumerable<string> Describe(QueryErrors errors)
    {
        if (errors.Problem().ProblemDetails.Errors is { } fields)
        {
            foreach (var (field, messages) in fields)
            {
                foreach (var message in messages)
                {
                    yield return $"{text["stats.field." + field]}: {message}";
                }
            }
        }
    }
}

/// <summary>One dataset on the page: its numbers, its chart and where to download it.</summary>
public sealed record DatasetView(StatisticsDataset Dataset, StatisticsTable Table, string Svg, string CsvHref);
