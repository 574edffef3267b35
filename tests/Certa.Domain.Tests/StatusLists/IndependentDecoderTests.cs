using System.Diagnostics;
using Certa.Infrastructure.StatusLists;

namespace Certa.Domain.Tests.StatusLists;

/// <summary>
/// The encodedList read back by tools/status-list/decode.py, a decoder written from the spec in Python's standard
/// library: a bit order or padding mistake shared by Encode and Decode cannot pass this.
/// </summary>
public class IndependentDecoderTests
{
    [Fact]
    public async Task PythonDecoder_ReadsTheSameSetIndexes()
    {
        var bits = new Bitstring(262_144);
        long[] indexes = [0, 1, 7, 8, 15, 4711, 131_071, 131_072, 200_003, 262_143];
        foreach (var index in indexes)
        {
            bits.Set(index);
        }

        var (exit, output, error) = await DecodeAsync(bits.Encode());

        exit.ShouldBe(0, error);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ShouldBe(indexes);
    }

    [Fact]
    public async Task PythonDecoder_ReadsAnEmptyList_AsNoIndexes()
    {
        var (exit, output, error) = await DecodeAsync(new Bitstring().Encode());

        exit.ShouldBe(0, error);
        output.Trim().ShouldBeEmpty();
    }

    private static async Task<(int Exit, string Output, string Error)> DecodeAsync(string encodedList)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "tools", "status-list", "decode.py"));
        start.ArgumentList.Add(encodedList);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string RepositoryRoot() =>
        Path.GetDirectoryName(Builders.RepositoryData.DataPath) ?? throw new InvalidOperationException("data/ has no parent folder.");
}
