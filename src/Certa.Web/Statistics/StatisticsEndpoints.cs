using System.ComponentModel;
using System.Text;
using Certa.Domain.Access;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Statistics;
using Certa.Web.Access;
using Certa.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Certa.Web.Statistics;

/// <summary>
/// <c>/api/v1/statistics</c>: each dashboard dataset as JSON (<c>/{dataset}</c>) or CSV (<c>/{dataset}.csv</c> or
/// <c>?format=csv</c>). An authority officer reads every body or one (<c>?body=</c>); a body's people their own body.
/// </summary>
public static class StatisticsEndpoints
{
    private static readonly string[] Formats = ["json", "csv"];

    public static void MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/statistics").WithTags("Statistics").AddEndpointFilter<DomainProblems>();
        api.MapGet("/", List).WithName("ListStatisticsDatasets").Requires(Permission.StatisticsRead);
        foreach (var dataset in StatisticsDataset.All)
        {
            var name = string.Concat(dataset.Id.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
            api.MapGet("/" + dataset.Id,
                    (HttpContext http, CertaDbContext db, TimeProvider clock,
                        [Description("A certification body's organisation id; an authority officer only (a body sees its own).")] string? body,
                        [Description("For the monthly datasets: how many months back, 1 to 120 (default 24).")] string? months,
                        [Description("json (default) or csv.")] string? format, CancellationToken ct) =>
                    Read(dataset, http, db, clock, body, months, format, ct))
                .WithName("GetStatistics" + name).WithSummary($"Statistics: {dataset.Id}").Requires(Permission.StatisticsRead);
            api.MapGet("/" + dataset.Id + ".csv",
                    (HttpContext http, CertaDbContext db, TimeProvider clock, string? body, string? months, CancellationToken ct) =>
                    Read(dataset, http, db, clock, body, months, "csv", ct))
                .WithName("ExportStatistics" + name).WithSummary($"Statistics: {dataset.Id} as CSV").Requires(Permission.StatisticsRead);
        }
    }

    [EndpointSummary("List the statistics datasets")]
    public static Ok<IReadOnlyList<StatisticsDatasetLink>> List() =>
        TypedResults.Ok<IReadOnlyList<StatisticsDatasetLink>>([.. StatisticsDataset.All.Select(d =>
            new StatisticsDatasetLink(d.Id, d.Monthly, $"/api/v1/statistics/{d.Id}", $"/api/v1/statistics/{d.Id}.csv"))]);

    /// <summary>One dataset for the actor's scope, as JSON or CSV; every bad query value is answered at once as a 400 problem.</summary>
    public static async Task<Results<Ok<StatisticsDto>, FileContentHttpResult, ValidationProblem>> Read(StatisticsDataset dataset, HttpContext http,
        CertaDbContext db, TimeProvider clock, string? body, string? months, string? format, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var span = errors.Number("months", months, MonthWindow.DefaultMonths, 1, MonthWindow.MaxMonths);
        var csv = errors.OneOf("format", format?.Trim().ToLowerInvariant(), Formats) == "csv";
        var scope = await StatisticsScope.ResolveAsync(http.RequiredActor(), body, db, errors, ct);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var table = await dataset.Load(http.RequestServices, scope, span, ct);
        var now = clock.GetUtcNow();
        return csv
            ? TypedResults.File(Encoding.UTF8.GetBytes(StatisticsCsv.Write(table)), "text/csv; charset=utf-8", StatisticsCsv.FileName(dataset, scope, now))
            : TypedResults.Ok(StatisticsDto.From(dataset, scope, span, now, table));
    }
}
