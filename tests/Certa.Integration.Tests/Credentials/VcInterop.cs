using System.Diagnostics;
using System.Text.Json.Nodes;
using Certa.Testing;

namespace Certa.Integration.Tests.Credentials;

/// <summary>
/// Runs tools/vc-interop, Digital Bazaar's independent VC 2.0 / eddsa-jcs-2022 implementation, under Node with an
/// offline document loader. test.sh installs its locked packages (npm ci) before the tests run.
/// </summary>
internal sealed class VcInterop : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("certa-vc-interop-").FullName;

    private static string ToolDirectory => Path.Combine(CertaTestApp.RepositoryRoot, "tools", "vc-interop");

    public async Task<(int ExitCode, string Error)> VerifyAsync(JsonObject credential, JsonObject didDocument)
    {
        var (exitCode, _, error) = await RunAsync("verify.mjs", Write("credential.json", credential), Write("did.json", didDocument));
        return (exitCode, error);
    }

    public async Task<JsonObject> SignAsync(JsonObject unsigned, byte[] seed, string verificationMethod)
    {
        var (exitCode, output, error) = await RunAsync("sign.mjs", Write("unsigned.json", unsigned), Convert.ToHexStringLower(seed), verificationMethod);
        exitCode.ShouldBe(0, $"sign.mjs failed: {error}");
        return JsonNode.Parse(output)!.AsObject();
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);


    private string Write(string name, JsonObject json)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(string script, params string[] args)
    {
        Directory.Exists(Path.Combine(ToolDirectory, "node_modules")).ShouldBeTrue("tools/vc-interop has no node_modules: run `npm ci` there (test.sh does)");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            WorkingDirectory = ToolDirectory,
        };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
