using System.Globalization;
using System.Text;
using Certa.Infrastructure.Statistics;
using Certa.Web.Api;

namespace Certa.Web.Statistics;

/// <summary>A dataset as RFC 4180 CSV: the key column and every value column as a header, a line per key, CRLF line ends.</summary>
public static class StatisticsCsv
{
    public static string Write(StatisticsTable table)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', table.Columns.Prepend(table.KeyColumn).Select(CsvCell.Of))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            csv.Append(string.Join(',', row.Values.Select(v => v.ToString(CultureInfo.InvariantCulture)).Prepend(CsvCell.Of(row.Key)))).Append("\r\n");
        }

        return csv.ToString();
    }

    public static string FileName(StatisticsDataset dataset, string? body, DateTimeOffset at) =>
        $"certa-{dataset.Id}{(body is null ? "" : "-" + body)}-{at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
}
