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
/// numbers, 2% unknown, 1% with a model) sent by curl, which streams both ways as a marketplace's client would; the NDJSON
/// answer is saved and its lines counted. The certificates are copies of one issued through the real code (so every column has
/// the shape Certa writes), inserted with one SQL statement: the bench measures verification, not issuance. The seeded
/// database is kept in <c>/tmp/certa-bench-bulk-N</c> (a million rows take minutes to write) and reused by later runs.
/// </summary>
internal static class BulkVerifyLoad
{
    private const string Prefix = "2025010912";

    public static async Task RunAsync(int lines, string? directory = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), $"certa-bench-bulk-{lines}");
        var seeded = File.Exists(Path.Combine(directory, "seeded"));
        Directory.CreateDirectory(directory);
        var settings = new Dictionary<string, string?>
        {
            ["Certa:DataDirectory"] = directory,
            ["Certa:RateLimits:AnonymousBulkPerMinute"] = "0",
        };
        var seeding = Stopwatch.StartNew();
        await using var app = await CertaTestApp.StartAsync(DatabaseProvider.Sqlite, importData: !seeded, demo: !seeded, settings: settings);
        if (seeded)
        {
            Console.WriteLine($"reusing the {lines:N0} certificates seeded in {directory} (delete its 'seeded' file to seed again)");
        }
        else
        {
            var template = await CertificateSeed.IssueAsync(app.Services);
            await SeedAsync(app.Services, template.Id, lines);
            await File.WriteAllTextAsync(Path.Combine(directory, "seeded"), template.Number);
            Console.WriteLine($"seeded {lines:N0} certificates (copies of {template.Number}) in {seeding.Elapsed.TotalSeconds:F1} s into {directory}");
        }

        var csv = Path.Combine(directory, $"lines-{lines}.csv");
        if (!File.Exists(csv))
        {
            await File.WriteAllTextAsync(csv, CsvLines(lines, lines));
        }

        var warmup = Path.Combine(directory, "lines-warmup.csv");
        await File.WriteAllTextAsync(warmup, CsvLines(Math.Min(lines, 10_000), lines));
        await PostAsync(app.Address, warmup, Math.Min(lines, 10_000), directory, quiet: true);
        GC.Collect();
        await PostAsync(app.Address, csv, lines, directory, quiet: false);
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

    private static async Task PostAsync(Uri server, string csv, int lines, string directory, bool quiet)
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

        var output = Path.Combine(directory, "results.ndjson");
        var clock = Stopwatch.StartNew();
        // No "Expect: 100-continue": curl would wait for it before sending a large body.
        var curl = Process.Start(new ProcessStartInfo("curl",
            ["-sS", "-o", output, "-w", "%{http_code} %{time_starttransfer}", "-H", "Content-Type: text/csv", "-H", "Expect:",
                "--data-binary", $"@{csv}", new Uri(server, "/api/v1/public/verify:bulk").ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("curl did not start.");
        var written = await curl.StandardOutput.ReadToEndAsync();
        var errors = await curl.StandardError.ReadToEndAsync();
        await curl.WaitForExitAsync();
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        var status = written.Split(' ');
        if (curl.ExitCode != 0 || status[0] != "200")
        {
            throw new InvalidOperationException($"curl exited {curl.ExitCode}, HTTP {status[0]}: {errors} {File.ReadAllText(output)[..Math.Min(2000, (int)new FileInfo(output).Length)]}");
        }

        long count = 0;
        var bytes = new FileInfo(output).Length;
        await using (var file = File.OpenRead(output))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await file.ReadAsync(buffer)) > 0)
            {
                count += buffer.AsSpan(0, read).Count((byte)'\n');
            }
        }

        if (count != lines)
        {
            throw new InvalidOperationException($"{lines} lines sent, {count} results received.");
        }

        if (!quiet)
        {
            var firstByte = double.Parse(status[1], CultureInfo.InvariantCulture);
            Console.WriteLine($"verify:bulk, {lines:N0} CSV lines (97% known, 2% unknown, 1% with a model) over {lines:N0} certificates, SQLite, Kestrel, curl:");
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds:F2} s end to end ({lines / clock.Elapsed.TotalSeconds:N0} lines/s); first byte after {firstByte * 1000:F0} ms; " +
                $"{bytes / 1048576.0:F0} MB of NDJSON");
            Console.WriteLine($"  working set {before / 1048576.0:F0} MB before, {peak / 1048576.0:F0} MB at peak (server and bench in one process; curl apart)");
        }
    }

    /// <summary>The request body: the same lines every run (a fixed seed).</summary>
    private static string CsvLines(int lines, int certificates)
    {
        var random = new Random(42);
        var text = new StringBuilder(lines * 18);
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
        }

        return text.ToString();
    }
}
