using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Transparency;

namespace Certa.Cli.Commands;

/// <summary><c>certa log monitor</c> and <c>certa log sequence</c>: watch the certificate transparency log, and bring it up to date.</summary>
internal static class LogCommand
{
    private static readonly JsonSerializerOptions JsonOutput = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(GlobalOptions global)
    {
        var previous = new Option<long?>("--previous")
        {
            Description = "The tree size seen last time; by default the size saved by the previous run in {data-dir}/log-monitor.state (or the first signed head).",
        };
        var server = new Option<string?>("--server")
        {
            Description = "Monitor a Certa server's log over its public API (e.g. https://certa.example) instead of the local database.",
        };
        var stateFile = new Option<FileInfo?>("--state")
        {
            Description = "With --server: the file keeping the log key and the last accepted head (default {data-dir}/log-monitor.<server>.state).",
        };
        var entries = new Option<bool>("--entries")
        {
            Description = "With --server: also fetch every new entry, rehash it and recompute the signed root.",
        };
        var json = new Option<bool>("--json") { Description = "Print the checks as JSON." };
        var monitor = new Command("monitor",
            "Check the transparency log: rebuild the tree from its leaves, verify every signed tree head, prove the previously seen head consistent "
            + "with the latest, and check every certificate event is logged; with --server, check a remote log's key, signed head, consistency "
            + "(and with --entries its entries) over the API. Exit 5 if any check fails.") { previous, server, stateFile, entries, json };
        monitor.Validators.Add(result =>
        {
            if (result.GetValue(server) is { } text && VerifyCommand.ServerUri(text) is null)
            {
                result.AddError($"--server needs an absolute http(s) URL, not '{text}'.");
            }

            if (result.GetValue(server) is null && (result.GetValue(stateFile) is not null || result.GetValue(entries)))
            {
                result.AddError("--state and --entries go with --server.");
            }

            if (result.GetValue(server) is not null && result.GetValue(previous) is not null)
            {
                result.AddError("--previous is for the local monitor; with --server the previous head comes from --state.");
            }
        });
        monitor.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(global.Overrides(parse));
            var dataDirectory = services.GetRequiredService<DatabaseOptions>().DataDirectory;
            if (VerifyCommand.ServerUri(parse.GetValue(server)) is { } remote)
            {
                var path = parse.GetValue(stateFile)?.FullName ?? Path.Combine(dataDirectory, $"log-monitor.{StateName(remote)}.state");
                return await MonitorRemoteAsync(remote, path, parse.GetValue(entries), parse.GetValue(json), ct);
            }

            await using var scope = services.CreateAsyncScope();
            var state = Path.Combine(dataDirectory, "log-monitor.state");
            var seen = parse.GetValue(previous)
                ?? (File.Exists(state) && long.TryParse(await File.ReadAllTextAsync(state, ct), NumberStyles.None, CultureInfo.InvariantCulture, out var saved) ? saved : 0);
            var checks = await scope.ServiceProvider.GetRequiredService<LogMonitor>().CheckAsync(seen, ct);
            var head = await scope.ServiceProvider.GetRequiredService<TransparencyLog>().LatestHeadAsync(ct);
            var passed = await ReportAsync(checks, parse.GetValue(json), null, head?.TreeSize);
            if (passed && head is not null)
            {
                await File.WriteAllTextAsync(state, head.TreeSize.ToString(CultureInfo.InvariantCulture), ct);
            }

            return passed ? ExitCodes.Ok : ExitCodes.AuditBroken;
        }));

        var sequence = new Command("sequence", "Append every certificate event not yet in the transparency log and sign a new tree head (the server does this every few seconds).");
        sequence.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(global.Overrides(parse));
            await using var scope = services.CreateAsyncScope();
            var appended = await scope.ServiceProvider.GetRequiredService<LogSequencer>().CatchUpAsync(ct);
            var head = await scope.ServiceProvider.GetRequiredService<TransparencyLog>().LatestHeadAsync(ct);
            Console.WriteLine($"Appended {appended} event(s); the log has {head?.TreeSize ?? 0} entries, root {(head is null ? "(empty)" : TransparencyLog.Hex(head.RootHash))}.");
            return ExitCodes.Ok;
        }));
        return new Command("log", "The certificate transparency log (RFC 9162 Merkle tree).") { monitor, sequence };
    }

    private static async Task<int> MonitorRemoteAsync(Uri server, string statePath, bool entries, bool asJson, CancellationToken ct)
    {
        var previous = await RemoteLogState.ReadAsync(statePath, ct);
        RemoteMonitorResult result;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            result = await new RemoteLogMonitor(http, server).CheckAsync(previous, entries, ct);
        }
        catch (RemoteLogException e)
        {
            await Console.Error.WriteLineAsync($"certa: {e.Message}; nothing was checked and {statePath} is unchanged.");
            return ExitCodes.Environment;
        }

        var passed = await ReportAsync(result.Checks, asJson, server, result.Observed?.TreeSize);
        if (passed && result.Observed is { } observed)
        {
            // Without --entries keep the frontier saved earlier only if it is still the one of the saved size.
            await (observed.Frontier is null && previous?.Frontier is not null && previous.TreeSize == observed.TreeSize ? observed with { Frontier = previous.Frontier } : observed)
                .WriteAsync(statePath, ct);
            if (!asJson)
            {
                Console.WriteLine($"Saved the head of size {observed.TreeSize} in {statePath}.");
            }
        }

        return passed ? ExitCodes.Ok : ExitCodes.AuditBroken;
    }

    /// <summary>Prints the checks (✓/✗ lines, or JSON) and whether all passed.</summary>
    private static async Task<bool> ReportAsync(IReadOnlyList<MonitorCheck> checks, bool asJson, Uri? server, long? treeSize)
    {
        var passed = checks.All(c => c.Passed);
        if (asJson)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { server = server?.ToString(), passed, treeSize, checks }, JsonOutput));
        }
        else
        {
            foreach (var check in checks)
            {
                Console.WriteLine($"{(check.Passed ? "✓" : "✗")} {check.Name}: {check.Detail}");
            }
        }

        if (!passed)
        {
            await Console.Error.WriteLineAsync($"certa: the transparency log{(server is null ? string.Empty : $" of {server}")} FAILED monitoring; see the ✗ checks.");
        }

        return passed;
    }

    /// <summary>A file-name-safe name per server: host, port when not the default, and path.</summary>
    private static string StateName(Uri server)
    {
        var name = server.Host + (server.IsDefaultPort ? string.Empty : $"_{server.Port}") + server.AbsolutePath.TrimEnd('/');
        return string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
    }
}
