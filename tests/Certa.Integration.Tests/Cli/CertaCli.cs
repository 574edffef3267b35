using System.Diagnostics;
using System.Reflection;
using Certa.Testing;

namespace Certa.Integration.Tests.Cli;

/// <summary>Runs the real <c>certa</c> program (the CLI project's build output) and captures what it says.</summary>
internal static class CertaCli
{
    private static readonly string Configuration =
        typeof(CertaCli).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string Program
    {
        get
        {
            var repository = CertaTestApp.RepositoryRoot;
            var dll = Path.Combine(repository, "src", "Certa.Cli", "bin", Configuration, "net10.0", "certa.dll");
            File.Exists(dll).ShouldBeTrue($"the CLI is not built at {dll}");
            return dll;
        }
    }

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            WorkingDirectory = CertaTestApp.RepositoryRoot,
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--provider");
        start.ArgumentList.Add(database.Provider.ToString().ToLowerInvariant());
        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(database.DataDirectory);
        if (database.ConnectionString is not null)
        {
            start.ArgumentList.Add("--connection-string");
            start.ArgumentList.Add(database.ConnectionString);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
