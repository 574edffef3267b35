using System.Globalization;
using System.Text;
using Certa.Domain.Audit;

namespace Certa.Web.Audit;

/// <summary>RFC 4180 CSV of audit events: a header line, then one line per event, CRLF line ends.</summary>
public static class AuditCsv
{
    public const string Header = "sequence,occurred_at,actor,organisation,action,entity_type,entity_id,state_digest,correlation_id,details,previous_hash,hash";

    public static string Line(AuditEvent e) => string.Join(',',
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        Field(e.Actor), Field(e.Organisation), Field(e.Action), Field(e.EntityType), Field(e.EntityId), e.StateDigest,
        Field(e.CorrelationId), Field(e.Details), e.PreviousHash, e.Hash);

    /// <summary>Quotes a field when it holds a comma, quote or line break; doubles inner quotes. A leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

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
