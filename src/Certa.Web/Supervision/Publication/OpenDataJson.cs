using System.Globalization;
using System.Text.Json;
using Certa.Infrastructure.Supervision.Publication;

namespace Certa.Web.Supervision.Publication;

/// <summary>
/// The open-data JSON: one object with the format, when it was made, the filter and the column names, then
/// <c>notices</c>, an array of flat objects keyed by <see cref="OpenDataColumns"/> (findings as an array; an empty value as null).
/// Written as the notices are read.
/// </summary>
public static class OpenDataJson
{
    public const string Format = "certa-supervision-notices/1";

    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(Stream output, NoticeFilter filter, DateTimeOffset at, IAsyncEnumerable<SupervisionNotice> notices, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("generatedAt", at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteStartObject("filter");
        foreach (var (key, value) in NoticeQuery.ToQuery(filter))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteStartArray("columns");
        foreach (var (name, _) in OpenDataColumns.All)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteStartArray("notices");
        await foreach (var notice in notices.WithCancellation(ct))
        {
            Write(json, notice);
            if (json.BytesPending > 64 * 1024)
            {
                await json.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static void Write(Utf8JsonWriter json, SupervisionNotice notice)
    {
        json.WriteStartObject();
        foreach (var (name, value) in OpenDataColumns.All)
        {
            if (name == "findings")
            {
                json.WriteStartArray(name);
                foreach (var finding in notice.Inspection?.Findings ?? [])
                {
                    json.WriteStringValue(finding);
                }

                json.WriteEndArray();
            }
            else if (value(notice) is { Length: > 0 } text)
            {
                json.WriteString(name, text);
            }
            else
            {
                json.WriteNull(name);
            }
        }

        json.WriteEndObject();
    }
}
