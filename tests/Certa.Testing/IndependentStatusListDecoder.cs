using System.Diagnostics;
using System.Globalization;

namespace Certa.Testing;

/// <summary>
/// Reads a status list credential with <c>tools/status-list/decode.py</c>, a decoder written from the W3C Bitstring Status
/// List spec in Python's standard library, so a test does not check Certa's encoder with Certa's own decoder.
/// </summary>
public static class IndependentStatusListDecoder
{
    /// <summary>The indexes whose bit is set in <paramref name="listCredential"/> (the JSON of the list's credential).</summary>
    public static async Task<IReadOnlyList<long>> SetIndexesAsync(string listCredential, CancellationToken ct = default)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, listCredential, ct);
        try
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(CertaTestApp.RepositoryRoot, "tools", "status-list", "decode.py"));
            start.ArgumentList.Add(file);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return process.ExitCode == 0
                ? [.. (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => long.Parse(l, CultureInfo.InvariantCulture))]
                : throw new InvalidOperationException($"decode.py exited with {process.ExitCode}: {await errors}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
