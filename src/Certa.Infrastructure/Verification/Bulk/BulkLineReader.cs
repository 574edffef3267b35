using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Certa.Domain.Common;
using Certa.Domain.Verification;

namespace Certa.Infrastructure.Verification.Bulk;

/// <summary>
/// Reads a bulk request's lines straight off the body as it arrives, a batch at a time, so a million lines never sit in
/// memory at once. CSV is RFC 4180 (quotes around a field holding commas, quotes or line breaks; <c>""</c> inside one; an
/// optional header <c>number,model,holder</c> in any order); NDJSON is one object a line. A line that cannot be read is
/// returned in place with the reason; blank lines are skipped but counted, so line numbers match the caller's file.
/// </summary>
public sealed class BulkLineReader(PipeReader input, BulkFormat format, int maxLines)
{
    /// <summary>The longest line read; a longer one is reported and skipped to its end.</summary>
    public const int MaxLineBytes = 8 * 1024;

    private static readonly string[] Positional = ["number", "model", "holder"];

    private readonly byte[] scratch = new byte[MaxLineBytes];
    private readonly List<string> fields = [];
    private int line = 1;
    private int records;
    private bool skipping;
    private bool started;
    private bool done;
    private string[]? columns;

    /// <summary>Whether the body held more than the allowed lines: reading stopped at the last one allowed.</summary>
    public bool TooManyLines { get; private set; }

    /// <summary>Adds up to <paramref name="max"/> lines to <paramref name="batch"/>; false once the body is read to its end.</summary>
    public async ValueTask<bool> ReadAsync(List<BulkLine> batch, int max, CancellationToken ct)
    {
        while (!done && batch.Count < max)
        {
            var result = await input.ReadAsync(ct);
            var buffer = result.Buffer;
            var consumed = Parse(buffer, result.IsCompleted, batch, max);
            var full = batch.Count >= max || done;
            // A full batch leaves lines unread in the buffer: mark only what was used as examined, or the next read would wait for more.
            input.AdvanceTo(consumed, full ? consumed : buffer.End);
            if (result.IsCompleted && buffer.Slice(consumed).IsEmpty)
            {
                done = true;
            }
        }

        return !done;
    }

    private SequencePosition Parse(ReadOnlySequence<byte> buffer, bool completed, List<BulkLine> batch, int max)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (batch.Count < max && !done && !reader.End)
        {
            if (skipping)
            {
                if (!reader.TryAdvanceTo((byte)'\n'))
                {
                    reader.AdvanceToEnd();
                    return reader.Position;
                }

                skipping = false;
                line++;
                continue;
            }

            var start = reader.Position;
            if (!TryReadRecord(ref reader, out var record, out var breaks))
            {
                var rest = buffer.Slice(start);
                if (completed)
                {
                    Take(rest, 0, batch);
                    return buffer.End;
                }

                if (rest.Length > MaxLineBytes)
                {
                    batch.Add(BulkLine.Invalid(line, $"Line {line} is longer than {MaxLineBytes} bytes; it was skipped."));
                    records++;
                    skipping = true;
                    return buffer.End;
                }

                return start;
            }

            Take(record, breaks, batch);
        }

