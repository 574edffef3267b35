using System.Collections.Frozen;
using System.Data.Common;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using System.Text.Json;
using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Verification;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Verification.Bulk;

/// <summary>
/// Verifies many certificate numbers at once (a marketplace's listings) by the same rules as one lookup
/// (<see cref="CertificateJudge"/>), a batch at a time. The standing of a certificate (state, dates, body, product type,
/// version, since when and until when it is in its state) is read from a covering index, so a certificate active today never
/// has its wide row read, nor on SQLite (whose index holds the reason too) one not active; on PostgreSQL that one has only its
/// reason read; the status history is read only for a day in the past,
/// the versions and manufacturer only when the line names a
/// model or holder (or the day is past). Reading and judging overlap: one task reads the next batch's lines and rows while
/// the caller judges and writes the last. Unknown numbers get no look-alike search: at a million lines it would cost more
/// than the rest together.
/// </summary>
public sealed class BulkVerifier(CertaDbContext db, VerificationFacts facts, TimeProvider clock)
{
    public const int MaxLines = 1_000_000;

    /// <summary>Lines per batch, and so at most as many numbers per query.</summary>
    public const int BatchSize = 2_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly FrozenDictionary<string, CertificateState> States = Enum.GetValues<CertificateState>().ToFrozenDictionary(s => s.ToString());

    // Today's verdict needs no versions: model and holder are only looked at when a line names them. This stands in for what was not read.
    private static readonly IReadOnlyList<CertificateVersion> ContentNotRead = [new(0, DateTimeOffset.MinValue, "not read", null, LocalizedText.Empty, LocalizedText.Empty, [])];

    private readonly Dictionary<(string Body, string ProductType, DateOnly IssuedOn), Finding?> designations = [];

