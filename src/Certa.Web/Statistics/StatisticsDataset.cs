using Certa.Infrastructure.Statistics;

namespace Certa.Web.Statistics;

/// <summary>How a dataset is drawn: bars (stacked when it has several columns) or lines over months.</summary>
public enum ChartKind
{
    Bars,
    Lines,
}

/// <summary>What a dataset's keys are, so that the page can name them in the reader's language.</summary>
public enum KeyKind
{
    Scheme,
    Body,
    CertificateState,
    ApplicationState,
    InspectionKind,
    Month,
}

/// <summary>
/// One dataset of the dashboards: its id (in the API's route and the CSV's name), how it is drawn and named, which of its
/// columns the chart shows (the table shows them all), and how it is read.
/// </summary>
public sealed record StatisticsDataset(string Id, ChartKind Chart, KeyKind Keys, bool Monthly, IReadOnlyList<string>? ChartColumns,
    Func<IServiceProvider, string?, int, CancellationToken, Task<StatisticsTable>> Load)
{
    /// <summary>Every dataset, in the order the dashboard shows them.</summary>
    public static IReadOnlyList<StatisticsDataset> All { get; } =
    [
        new("certificates-by-scheme", ChartKind.Bars, KeyKind.Scheme, false, null,
            (sp, body, _, ct) => Queries(sp).CertificatesBySchemeAsync(body, ct)),
        new("certificates-by-body", ChartKind.Bars, KeyKind.Body, false, null,
            (sp, body, _, ct) => Queries(sp).CertificatesByBodyAsync(body, ct)),
        new("certificates-by-state", ChartKind.Bars, KeyKind.CertificateState, false, null,
            (sp, body, _, ct) => Queries(sp).CertificatesByStateAsync(body, ct)),
        new("certificates-issued-per-month", ChartKind.Lines, KeyKind.Month, true, null,
            (sp, body, months, ct) => Queries(sp).CertificatesIssuedPerMonthAsync(body, months, ct)),
        new("applications-by-state", ChartKind.Bars, KeyKind.ApplicationState, false, null,
            (sp, body, _, ct) => Queries(sp).ApplicationsByStateAsync(body, ct)),
        // Medians and 90th percentiles are not parts of one whole: the chart shows the median, the table both.
        new("application-step-times", ChartKind.Bars, KeyKind.ApplicationState, false, ["median_days"],
            (sp, body, _, ct) => Queries(sp).ApplicationStepTimesAsync(body, ct)),
        new("follow-ups-by-body", ChartKind.Bars, KeyKind.Body, false, null,
            (sp, body, _, ct) => sp.GetRequiredService<FollowUpStatistics>().FollowUpsByBodyAsync(body, ct)),
        new("inspections-per-month", ChartKind.Lines, KeyKind.Month, true, null,
            (sp, body, months, ct) => Queries(sp).InspectionOutcomesPerMonthAsync(body, months, ct)),
        new("inspections-by-kind", ChartKind.Bars, KeyKind.InspectionKind, false, null,
            (sp, body, _, ct) => Queries(sp).InspectionOutcomesByKindAsync(body, ct)),
    ];

    public static StatisticsDataset? Find(string id) => All.FirstOrDefault(d => d.Id == id);

    private static StatisticsQueries Queries(IServiceProvider services) => services.GetRequiredService<StatisticsQueries>();
}
