using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Verification;
using Certa.Infrastructure.Verification;
using Certa.Infrastructure.Verification.Bulk;
using Certa.Web.Access;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Certa.Web.Verification;

/// <summary>
/// <c>POST /api/v1/public/verify:bulk</c>: a marketplace checks its listings, up to a million numbers a request, as CSV or
/// NDJSON. Both ways are streamed: lines are read as they arrive, checked 2 000 at a time, and each batch's results are
/// written and flushed before the next is read, so memory stays flat however long the list.
/// </summary>
public static class BulkVerifyEndpoints
{
    private const string Csv = "text/csv";
    private const string Ndjson = "application/x-ndjson";

    /// <summary>A million lines of about a kilobyte at most; the line limit stops the work long before.</summary>
    private const long MaxBodyBytes = 1L << 30;

    public static void MapBulkVerifyApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/public/verify:bulk", Verify).WithTags("Verification").WithName("VerifyCertificatesInBulk")
            .Produces(StatusCodes.Status200OK, contentType: Ndjson, additionalContentTypes: [Csv])
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddEndpointFilter<DomainProblems>().Public().RequireRateLimiting(PublicRateLimits.Bulk);

    [EndpointSummary("Verify many certificate numbers at once")]
    [EndpointDescription("The body is text/csv (number,model,holder; the header is optional) or application/x-ndjson " +
        "({\"number\":…,\"model\":…,\"holder\":…} a line), at most 1 000 000 lines. One result a line, in order, with its line number; " +
        "a line that cannot be read is reported in place. Answers application/x-ndjson, or text/csv when asked for in Accept. " +
        "Unknown numbers come without look-alikes: ask for one number for those.")]
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Verify(HttpContext http,
        [Description("The day to check every line on, YYYY-MM-DD; today when left out.")] string? at,
        BulkVerifier bulk, CertificateVerifier verifier, CancellationToken ct)
    {
        if (InputFormat(http.Request.ContentType) is not { } format)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "unsupported-media-type",
                $"Send the numbers as {Csv} or {Ndjson}, not {(string.IsNullOrEmpty(http.Request.ContentType) ? "a body without Content-Type" : http.Request.ContentType)}.");
        }

        var on = verifier.Day(CertificateVerifier.ParseDay(at));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        var input = http.Request.BodyReader;
        var first = await input.ReadAsync(ct);
        var empty = first.Buffer.IsEmpty && first.IsCompleted;
        input.AdvanceTo(first.Buffer.Start);
        if (empty)
        {
            return Problem(StatusCodes.Status400BadRequest, "Empty body", "body-empty", "The body holds no lines: send one certificate number a line.");
        }

        if (!Infrastructure.Files.ContentSniffer.IsText(first.Buffer.Slice(0, Math.Min(first.Buffer.Length, 4096)).ToArray(), prefix: !first.IsCompleted || first.Buffer.Length > 4096))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Not text", "body-not-text",
                "The body is not UTF-8 text: it holds a NUL or bytes that are not UTF-8. Send CSV or NDJSON.");
        }

        var csv = WantsCsv(http.Request);
        http.Response.ContentType = csv ? $"{Csv}; charset=utf-8" : $"{Ndjson}; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var output = http.Response.BodyWriter;
        using var writer = csv ? (IBulkResultWriter)new BulkCsvWriter(output) : new NdjsonResults(output);
        await foreach (var batch in bulk.VerifyAsync(input, format, on, ct))
        {
            foreach (var result in batch)
            {
                writer.Write(result);
            }

            await output.FlushAsync(ct);
        }

        return TypedResults.Empty;
    }

    private static BulkFormat? InputFormat(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) ? type.MediaType.Value?.ToLowerInvariant() switch
        {
            Csv => BulkFormat.Csv,
            Ndjson or "application/ndjson" or "application/jsonl" => BulkFormat.Ndjson,
            _ => null,
        } : null;

    private static bool WantsCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1)
            .Select(a => a.MediaType.Value?.ToLowerInvariant())
            .FirstOrDefault(m => m is Csv or Ndjson or "application/ndjson") == Csv;

    private static ProblemHttpResult Problem(int status, string title, string code, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });

    private static string StateName(CertificateState state) => SnakeCaseNames.Of(state.ToString());

    /// <summary>One JSON object a line, written with <see cref="Utf8JsonWriter"/> straight into the response: no per-line serializer.</summary>
    private sealed class NdjsonResults(PipeWriter output) : IBulkResultWriter
    {
        private static readonly Dictionary<CertificateState, JsonEncodedText> States =
            Enum.GetValues<CertificateState>().ToDictionary(s => s, s => JsonEncodedText.Encode(StateName(s)));

        private readonly Utf8JsonWriter json = new(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        public void Write(BulkResult result)
        {
            json.Reset(output);
            json.WriteStartObject();
            if (result.Line is { } line)
            {
                json.WriteNumber("line"u8, line);
            }

            if (result.Error is { } error)
            {
                json.WriteStartObject("error"u8);
                json.WriteString("code"u8, error.Code);
                json.WriteString("message"u8, error.Message);
                json.WriteEndObject();
            }
            else if (result.Verdict is { } v)
            {
                Verdict(v, result.ValidUntil);
            }

            json.WriteEndObject();
            json.Flush();
            output.Write("\n"u8);
        }

        public void Dispose() => json.Dispose();

        private void Verdict(Verdict v, DateOnly? validUntil)
        {
            json.WriteString("number"u8, v.Number);
            json.WriteBoolean("valid"u8, v.Valid);
            json.WriteString("code"u8, v.Code);
            if (v.State is { } state)
            {
                json.WriteString("state"u8, States[state]);
            }
            else
            {
                json.WriteNull("state"u8);
            }

            Span<byte> day = stackalloc byte[10];
            if (validUntil is { } until && until.TryFormat(day, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            {
                json.WriteString("validUntil"u8, day[..written]);
            }
            else
            {
                json.WriteNull("validUntil"u8);
            }

            json.WriteStartArray("findings"u8);
            foreach (var finding in v.Findings)
            {
                json.WriteStartObject();
                json.WriteString("code"u8, finding.Code);
                json.WriteString("message"u8, finding.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (v.Model is { } model)
            {
                json.WriteStartObject("model"u8);
                json.WriteString("asked"u8, model.Asked);
                json.WriteBoolean("covered"u8, model.Covered);
                json.WriteStartArray("models"u8);
                foreach (var m in model.Models)
                {
                    json.WriteStringValue(m);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            if (v.Party is { } party)
            {
                json.WriteStartObject("holder"u8);
                json.WriteString("asked"u8, party.Asked);
                json.WriteBoolean("matches"u8, party.Matches);
                json.WriteString("matchedAs"u8, party.MatchedAs);
                json.WriteEndObject();
            }

            if (v.Suggestions is { Count: > 0 } suggestions)
            {
                json.WriteStartArray("suggestions"u8);
                foreach (var s in suggestions)
                {
                    json.WriteStringValue(s);
                }

                json.WriteEndArray();
            }
        }
    }
}