    /// <summary>
    /// Reads <paramref name="input"/> to its end (or <see cref="MaxLines"/>) and yields the results of each batch in input
    /// order, one per line. The list yielded is reused for the next batch: write it out before asking for more.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<BulkResult>> VerifyAsync(PipeReader input, BulkFormat format, DateOnly on,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var past = on < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var reader = new BulkLineReader(input, format, MaxLines);
        // One batch read ahead: enough to keep both cores busy, and memory flat.
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadAsync(reader, on, past, batches.Writer, stop.Token), CancellationToken.None);
        var results = new List<BulkResult>(BatchSize);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                results.Clear();
                Judge(batch, on, results);
                yield return results;
            }
        }
        finally
        {
            // The reader uses this request's DbContext: it must be done before the request's scope ends.
            await stop.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (reader.TooManyLines)
        {
            yield return [new BulkResult(null, null, null, new BulkError(BulkError.TooManyLines,
                $"A request checks at most {MaxLines:N0} lines; the lines after line {MaxLines:N0} with a number were not read. Send them in another request."))];
        }
    }

    /// <summary>One batch of lines, and the rows their numbers found, each with its standing ready to judge.</summary>
    private sealed record Batch(List<BulkLine> Lines, Dictionary<string, Row> Rows);

    /// <summary>The queries of one connection; <see cref="Reasons"/> none where the standings carry the reason.</summary>
    private sealed record Queries(NumberQuery Standings, NumberQuery Histories, NumberQuery? Reasons, NumberQuery Contents, NumberQuery Credentials);

    private async Task ReadAsync(BulkLineReader reader, DateOnly on, bool past, ChannelWriter<Batch> output, CancellationToken ct)
    {
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                var connection = db.Database.GetDbConnection();
                var postgres = db.Database.IsNpgsql();
                await using var cache = await LargerCache.ForAsync(connection, postgres, ct);
                // SQLite's covering index holds the reason too (PostgreSQL's cannot: see SqliteCertaDbContext), so there it comes with the standing.
                await using var standings = new NumberQuery(connection, postgres,
                    "SELECT \"Number\", \"State\", \"IssuedOn\", \"ValidUntil\", \"SupersededBy\", \"BodyId\", \"ProductTypeId\", \"Version\", \"StateSince\", \"SuspendedUntil\""
                    + (postgres ? string.Empty : ", \"StateReason\"") + " FROM \"Certificates\"");
                await using var histories = new NumberQuery(connection, postgres, "SELECT \"Number\", \"StatusHistory\" FROM \"Certificates\"");
                await using var reasons = postgres ? new NumberQuery(connection, postgres, "SELECT \"Number\", \"StateReason\" FROM \"Certificates\"") : null;
                await using var contents = new NumberQuery(connection, postgres, "SELECT \"Number\", \"Versions\", \"Manufacturer\" FROM \"Certificates\"");
                await using var credentials = new NumberQuery(connection, postgres,
                    "SELECT \"Number\", \"Version\", \"KeyId\", \"SignedAt\" FROM \"IssuedCredentials\"");
                var queries = new Queries(standings, histories, reasons, contents, credentials);
                bool more;
                do
                {
                    var batch = new Batch(new List<BulkLine>(BatchSize), new Dictionary<string, Row>(BatchSize, StringComparer.Ordinal));
                    more = await reader.ReadAsync(batch.Lines, BatchSize, ct);
                    if (batch.Lines.Count > 0)
                    {
                        await LookUpAsync(queries, batch, on, past, ct);
                        await output.WriteAsync(batch, ct);
                    }
                }
                while (more);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            output.TryComplete();
        }
        catch (Exception e)
        {
            output.TryComplete(e);
        }
    }

    private static void Judge(Batch batch, DateOnly on, List<BulkResult> results)
    {
        foreach (var line in batch.Lines)
        {
            if (line.Error is { } error)
            {
                results.Add(new BulkResult(line.Line, null, null, new BulkError(BulkError.LineInvalid, error)));
            }
            else if (batch.Rows.TryGetValue(line.Number!, out var row))
            {
                results.Add(new BulkResult(line.Line, CertificateJudge.Judge(row.Standing!, new VerificationRequest(row.Number, on, line.Model, line.Holder), on),
                    row.ValidUntil, null));
            }
            else
            {
                results.Add(new BulkResult(line.Line, CertificateJudge.Unknown(line.Number!, on, []), null, null));
            }
        }
    }

    private sealed class Row
    {
        public required string Number { get; init; }

        public required CertificateState State { get; init; }

        public required DateOnly IssuedOn { get; init; }

        public required DateOnly ValidUntil { get; init; }

        public required string? SupersededBy { get; init; }

        public required string BodyId { get; init; }

        public required string ProductTypeId { get; init; }

        public required int Version { get; init; }

        public required DateTimeOffset StateSince { get; init; }

        public required DateOnly? SuspendedUntil { get; init; }

        public string? History { get; set; }

        /// <summary>
        /// The reason of the state in force, for today's verdict: read with the standing on SQLite, and on PostgreSQL only for a
        /// certificate not active (the reason says why).
        /// </summary>
        public string? Reason { get; set; }

        public IReadOnlyList<CertificateVersion> Versions { get; set; } = ContentNotRead;

        public LocalizedText Manufacturer { get; set; } = LocalizedText.Empty;

        public Finding? KeyFinding { get; set; }

        public CertificateStanding? Standing { get; set; }
    }

    private async Task LookUpAsync(Queries queries, Batch batch, DateOnly on, bool past, CancellationToken ct)
    {
        var rows = batch.Rows;
        var numbers = batch.Lines.Where(l => l.Error is null).Select(l => l.Number!).Distinct(StringComparer.Ordinal).ToList();
        if (numbers.Count > 0)
        {
            await ReadStandingsAsync(queries.Standings, numbers, rows, ct);
        }

        // A past day needs the history; today needs only the state in force, and its reason when it is not active.
        if (past && rows.Count > 0)
        {
            await ReadColumnAsync(queries.Histories, [.. rows.Keys], (row, text) => row.History = text, rows, ct);
        }
        else if (queries.Reasons is { } reasons
            && rows.Values.Where(r => r.State != CertificateState.Active).Select(r => r.Number).ToList() is { Count: > 0 } inactive)
        {
            await ReadColumnAsync(reasons, inactive, (row, text) => row.Reason = text, rows, ct);
        }

        var content = batch.Lines.Where(l => l.Error is null && (past || l.Model is not null || l.Holder is not null) && rows.ContainsKey(l.Number!))
            .Select(l => l.Number!).Distinct(StringComparer.Ordinal).ToList();
        if (content.Count > 0)
        {
            await ReadContentAsync(queries.Contents, content, rows, ct);
        }

        await KeyFindingsAsync(queries.Credentials, rows, on, past, ct);
        foreach (var row in rows.Values)
        {
            row.Standing = await StandingAsync(row, ct);
        }
    }

    private static async Task ReadStandingsAsync(NumberQuery query, List<string> numbers, Dictionary<string, Row> rows, CancellationToken ct)
    {
        await using var reader = await query.ExecuteAsync(numbers, ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new Row
            {
                Number = reader.GetString(0),
                State = States[reader.GetString(1)],
                IssuedOn = Day(reader, 2),
                ValidUntil = Day(reader, 3),
                SupersededBy = reader.IsDBNull(4) ? null : reader.GetString(4),
                BodyId = reader.GetString(5),
                ProductTypeId = reader.GetString(6),
                Version = reader.GetInt32(7),
                StateSince = Time(reader, 8),
                SuspendedUntil = reader.IsDBNull(9) ? null : Day(reader, 9),
                Reason = reader.FieldCount > 10 && !reader.IsDBNull(10) ? reader.GetString(10) : null,
            };
            rows[row.Number] = row;
        }
    }

    /// <summary>A date column: PostgreSQL's date, or SQLite's ISO text, parsed exactly (the provider's own parse is a general one).</summary>
    private static DateOnly Day(DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) switch
        {
            string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => reader.GetFieldValue<DateOnly>(ordinal),
        };

    private static async Task ReadColumnAsync(NumberQuery query, List<string> numbers, Action<Row, string?> set, Dictionary<string, Row> rows,
        CancellationToken ct)
    {
        await using var reader = await query.ExecuteAsync(numbers, ct);
        while (await reader.ReadAsync(ct))
        {
            set(rows[reader.GetString(0)], reader.IsDBNull(1) ? null : reader.GetString(1));
        }
    }

    private static async Task ReadContentAsync(NumberQuery query, List<string> numbers, Dictionary<string, Row> rows, CancellationToken ct)
    {
        await using var reader = await query.ExecuteAsync(numbers, ct);
        while (await reader.ReadAsync(ct))
        {
            var row = rows[reader.GetString(0)];
            row.Versions = JsonSerializer.Deserialize<List<CertificateVersion>>(reader.GetString(1), Json)!;
            row.Manufacturer = JsonSerializer.Deserialize<Party>(reader.GetString(2), Json)!.Name;
        }
    }

    /// <summary>
    /// The signing-key finding, as <see cref="CertificateVerifier"/> gives it, but only where it can be anything but none. A
    /// body's certificates are signed with its active key; a signature can fail the key check only once a key has been
    /// revoked (from a moment, maybe in the past) or retired (a signature after retirement). So whether a body has such a
    /// key is asked once per batch (of <see cref="VerificationFacts"/>, which keeps the answer for the process), and the
    /// batch's credentials are read only for certificates of bodies with a revoked or retired key. What this skips for other bodies, a credential naming a key its body never published, is a forgery the stored
    /// credentials cannot hold: Certa signs them itself.
    /// </summary>
    private async Task KeyFindingsAsync(NumberQuery query, Dictionary<string, Row> rows, DateOnly on, bool past, CancellationToken ct)
    {
        var keysToCheck = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var body in rows.Values.Select(r => r.BodyId).Distinct(StringComparer.Ordinal))
        {
            keysToCheck[body] = await facts.BodyHasRetiredKeysAsync(body, ct);
        }

        var numbers = rows.Values.Where(r => keysToCheck[r.BodyId]).Select(r => r.Number).ToList();
        if (numbers.Count == 0)
        {
            return;
        }

        var at = CertificateJudge.EndOf(on);
        List<(Row Row, string KeyId, DateTimeOffset SignedAt)> signed = [];
        await using (var reader = await query.ExecuteAsync(numbers, ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var row = rows[reader.GetString(0)];
                var version = past ? row.Versions.LastOrDefault(v => v.At <= at)?.Version ?? 1 : row.Version;
                if (reader.GetInt32(1) == version)
                {
                    signed.Add((row, reader.GetString(2), Time(reader, 3)));
                }
            }
        }

        foreach (var (row, keyId, signedAt) in signed)
        {
            row.KeyFinding = await facts.KeyFindingAsync(row.BodyId, keyId, signedAt, ct);
        }
    }

    private static DateTimeOffset Time(DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) switch
        {
            DateTimeOffset at => at,
            DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
            string text => UtcTextConverter.FromText(text),
            var other => throw new InvalidOperationException($"A time column holds '{other}', not a time."),
        };

    private async Task<CertificateStanding> StandingAsync(Row row, CancellationToken ct)
    {
        var key = (row.BodyId, row.ProductTypeId, row.IssuedOn);
        if (!designations.TryGetValue(key, out var designation))
        {
            designation = await facts.DesignationFindingAsync(row.BodyId, row.ProductTypeId, row.IssuedOn, ct);
            designations[key] = designation;
        }

        // Today the state in force is the whole story: the entry it was entered by, from the index (and the reason, if not active).
        IReadOnlyList<CertificateStatusChange> history = row.History is not null
            ? JsonSerializer.Deserialize<List<CertificateStatusChange>>(row.History, Json)!
            : [new CertificateStatusChange(row.State, row.StateSince, row.Reason, row.State == CertificateState.Suspended ? row.SuspendedUntil : null)];
        return new CertificateStanding(row.Number, row.IssuedOn, row.ValidUntil, history, row.SupersededBy, row.Versions, row.Manufacturer,
            row.KeyFinding, designation);
    }
}
