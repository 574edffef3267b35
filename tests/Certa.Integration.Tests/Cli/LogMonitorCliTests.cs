using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Certa.Infrastructure.Transparency;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Cli;

/// <summary>
/// <c>certa log monitor --server URL</c> against a real Certa on Kestrel: it records the log key on first use, accepts a log
/// that only grew (proved by a consistency proof, and with <c>--entries</c> by rehashing the new entries), and exits 5 when
/// the saved head is not a prefix of the log's or the log's key changed.
/// </summary>
public abstract class LogMonitorCliTests(DemoAppFixture fixture) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("certa-log-monitor-").FullName;

    private string State => Path.Combine(directory, "remote.state");

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task GrowAsync()
    {
        await CertificateSeed.IssueAsync(fixture.App.Services);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LogSequencer>().CatchUpAsync(default);
    }

    private Task<(int ExitCode, string Out, string Error)> MonitorAsync(params string[] extra) =>
        CertaCli.RunAsync(fixture.App.Database, ["log", "monitor", "--server", fixture.App.Address.ToString(), "--state", State, .. extra]);

    private async Task<JsonObject> SavedStateAsync() => JsonNode.Parse(await File.ReadAllTextAsync(State))!.AsObject();

    [Fact]
    public async Task RemoteMonitor_OfALogThatOnlyGrew_Passes_AndSavesTheNewHead()
    {
        await GrowAsync();
        var (exit, output, error) = await MonitorAsync("--entries");
        exit.ShouldBe(0, output + error);
        output.ShouldContain("✓ log key: First run");
        output.ShouldContain("✓ entries:");
        var first = (await SavedStateAsync())["treeSize"]!.GetValue<long>();

        await GrowAsync();
        (exit, output, error) = await MonitorAsync("--entries", "--json");

        exit.ShouldBe(0, output + error);
        var result = JsonNode.Parse(output)!;
        result["passed"]!.GetValue<bool>().ShouldBeTrue();
        result["checks"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldBe(["log key", "tree head", "consistency", "entries"]);
        result["checks"]![2]!["detail"]!.GetValue<string>().ShouldContain($"size {first} seen last time is consistent");
        var saved = await SavedStateAsync();
        saved["treeSize"]!.GetValue<long>().ShouldBeGreaterThan(first);
        saved["frontier"]!.AsArray().Count.ShouldBe((int)long.PopCount(saved["treeSize"]!.GetValue<long>()));
    }

    [Fact]
    public async Task RemoteMonitor_WithAStateWhoseRootWasAltered_ExitsFive_AndSaysSo()
    {
        await GrowAsync();
        (await MonitorAsync()).ExitCode.ShouldBe(0);
        await GrowAsync();
        var state = await SavedStateAsync();
        state["rootHash"] = Convert.ToBase64String(new byte[32]);
        await File.WriteAllTextAsync(State, state.ToJsonString());

        var (exit, output, error) = await MonitorAsync();

        exit.ShouldBe(5, output + error);
        output.ShouldContain($"✗ consistency: The head of size {state["treeSize"]} seen last time (root {Convert.ToBase64String(new byte[32])}) is NOT consistent");
        error.ShouldContain("FAILED monitoring");
        (await SavedStateAsync())["rootHash"]!.GetValue<string>().ShouldBe(Convert.ToBase64String(new byte[32]), "a failed run keeps the state");
    }

    [Fact]
    public async Task RemoteMonitor_WhenTheLogKeyChanged_ExitsFive()
    {
        await GrowAsync();
        (await MonitorAsync()).ExitCode.ShouldBe(0);
        var state = await SavedStateAsync();
        var recorded = Convert.ToBase64String(Infrastructure.Credentials.Ed25519.Generate().PublicKey);
        state["key"] = recorded;
        await File.WriteAllTextAsync(State, state.ToJsonString());

        var (exit, output, error) = await MonitorAsync();

        exit.ShouldBe(5, output + error);
        output.ShouldContain($"✗ log key: The log key CHANGED: recorded {recorded}");
    }

    [Fact]
    public async Task RemoteMonitor_WithoutAServer_ExitsFour_AndLeavesTheStateAlone()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var (exit, _, error) = await CertaCli.RunAsync(fixture.App.Database, "log", "monitor", "--server", $"http://127.0.0.1:{port}", "--state", State);

        exit.ShouldBe(4);
        error.ShouldContain($"cannot fetch http://127.0.0.1:{port}/log/v2/log-info");
        File.Exists(State).ShouldBeFalse();
    }

    [Fact]
    public async Task RemoteMonitor_ByDefault_KeepsOneStateFilePerServer()
    {
        await GrowAsync();
        var (exit, output, error) = await CertaCli.RunAsync(fixture.App.Database, "log", "monitor", "--server", fixture.App.Address.ToString());

        exit.ShouldBe(0, output + error);
        var expected = Path.Combine(fixture.App.Database.DataDirectory, $"log-monitor.127.0.0.1_{fixture.App.Address.Port}.state");
        output.ShouldContain($"in {expected}");
        File.Exists(expected).ShouldBeTrue();
    }
}

[Collection("sqlite")]
public sealed class SqliteLogMonitorCliTests(SqliteDemoAppFixture fixture) : LogMonitorCliTests(fixture), IClassFixture<SqliteDemoAppFixture>;

[Collection("postgres")]
public sealed class PostgresLogMonitorCliTests(PostgresDemoAppFixture fixture) : LogMonitorCliTests(fixture), IClassFixture<PostgresDemoAppFixture>;
