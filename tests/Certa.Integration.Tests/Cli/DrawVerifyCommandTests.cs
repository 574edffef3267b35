using System.Text.Json.Nodes;
using Certa.Infrastructure.Persistence;
using Certa.Testing;

namespace Certa.Integration.Tests.Cli;

/// <summary><c>certa draw verify</c>: re-runs a published draw from its record file; no server, no database opened.</summary>
public sealed class DrawVerifyCommandTests : IAsyncLifetime
{
    private const string Example = "data/demo/draw-example.json";

    private readonly string directory = Directory.CreateTempSubdirectory("certa-draw-").FullName;
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task TheExample_IsReproduced()
    {
        var (exit, output, error) = await CertaCli.RunAsync(database, "draw", "verify", Example);

        exit.ShouldBe(0, output + error);
        output.ShouldContain("Draw cnca-2026-ccc-q4 by cnca on 2026-11-27: 6 of 30 certificate(s)");
        output.ShouldContain("draw reproduced: 6 targets, seed 99a8ee15284419c8fcee0029709fcef52905ac865855f47d77a2d8d3cb4f8887, "
            + "digest 50a9f1ee6492a83873010e6faab78542375b255b313f8a2ceca7b9e0deb53d5a");
    }

    [Fact]
    public async Task TheExample_AsJson_SaysReproduced()
    {
        var (exit, output, error) = await CertaCli.RunAsync(database, "draw", "verify", Example, "--json");

        exit.ShouldBe(0, error);
        var answer = JsonNode.Parse(output)!;
        answer["reproduced"]!.GetValue<bool>().ShouldBeTrue();
        answer["targets"]!.GetValue<int>().ShouldBe(6);
        answer["differences"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task ASwappedTarget_ExitsSeven_AndNamesIt()
    {
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(CertaTestApp.RepositoryRoot, Example)))!;
        var targets = record["result"]!["targets"]!.AsArray();
        var drawn = targets.Select(t => t!["certificateNumber"]!.GetValue<string>()).ToHashSet();
        var other = record["candidates"]!.AsArray().Select(c => c!["certificateNumber"]!.GetValue<string>()).First(n => !drawn.Contains(n));
        var original = targets[2]!["certificateNumber"]!.GetValue<string>();
        targets[2]!["certificateNumber"] = other;

        var (exit, output, error) = await CertaCli.RunAsync(database, "draw", "verify", Write("tampered.json", record.ToJsonString()));

        exit.ShouldBe(7, output + error);
        output.ShouldContain($"✗ target 3: recorded {other} ");
        output.ShouldContain($"recomputed {original} ");
        output.ShouldContain("✗ digest of the recorded result");
        output.ShouldNotContain("draw reproduced");
        error.ShouldContain("NOT reproduced");
    }

    [Fact]
    public async Task BadJson_IsAUsageError_SayingWhere()
    {
        var (exit, _, error) = await CertaCli.RunAsync(database, "draw", "verify", Write("broken.json", "{\"format\": \"certa-draw/1\", "));

        exit.ShouldBe(2);
        error.ShouldContain("broken.json is not a valid draw record");
        error.ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task AMissingField_IsAUsageError_NamingIt()
    {
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(CertaTestApp.RepositoryRoot, Example)))!.AsObject();
        record.Remove("publicRandom");

        var (exit, _, error) = await CertaCli.RunAsync(database, "draw", "verify", Write("incomplete.json", record.ToJsonString()));

        exit.ShouldBe(2);
        error.ShouldContain("$.publicRandom is missing");
    }

    [Fact]
    public async Task AMissingFile_IsAUsageError() =>
        (await CertaCli.RunAsync(database, "draw", "verify", Path.Combine(directory, "nowhere.json"))).ExitCode.ShouldBe(2);

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
