using System.CommandLine;
using System.Text.Json;
using Certa.Domain.Common;
using Certa.Domain.Supervision.Draws;

namespace Certa.Cli.Commands;

/// <summary><c>certa draw verify FILE</c>: re-runs a published "double random" draw from its record, offline (ADR 015).</summary>
internal static class DrawCommand
{
    private static readonly JsonSerializerOptions JsonOutput = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The draw record (JSON, as published)." };
        var json = new Option<bool>("--json") { Description = "Print the outcome as JSON." };
        var verify = new Command("verify",
            $"Re-run a draw from its record (inputs and public random value) and compare targets, inspectors, shortfalls, seed and digest; exit 0 when reproduced, {ExitCodes.DrawNotReproduced} when not.")
        {
            file, json,
        };
        verify.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            DrawRecord record;
            try
            {
                record = DrawRecordJson.Read(await File.ReadAllTextAsync(path.FullName, ct));
            }
            catch (DomainException e)
            {
                await Console.Error.WriteLineAsync($"certa: {path.Name} is not a valid draw record ({e.Code}): {e.Message}");
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
