using System.CommandLine;
using System.Text.Json;
using Certa.Domain.Common;
using Certa.Infrastructure.Advisor;
using Certa.Requirements.Evaluation;
using Certa.Requirements.Profiles;
using Certa.Web.Api;
using Certa.Web.Requirements;
using YamlDotNet.Serialization;

namespace Certa.Cli.Commands;

internal static class RequirementsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var profile = new Argument<string?>("profile")
        {
            Description = "Profile file (.json, .yaml or .yml), or - for standard input. See data/requirements/README.md.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "Print the full answer as JSON (the API's format)." };
        var batch = new Option<string?>("--batch") { Description = "Evaluate every line of an NDJSON file (or - for stdin); print one NDJSON answer per line." };
        var full = new Option<bool>("--full") { Description = "With --batch: full explained answers instead of summaries." };
        var language = new Option<string>("--lang") { Description = "Language of the table: en or zh.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "zh");
        var command = new Command("requirements", "Which certifications a product needs for its markets, and why.") { profile, json, batch, full, language };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(profile) is null) == (r.GetValue(batch) is null))
            {
                r.AddError("give either a PROFILE file or --batch FILE.ndjson.");
            }
        });
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            // The input is checked before the database is touched: a bad file is a usage error whatever the database.
            var batchFile = parse.GetValue(batch);
            if (batchFile is not null && batchFile != "-" && !File.Exists(batchFile))
            {
                throw new FileNotFoundException($"no such batch file: {batchFile}");
            }

            var input = batchFile is null ? ReadProfile(parse.GetValue(profile)!) : null;
            await using var services = CliServices.Build(global.Overrides(parse));
            var advisor = await services.GetRequiredService<AdvisorService>().GetAsync(ct);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var options = new JsonSerializerOptions { WriteIndented = parse.GetValue(json) };
            ApiJson.Configure(options);
            if (input is null)
            {
                return await RunBatchAsync(advisor, batchFile!, today, parse.GetValue(full) ? BatchDetail.Full : BatchDetail.Summary, ct);
            }

            Answer answer;
            try
            {
                answer = advisor.Evaluate(input, today);
            }
            catch (ProfileException e)
            {
                await Console.Error.WriteLineAsync("certa: the profile is invalid:");
                foreach (var error in e.Errors)
                {
                    await Console.Error.WriteLineAsync($"  {error.Path}: {error.Message}");
                }

                return ExitCodes.Usage;
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(answer, options));
            }
            else
            {
                AnswerPrinter.Print(answer, parse.GetValue(language) ?? "en");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<int> RunBatchAsync(Requirements.Evaluation.Advisor advisor, string file, DateOnly today, BatchDetail detail, CancellationToken ct)
    {
        var options = new JsonSerializerOptions();
        ApiJson.Configure(options);
        using var reader = file == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(file);
        await using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        var lineNumber = 0;
        var failed = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var result = BatchEvaluator.EvaluateLine(advisor, line, lineNumber, today, options, detail);
            failed += result.Errors is null ? 0 : 1;
            await output.WriteLineAsync(JsonSerializer.Serialize(result, options));
        }

        await output.FlushAsync(ct);
        await Console.Error.WriteLineAsync($"{lineNumber} line(s), {failed} with errors.");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Usage;
    }

    /// <summary>JSON as it is; YAML converted to JSON first, so both reach the same parser.</summary>
    private static ProfileInput ReadProfile(string path)
    {
        var text = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        ApiJson.Configure(options);
        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || !text.TrimStart().StartsWith('{'))
        {
            var yaml = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(text);
            text = JsonSerializer.Serialize(yaml);
        }

        return JsonSerializer.Deserialize<ProfileInput>(text, options)
            ?? throw new InvalidDataException($"{path} holds no profile.");
    }
}

/// <summary>The answer as a person reads it in a terminal.</summary>
internal static class AnswerPrinter
{
    public static void Print(Answer answer, string language)
    {
        string T(LocalizedText? text) => text?.In(language) ?? string.Empty;
        var p = answer.Profile;
        Console.WriteLine($"{T(p.ProductName)} ({p.Product}) → {string.Join(", ", p.Markets)} as of {p.Date:yyyy-MM-dd}");
        Console.WriteLine();
        Console.WriteLine($"NEEDED ({answer.Requirements.Count})");
        foreach (var r in answer.Requirements)
        {
            var flag = r.Verified ? string.Empty : "  [partly unverified]";
            Console.WriteLine($"  {r.SchemeCode,-12} {r.Id,-22} {ApiJson.SnakeCase(r.Mode.ToString()),-17} {ApiJson.SnakeCase(r.Obligation.ToString()),-10} {r.MinDays}–{r.MaxDays} days{flag}");
            if (r.ProductType is not null)
            {
                Console.WriteLine($"      for: {r.ProductType} {T(r.ProductTypeName)}");
            }
            Console.WriteLine($"      why: {T(r.Why)}");
            Console.WriteLine($"      because: {string.Join("; ", r.Matched.Select(m => $"{m.Text} ({m.Actual})"))}");
            if (r.ImplementationRule is not null)
            {
                Console.WriteLine($"      rule: {r.ImplementationRule}");
            }

            if (r.Standards.Count > 0)
            {
                Console.WriteLine($"      standards: {string.Join(", ", r.Standards.Select(s => s.Edition ?? s.Family + " (no edition in force)"))}");
            }

            if (r.Bodies.Count + r.Labs.Count > 0)
            {
                Console.WriteLine($"      bodies: {string.Join(", ", r.Bodies.Select(b => b.Abbr))}; labs: {string.Join(", ", r.Labs.Select(b => b.Abbr))}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"NOT NEEDED ({answer.RuledOut.Count})");
        foreach (var r in answer.RuledOut)
        {
            Console.WriteLine($"  {r.SchemeCode,-12} {r.Id,-22} {T(r.Reason)}");
        }

        Console.WriteLine();
        Console.WriteLine($"PLAN: {answer.Plan.TotalMinDays}–{answer.Plan.TotalMaxDays} days to all certificates");
        foreach (var item in answer.Plan.Items)
        {
            var after = item.After.Count == 0 ? "start" : "after " + string.Join(", ", item.After);
            Console.WriteLine($"  {item.Requirement,-22} day {item.StartMinDay}–{item.StartMaxDay} → {item.EndMinDay}–{item.EndMaxDay}  ({after})");
        }

        if (answer.Upcoming.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("COMING IN THE NEXT 24 MONTHS");
            foreach (var u in answer.Upcoming)
            {
                Console.WriteLine($"  {u.Date:yyyy-MM-dd}  {T(u.What)}{(u.Verified ? "" : "  [unverified]")}");
                Console.WriteLine($"              {T(u.Action)}");
            }
        }
    }
}
