using System.Text;
using Certa.Infrastructure.Supervision.Publication;
using Certa.Web.Api;

namespace Certa.Web.Supervision.Publication;

/// <summary>
/// The open-data CSV: RFC 4180, UTF-8 without a byte-order mark, CRLF line ends, a header line of <see cref="OpenDataColumns"/>,
/// then a line per notice. Findings are one cell, a finding a line.
/// </summary>
public static class OpenDataCsv
{
    public static string Header { get; } = string.Join(',', OpenDataColumns.All.Select(c => c.Name));

    public static string Line(SupervisionNotice notice) => string.Join(',', OpenDataColumns.All.Select(c => CsvCell.Of(c.Value(notice))));

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<SupervisionNotice> notices, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header.AsMemory(), ct);
        var lines = 0;
        await foreach (var notice in notices.WithCancellation(ct))
        {
            await writer.WriteLineAsync(Line(notice).AsMemory(), ct);
            if (++lines % SupervisionNotices.Batch == 0)
            {
                await writer.FlushAsync(ct);
            }
        }
    }
}