        return reader.Position;
    }

    /// <summary>The next record up to its line break: for CSV, a break inside quotes does not end it.</summary>
    private bool TryReadRecord(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> record, out int breaks)
    {
        var start = reader.Position;
        var from = reader.Sequence.Slice(start);
        var quotes = 0L;
        breaks = 0;
        while (reader.TryReadTo(out ReadOnlySequence<byte> piece, (byte)'\n'))
        {
            breaks++;
            if (format == BulkFormat.Csv)
            {
                quotes += Count(piece, (byte)'"');
            }

            if (quotes % 2 == 0 || reader.Sequence.Slice(start, reader.Position).Length > MaxLineBytes)
            {
                record = reader.Sequence.Slice(start, piece.End);
                return true;
            }
        }

        reader.Rewind(reader.Sequence.Slice(start, reader.Position).Length);
        record = from;
        breaks = 0;
        return false;
    }

    private static long Count(ReadOnlySequence<byte> bytes, byte value)
    {
        var n = 0L;
        foreach (var segment in bytes)
        {
            n += segment.Span.Count(value);
        }

        return n;
    }

    private void Take(ReadOnlySequence<byte> record, int breaks, List<BulkLine> batch)
    {
        var at = line;
        line += breaks;
        if (record.Length > MaxLineBytes)
        {
            records++;
            batch.Add(BulkLine.Invalid(at, $"Line {at} is longer than {MaxLineBytes} bytes; it was skipped."));
            return;
        }

        var bytes = record.IsSingleSegment ? record.FirstSpan : Copy(record);
        if (!started)
        {
            started = true;
            if (bytes.StartsWith("\uFEFF"u8))
            {
                bytes = bytes[3..];
            }
        }

        bytes = bytes.TrimEnd("\r"u8);
        if (bytes.Trim(" \t\r"u8).IsEmpty)
        {
            return;
        }

        if (format == BulkFormat.Csv && columns is null && records == 0 && IsHeader(bytes))
        {
            return;
        }

        if (++records > maxLines)
        {
            TooManyLines = true;
            done = true;
            return;
        }

        batch.Add(format == BulkFormat.Csv ? Csv(at, bytes) : Ndjson(at, bytes));
    }

    private ReadOnlySpan<byte> Copy(ReadOnlySequence<byte> record)
    {
        record.CopyTo(scratch);
        return scratch.AsSpan(0, (int)record.Length);
    }

    private bool IsHeader(ReadOnlySpan<byte> bytes)
    {
        SplitCsv(bytes);
        var names = fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        if (!names.Contains("number") || names.Distinct().Count() != names.Length || names.Any(n => !Positional.Contains(n)))
        {
            return false;
        }

        columns = names;
        return true;
    }

    private BulkLine Csv(int at, ReadOnlySpan<byte> bytes)
    {
        if (!SplitCsv(bytes))
        {
            return BulkLine.Invalid(at, $"Line {at} opens a quoted field that is never closed.");
        }

        var names = columns ?? Positional;
        if (fields.Count > names.Length)
        {
            return BulkLine.Invalid(at, $"Line {at} has {fields.Count} fields; a line is {string.Join(",", names)} (at most {names.Length}).");
        }

        string? number = null, model = null, holder = null;
        for (var i = 0; i < fields.Count; i++)
        {
            switch (names[i])
            {
                case "number":
                    number = fields[i];
                    break;
                case "model":
                    model = fields[i];
                    break;
                default:
                    holder = fields[i];
                    break;
            }
        }

        return Line(at, number, model, holder);
    }

    /// <summary>Splits one CSV record into <see cref="fields"/>; false when a quoted field is never closed.</summary>
    private bool SplitCsv(ReadOnlySpan<byte> bytes)
    {
        fields.Clear();
        var i = 0;
        while (true)
        {
            if (i < bytes.Length && bytes[i] == '"')
            {
                var length = 0;
                var closed = false;
                for (i++; i < bytes.Length; i++)
                {
                    if (bytes[i] == '"')
                    {
                        if (i + 1 < bytes.Length && bytes[i + 1] == '"')
                        {
                            scratch[length++] = (byte)'"';
                            i++;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    scratch[length++] = bytes[i];
                }

                if (!closed)
                {
                    return false;
                }

                // RFC 4180 allows nothing between a closing quote and the comma; what a sloppy writer puts there is kept.
                var tail = bytes[i..].IndexOf((byte)',');
                var rest = tail < 0 ? bytes[i..] : bytes[i..(i + tail)];
                rest.CopyTo(scratch.AsSpan(length));
                fields.Add(Encoding.UTF8.GetString(scratch, 0, length + rest.Length));
                i += rest.Length;
            }
            else
            {
                var end = bytes[i..].IndexOf((byte)',');
                var field = end < 0 ? bytes[i..] : bytes[i..(i + end)];
                fields.Add(Encoding.UTF8.GetString(field));
                i += field.Length;
            }

            if (i >= bytes.Length)
            {
                return true;
            }

            i++;
        }
    }

    private static BulkLine Ndjson(int at, ReadOnlySpan<byte> bytes)
    {
        try
        {
            var json = new Utf8JsonReader(bytes);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                return BulkLine.Invalid(at, $"Line {at} is not a JSON object: write {{\"number\":\"…\",\"model\":\"…\",\"holder\":\"…\"}}.");
            }

            string? number = null, model = null, holder = null;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var name = json.GetString()!;
                json.Read();
                if (name is not ("number" or "model" or "holder"))
                {
                    json.Skip();
                    continue;
                }

                if (json.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                {
                    return BulkLine.Invalid(at, $"Line {at}: \"{name}\" must be a string, not {json.TokenType}.");
                }

                var value = json.GetString();
                switch (name)
                {
                    case "number":
                        number = value;
                        break;
                    case "model":
                        model = value;
                        break;
                    default:
                        holder = value;
                        break;
                }
            }

            return json.Read()
                ? BulkLine.Invalid(at, $"Line {at} holds more than one JSON value; write one object a line.")
                : Line(at, number, model, holder);
        }
        catch (JsonException e)
        {
            return BulkLine.Invalid(at, $"Line {at} is not valid JSON: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // The reader refuses a string it cannot turn into UTF-16, e.g. a lone surrogate escape ("\ud800").
            return BulkLine.Invalid(at, $"Line {at} is not valid JSON text: {e.Message}");
        }
    }

    private static BulkLine Line(int at, string? number, string? model, string? holder)
    {
        try
        {
            return new BulkLine(at, CertificateVerifier.Check(new VerificationRequest(number!)), Blank(model), Blank(holder), null);
        }
        catch (DomainException e)
        {
            return BulkLine.Invalid(at, string.IsNullOrWhiteSpace(number) ? $"Line {at}: {e.Message}"
                : $"Line {at}: {e.Message} This one has {number.Trim().Length}: \"{number.Trim()[..24]}…\".");
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
