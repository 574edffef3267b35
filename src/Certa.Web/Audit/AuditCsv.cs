using System.Globalization;
using System.Text;
using Certa.Domain.Audit;
using Certa.Web.Api;

namespace Certa.Web.Audit;

/// <summary>RFC 4180 CSV of audit events: a header line, then one line per event, CRLF line ends.</summary>
public static class AuditCsv
{
    public const string Header = "sequence,occurred_at,actor,organisation,action,entity_type,entity_id,state_digest,correlation_id,details,previous_hash,hash";

    public static string Line(AuditEvent e) => string.Join(',',
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        CsvCell.Of(e.Actor), CsvCell.Of(e.Organisation), CsvCell.Of(e.Action), CsvCell.Of(e.EntityType), CsvCell.Of(e.EntityId), e.StateDigest,
        CsvCell.Of(e.CorrelationId), CsvCell.Of(e.Details), e.PreviousHash, e.Hash);

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AuditEvent> events, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header.AsMemory(), ct);
        await foreach (var e in events.WithCancellation(ct))
        {
            await writer.WriteLineAsync(Line(e).AsMemory(), ct);
        }
    }
}
