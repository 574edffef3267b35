using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Certa.Infrastructure.Persistence;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Bench;

/// <summary>
/// <c>POST /api/v1/public/verify:bulk</c> end to end on SQLite: Certa on Kestrel, N certificates, a CSV of N lines (97% known
/// numbers, 2% unknown, 1% with a model) streamed up, the NDJSON answer streamed down and counted. The certificates are copies
/// of one issued through the real code (so every column has the shape Certa writes), inserted with one SQL statement: the
/// bench measures verification, not issuance.
/// </summary>
internal static class BulkVerifyLoad
{
    private const string Prefix = "2025010902";

    public static async Task RunAsync(int lines)
    {
        var seeding = Stopwatch.StartNew();
        await using var app = await CertaTestApp.StartAsync(DatabaseProvider.Sqlite, demo: true);
        var template = await CertificateSeed.IssueAsync(app.Services);
        await SeedAsync(app.Services, template.Id, lines);
        Console.WriteLine($"seeded {lines:N0} certificates (copies of {template.Number}) in {seeding.Elapsed.TotalSeconds:F1} s");

        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(5) };
        await PostAsync(client, Math.Min(lines, 10_000), lines, quiet: true);
        GC.Collect();
        await PostAsync(client, lines, lines, quiet: false);
    }

    private static async Task SeedAsync(IServiceProvider services, Guid template, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('Certificates')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        // Every column as the template has it, but for what must differ from row to row.
        string Value(string column) => column switch
        {
            "Id" => "printf('%08X-0000-7000-8000-%012X', n.i, n.i)",
            "Number" => $"printf('{Prefix}%06d', n.i)",
            "StatusListIndex" => "t.\"StatusListIndex\" + 1 + n.i",
            _ => $"t.\"{column}\"",
        };

        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"""
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {count})
                INSERT INTO "Certificates" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
                SELECT {string.Join(", ", columns.Select(Value))} FROM n, "Certificates" t WHERE t."Id" = @template
                """;
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "template";
            parameter.Value = template.ToString().ToUpperInvariant();
            insert.Parameters.Add(parameter);
            var inserted = await insert.ExecuteNonQueryAsync();
            if (inserted != count)
            {
                throw new InvalidOperationException($"Seeding inserted {inserted} certificates, not {count}: the template {template} was not found as stored.");
            }
        }

        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task PostAsync(HttpClient client, int lines, int certificates, bool quiet)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(50, CancellationToken.None);
            }
        });

        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/public/verify:bulk") { Content = new CsvLines(lines, certificates) };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var firstByte = clock.Elapsed;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"verify:bulk answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long count = 0, bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            count += buffer.AsSpan(0, read).Count((byte)'\n');
            bytes += read;
        }

        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        if (count != lines)
        {
            throw new InvalidOperationException($"{lines} lines sent, {count} results received.");
        }

        if (!quiet)
        {
            Console.WriteLine($"verify:bulk, {lines:N0} CSV lines (97% known, 2% unknown, 1% with a model) over {certificates:N0} certificates, SQLite, Kestrel:");
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds:F2} s end to end ({lines / clock.Elapsed.TotalSeconds:N0} lines/s); first byte after {firstByte.TotalMilliseconds:F0} ms; " +
                $"{bytes / 1048576.0:F0} MB of NDJSON");
            Console.WriteLine($"  working set {before / 1048576.0:F0} MB before, {peak / 1048576.0:F0} MB at peak (bench client and server in one process)");
        }
    }

    /// <summary>The request body, written as it is sent: never held whole.</summary>
    private sealed class CsvLines : HttpContent
    {
        private readonly int lines;
        private readonly int certificates;

        public CsvLines(int lines, int certificates)
        {
            this.lines = lines;
            this.certificates = certificates;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var random = new Random(42);
            var text = new StringBuilder();
            text.Append("number,model,holder\n");
            for (var i = 0; i < lines; i++)
            {
                var known = $"{Prefix}{random.Next(certificates).ToString("D6", CultureInfo.InvariantCulture)}";
                text.Append((i % 100) switch
                {
                    0 or 1 => $"2025010903{i.ToString("D6", CultureInfo.InvariantCulture)}",
                    2 => $"{known},{(i % 200 == 2 ? "X14" : "X99")}",
                    _ => known,
                }).Append('\n');
                if (text.Length > 60_000)
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()));
                    text.Clear();
                }
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
