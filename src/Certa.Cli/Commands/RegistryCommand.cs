using System.CommandLine;
using System.Text.Json;
using Certa.Web.Api;
using Certa.Web.Registry;

namespace Certa.Cli.Commands;

internal static class RegistryCommand
{
    public static Command Create(GlobalOptions global)
    {
        var text = new Argument<string>("text") { Description = "What to look for: 笔记本, laptop, 0902, GB 4943.1, CNCA-C09-01…" };
        var kind = new Option<string?>("--kind") { Description = "Only one kind: " + string.Join(", ", RegistryQueries.SearchKinds) };
        kind.AcceptOnlyFromAmong([.. RegistryQueries.SearchKinds]);
        var limit = new Option<int>("--limit") { Description = "At most this many hits (1–200).", DefaultValueFactory = _ => 20 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > PageRequest.MaxPageSize)
            {
                r.AddError($"--limit must be between 1 and {PageRequest.MaxPageSize}.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print the hits as JSON, as the API returns them." };
        var search = new Command("search", "Search the registry in English or Chinese. Exit code 1 when nothing matches.") { text, kind, limit, json };
        search.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var services = CliServices.Build(global.Overrides(parse));
            await using var scope = services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<RegistryQueries>();
            var hits = await queries.SearchAsync(parse.GetValue(text)!, parse.GetValue(kind), new PageRequest(1, parse.GetValue(limit)), ct);
            if (parse.GetValue(json))
            {
                var options = new JsonSerializerOptions { WriteIndented = true };
                ApiJson.Configure(options);
                Console.WriteLine(JsonSerializer.Serialize(hits, options));
            }
            else
            {
                foreach (var hit in hits.Items)
                {
                    var flag = hit.Verified ? string.Empty : "  [unverified]";
                    Console.WriteLine($"{hit.Kind,-13} {hit.Key,-24} {hit.Title.En}{(hit.Title.Zh is null ? "" : " / " + hit.Title.Zh)}{flag}");
                }

                Console.WriteLine($"{hits.Items.Count} of {hits.Total} hit(s).");
            }

            return hits.Total > 0 ? ExitCodes.Ok : ExitCodes.NothingFound;
        }));
        var registry = new Command("registry", "Query the regulatory registry.") { search };
        return registry;
    }
}
