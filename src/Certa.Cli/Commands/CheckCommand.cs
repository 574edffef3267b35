using System.CommandLine;
using Certa.Infrastructure.Backup;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Transparency;

namespace Certa.Cli.Commands;

/// <summary><c>certa check</c>: the integrity check alone (the one <c>certa restore</c> ends with), exit 5 if anything fails.</summary>
internal static class CheckCommand
{
    public static Command Create(GlobalOptions global)
    {
        var check = new Command("check",
            "Check the data's integrity: the audit chain, the transparency log (leaves, signed heads, consistency, coverage) and every stored "
            + "document against its SHA-256. Exit 5 if any check fails.");
        check.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(global.Overrides(parse));
            return await RunAsync(services, null, ct);
        }));
        return check;
    }

    /// <summary>Runs the check (against the backup's manifest after a restore), prints one ✓/✗ line per check, returns the exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, BackupManifest? restored, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var checks = await new IntegrityCheck(provider.GetRequiredService<CertaDbContext>(), provider.GetRequiredService<LogMonitor>(),
            provider.GetRequiredService<DatabaseOptions>()).RunAsync(restored, ct);
        foreach (var c in checks)
        {
            Console.WriteLine($"{(c.Passed ? "✓" : "✗")} {c.Name}: {c.Detail}");
        }

        if (checks.All(c => c.Passed))
        {
            Console.WriteLine("Integrity check passed.");
            return ExitCodes.Ok;
        }

        await Console.Error.WriteLineAsync($"certa: integrity check FAILED ({checks.Count(c => !c.Passed)} of {checks.Count} checks); see the ✗ lines.");
        return ExitCodes.AuditBroken;
    }

    /// <summary>A refused backup or restore changed nothing (exit 3); missing tools are the environment's (exit 4).</summary>
    public static async Task<int> BackupRunAsync(Func<Task<int>> command)
    {
        try
        {
            return await CommandRunner.RunAsync(command);
        }
        catch (BackupRefusedException e)
        {
            await Console.Error.WriteLineAsync($"certa: {e.Message}");
            return ExitCodes.DataRefused;
        }
        catch (BackupEnvironmentException e)
        {
            await Console.Error.WriteLineAsync($"certa: {e.Message}");
            return ExitCodes.Environment;
        }
    }
}
