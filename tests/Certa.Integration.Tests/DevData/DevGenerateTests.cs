using System.Net;
using System.Text.Json.Nodes;
using Certa.Domain.Certificates;
using Certa.Infrastructure.Audit;
using Certa.Infrastructure.DevData;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.FollowUps;
using Certa.Infrastructure.Transparency;
using Certa.Integration.Tests.Cli;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.DevData;

/// <summary>
/// <c>certa dev generate</c> writes a registry the rest of Certa accepts as its own: the audit chain and the transparency log
/// verify, the public API answers generated numbers with their state, and a second run without --append is refused.
/// </summary>
public abstract class DevGenerateTests(DatabaseProvider provider)
{
    private const int Certificates = 2_000;

    [Fact]
    public async Task Generate_WritesARegistryThatVerifies_AndASecondRunIsRefused()
    {
        await using var app = await CertaTestApp.StartAsync(provider);
        var report = await GenerateAsync(app, new GenerateOptions(Certificates, Seed: 7, BatchSize: 700));

        report.Certificates.ShouldBeInRange(Certificates, Certificates + 1);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var states = await db.Certificates.GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        states[CertificateState.Active].ShouldBeGreaterThan(Certificates / 2);
        foreach (var state in new[] { CertificateState.Suspended, CertificateState.Withdrawn, CertificateState.Expired, CertificateState.Superseded })
        {
            states.GetValueOrDefault(state).ShouldBeGreaterThan(0, $"no {state} certificate among {Certificates}");
        }

        (await db.IssuedCredentials.CountAsync()).ShouldBe((int)report.Certificates);

        var chain = await AuditLog.VerifyAsync(db, default);
        chain.Intact.ShouldBeTrue(chain.Problem);
        var checks = await scope.ServiceProvider.GetRequiredService<LogMonitor>().CheckAsync(0, default);
        checks.Where(c => !c.Passed).ShouldBeEmpty();
        var head = await scope.ServiceProvider.GetRequiredService<TransparencyLog>().LatestHeadAsync(default);
        head!.TreeSize.ShouldBe(await db.AuditEvents.LongCountAsync(e => e.EntityType == "certificate"));

        foreach (var state in new[] { CertificateState.Active, CertificateState.Suspended, CertificateState.Withdrawn })
        {
            var number = await db.Certificates.Where(c => c.State == state).OrderBy(c => c.Number).Select(c => c.Number).FirstAsync();
            var answer = await VerifyAsync(app, number);
            answer["valid"]!.GetValue<bool>().ShouldBe(state == CertificateState.Active, answer.ToJsonString());
            answer["state"]!.GetValue<string>().ShouldBe(SnakeCase(state));
        }

        var withdrawn = (await db.Certificates.Where(c => c.State == CertificateState.Withdrawn).OrderBy(c => c.Number).FirstAsync());
        var before = DateOnly.FromDateTime(withdrawn.StatusHistory[^1].At.UtcDateTime).AddDays(-1);
        (await VerifyAsync(app, withdrawn.Number, before))["valid"]!.GetValue<bool>().ShouldBe(withdrawn.IssuedOn <= before);

        // Every follow-up due so far was done, so the first supervision round on the generated registry changes nothing.
        (await db.Inspections.CountAsync()).ShouldBeGreaterThan(states[CertificateState.Active] / 2);
        var round = await app.Services.GetRequiredService<SupervisionRound>().RunAsync(DateTimeOffset.UtcNow, default);
        (round.Suspended, round.Withdrawn, round.Expired).ShouldBe((0, 0, 0), round.ToString());

        // The public search finds generated certificates by model and by holder, as it finds issued ones.
        var sample = await db.Certificates.Where(c => c.State == CertificateState.Active).OrderBy(c => c.Number).FirstAsync();
        (await db.CertificateModels.CountAsync()).ShouldBeGreaterThanOrEqualTo((int)report.Certificates);
        var byModel = await SearchAsync(app, $"model={Uri.EscapeDataString(sample.Product.MainModel)}");
        byModel["certificates"]!.AsArray().Select(c => c!["number"]!.GetValue<string>()).ShouldContain(sample.Number);
        var holder = await db.Organisations.SingleAsync(o => o.Id == sample.HolderId);
        var byHolder = await SearchAsync(app, $"holder={Uri.EscapeDataString(holder.Name.Zh!)}&limit=100");
        byHolder["holders"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).ShouldContain(sample.HolderId);
        byHolder["certificates"]!.AsArray().ShouldNotBeEmpty();

        var events = await db.AuditEvents.LongCountAsync();
        var (exit, output, error) = await CertaCli.RunAsync(app.Database, "dev", "generate", "--certificates", "10");
        exit.ShouldBe(3, output + error);
        error.ShouldContain("already holds");
        error.ShouldContain("--append");
        (await db.AuditEvents.LongCountAsync()).ShouldBe(events);
        (await db.Certificates.LongCountAsync()).ShouldBe(report.Certificates);
    }

    private static async Task<GenerateReport> GenerateAsync(CertaTestApp app, GenerateOptions options)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DevRegistryGenerator>()
            .GenerateAsync(options, Path.Combine(CertaTestApp.RepositoryRoot, "data"), _ => { }, default);
    }

    private static async Task<JsonNode> VerifyAsync(CertaTestApp app, string number, DateOnly? at = null)
    {
        var response = await app.Client.GetAsync($"/api/v1/public/certificates/{Uri.EscapeDataString(number)}{(at is { } day ? $"?at={day:yyyy-MM-dd}" : string.Empty)}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    private static async Task<JsonNode> SearchAsync(CertaTestApp app, string query)
    {
        var response = await app.Client.GetAsync($"/api/v1/public/certificates?{query}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    private static string SnakeCase(CertificateState state) => Certa.Domain.Common.SnakeCaseNames.Of(state.ToString());
}

public sealed class SqliteDevGenerateTests() : DevGenerateTests(DatabaseProvider.Sqlite);

public sealed class PostgresDevGenerateTests() : DevGenerateTests(DatabaseProvider.Postgres);
