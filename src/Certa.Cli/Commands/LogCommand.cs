using System.CommandLine;
using System.Globalization;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Transparency;

namespace Certa.Cli.Commands;

/// <summary><c>certa log monitor</c> and <c>certa log sequence</c>: watch the certificate transparency log, and bring it up to date.</summary>
internal static class LogCommand
{
    public static Command Create(GlobalOptions global)
    {
        var previous = new Option<long?>("--previous")
        {
            Description = "The tree size seen last time; by default the size saved by the previous run in {data-dir}/log-monitor.state (or the first signed head).",
        };
        var monitor = new Command("monitor",
            "Check the transparency log: rebuild the tree from its leaves, verify every signed tree head, prove the previously seen head consistent "
            + "with the latest, and check every certificate event is logged. Exit 5 if any check fails.") { previous };
        monitor.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(global.Overrides(parse));
            await using var scope = services.CreateAsyncScope();
            var state = Path.Combine(scope.ServiceProvider.GetRequiredService<DatabaseOptions>().DataDirectory, "log-monitor.state");
            var seen = parse.GetValue(previous)
                ?? (File.Exists(state) && long.TryParse(await File.ReadAllTextAsync(state, ct), NumberStyles.None, CultureInfo.InvariantCulture, out var saved) ? saved : 0);
            var checks = await scope.ServiceProvider.GetRequiredService<LogMonitor>().CheckAsync(seen, ct);
            foreach (var check in checks)
            {
                Console.WriteLine($"{(check.Passed ? "✓" : "✗")} {check.Name}: {check.Detail}");
            }

            if (checks.Any(c => !c.Passed))
            {
                await Console.Error.WriteLineAsync("certa: the transparency log FAILED monitoring; see the ✗ lines above.");
                return ExitCodes.AuditBroken;
            }

            if (await scope.ServiceProvider.GetRequiredService<TransparencyLog>().LatestHeadAsync(ct) is { } head)
            {
                await File.WriteAllTextAsync(state, head.TreeSize.ToString(CultureInfo.InvariantCulture), ct);
            }

            return ExitCodes.Ok;
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
}
