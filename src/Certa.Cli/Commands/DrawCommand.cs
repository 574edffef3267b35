using System.CommandLine;
using System.Text.Json;
using Certa.Domain.Common;
using Certa.Domain.Supervision.Draws;

namespace Certa.Cli.Commands;

/// <summary>
/// <c>certa draw verify FILE</c>: re-runs a published "double random" draw from its record, offline (ADR 015).
/// <c>certa draw verify --server URL REFERENCE</c> first fetches the record as the server publishes it.
/// </summary>
internal static class DrawCommand
{
    private static readonly JsonSerializerOptions JsonOutput = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var source = new Argument<string>("file") { Description = "The draw record (JSON, as published); with --server, the draw's reference (e.g. cnca-2026-11-27-1)." };
        var json = new Option<bool>("--json") { Description = "Print the outcome as JSON." };
        var server = new Option<string?>("--server") { Description = "The Certa server to fetch the record of REFERENCE from, e.g. https://certa.example." };
        var verify = new Command("verify",
            $"Re-run a draw from its record (inputs and public random value) and compare targets, inspectors, shortfalls, seed and digest; exit 0 when reproduced, {ExitCodes.DrawNotReproduced} when not.")
        {
            source, json, server,
        };
        verify.Validators.Add(result =>
        {
            if (result.GetValue(server) is { } text && VerifyCommand.ServerUri(text) is null)
            {
                result.AddError("--server needs an absolute http(s) URL.");
            }
        });
        verify.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var given = parse.GetValue(source)!;
            var (name, text) = VerifyCommand.ServerUri(parse.GetValue(server)) is { } uri
                ? (given, await FetchAsync(uri, given, ct))
                : (Path.GetFileName(given), await File.ReadAllTextAsync(given, ct));
            if (text is null)
            {
                return ExitCodes.Environment;
            }

            DrawRecord record;
            try
            {
                record = DrawRecordJson.Read(text);
            }
            catch (DomainException e)
            {
                await Console.Error.WriteLineAsync($"certa: {name} is not a valid draw record ({e.Code}): {e.Message}");
                return ExitCodes.Usage;
            }

            var differences = record.Verify();
            var result = record.Result;
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    reproduced = differences.Count == 0,
                    drawId = record.Inputs.Definition.Id,
                    seed = result.Seed,
                    digest = record.Digest,
                    targets = result.Targets.Count,
                    shortfalls = result.Shortfalls.Count,
                    differences,
                }, JsonOutput));
            }
            else
            {
                Describe(record, differences);
            }

            if (differences.Count > 0)
            {
                await Console.Error.WriteLineAsync($"certa: draw {record.Inputs.Definition.Id} NOT reproduced: {differences.Count} difference(s).");
                return ExitCodes.DrawNotReproduced;
            }

            return ExitCodes.Ok;
        }));
        return new Command("draw", "\"Double random\" supervision draws: random targets, random inspectors.") { verify };
    }

    /// <summary>The record of draw <paramref name="reference"/> as <paramref name="server"/> publishes it; null, said on stderr, when it cannot be had.</summary>
    private static async Task<string?> FetchAsync(Uri server, string reference, CancellationToken ct)
    {
        var url = new Uri($"{server.GetLeftPart(UriPartial.Path).TrimEnd('/')}/api/v1/draws/{Uri.EscapeDataString(reference)}/record");
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var answer = await http.GetAsync(url, ct);
            if (!answer.IsSuccessStatusCode)
            {
                await Console.Error.WriteLineAsync($"certa: {url} answered {(int)answer.StatusCode} {answer.ReasonPhrase}.");
                return null;
            }

            return await answer.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"certa: cannot fetch {url}: {e.Message}");
            return null;
        }
    }

    private static void Describe(DrawRecord record, IReadOnlyList<DrawDifference> differences)
    {
        var result = record.Result;
        if (differences.Count > 0)
        {
            foreach (var difference in differences)
            {
                Console.WriteLine($"✗ {difference}");
            }

            return;
        }

        Console.WriteLine($"Draw {record.Inputs.Definition.Id} by {record.Inputs.Definition.AuthorityId} on {record.Inputs.Definition.DrawDate:yyyy-MM-dd}: "
            + $"{result.SampleSize} of {result.PopulationSize} certificate(s), public random value \"{record.PublicRandom}\".");
        foreach (var (target, i) in result.Targets.Select((t, i) => (t, i + 1)))
        {
            Console.WriteLine($"  {i}. {target.CertificateNumber} ({target.EnterpriseId}, {target.BodyId}): {string.Join(", ", target.InspectorIds.DefaultIfEmpty("no inspector"))}");
        }

        foreach (var shortfall in result.Shortfalls)
        {
            Console.WriteLine($"  ! shortfall {shortfall}");
        }

        Console.WriteLine($"draw reproduced: {result.Targets.Count} targets, seed {result.Seed}, digest {record.Digest}");
    }
}
