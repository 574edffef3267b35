using System.Globalization;
using System.Net;
using Certa.Domain.Certificates;
using Certa.Infrastructure.Audit;
using Certa.Infrastructure.Demo;
using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Demo;

/// <summary>
/// The demo certificates of <c>data/demo/certificates.yaml</c>: each story ends in its state, with its history in time
/// order, signed credentials for every version, an intact audit chain, the past answered as it was, and nothing twice.
/// </summary>
public abstract class DemoCertificatesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private CertaTestApp app = null!;
    private DemoCertificateSeeding seeding = null!;
    private DateTimeOffset now;

    public async Task InitializeAsync()
    {
        app = await CertaTestApp.StartAsync(provider, demo: true);
        now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        seeding = await SeedAsync(CertaTestApp.RepositoryDataDirectory);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Seed_EndsEachStoryInItsState()
    {
        var certificates = await CertificatesAsync();

        seeding.Created.ShouldBeTrue();
        seeding.Certificates.Select(c => c.Number).ShouldBe(certificates.OrderBy(c => c.IssuedOn).ThenBy(c => c.Number, StringComparer.Ordinal).Select(c => c.Number));
        Single(certificates, "EX14").State.ShouldBe(CertificateState.Active);
        Single(certificates, "ED500").State.ShouldBe(CertificateState.Suspended);
        Single(certificates, "ED500").SuspendedUntil.ShouldBe(Day(20).AddDays(90));
        Single(certificates, "EM27").State.ShouldBe(CertificateState.Withdrawn);
        Single(certificates, "EP10K").State.ShouldBe(CertificateState.Cancelled);
        var renewed = certificates.Where(c => c.Product.MainModel == "EX13").OrderBy(c => c.IssuedOn).ToList();
        renewed.Select(c => c.State).ShouldBe([CertificateState.Superseded, CertificateState.Active]);
        renewed[0].SupersededBy.ShouldBe(renewed[1].Number);
        renewed[1].PredecessorNumber.ShouldBe(renewed[0].Number);
        renewed[1].IssuedOn.ShouldBe(Day(120));
        Single(certificates, "EX16").HolderName.En.ShouldBe("Shenzhen Example Computer Co., Ltd. (demo)");
    }

    [Fact]
    public async Task Histories_HaveTheirEntries_InTimeOrder_AcrossAllCertificates()
    {
        var certificates = await CertificatesAsync();

        var restored = Single(certificates, "EX14");
        restored.IssuedOn.ShouldBe(Day(700));
        restored.StatusHistory.Select(h => h.State).ShouldBe([CertificateState.Active, CertificateState.Suspended, CertificateState.Active]);
        restored.StatusHistory.Select(h => DateOnly.FromDateTime(h.At.UtcDateTime)).ShouldBe([Day(700), Day(300), Day(270)]);
        Single(certificates, "ED500").StatusHistory.Count.ShouldBe(2);
        Single(certificates, "ED500").Versions.Select(v => v.Change).ShouldBe(["issued", "models_extended"]);
        Single(certificates, "ED500").Models.ShouldContain("ED500X");
        Single(certificates, "EM27").StatusHistory.Select(h => h.State)
            .ShouldBe([CertificateState.Active, CertificateState.Suspended, CertificateState.Withdrawn]);
        Single(certificates, "EP10K").StatusHistory.Count.ShouldBe(2);
        certificates.ShouldAllBe(c => c.StatusHistory.Zip(c.StatusHistory.Skip(1)).All(p => p.First.At <= p.Second.At));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "certificate").OrderBy(e => e.Sequence).ToListAsync();
        events.Count.ShouldBe(certificates.Sum(c => c.StatusHistory.Count + c.Versions.Count - 1));
        events.Zip(events.Skip(1)).ShouldAllBe(p => p.First.OccurredAt <= p.Second.OccurredAt);
        events[0].OccurredAt.ShouldBeLessThan(now.AddDays(-799));
    }

    [Fact]
    public async Task TheChangedCertificate_HasTwoVersions_EachWithASignedCredential()
    {
        var changed = Single(await CertificatesAsync(), "EX16");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var credentials = await db.IssuedCredentials.AsNoTracking().Where(c => c.CertificateId == changed.Id).ToListAsync();

        changed.Versions.Select(v => v.HolderName.En).ShouldBe(["Shenzhen Example Electronics Co., Ltd. (demo)", "Shenzhen Example Computer Co., Ltd. (demo)"]);
        credentials.Select(c => c.Version).Order().ShouldBe([1, 2]);
        credentials.ShouldAllBe(c => c.Json.Contains("\"proof\""));

        var (status, body) = await GetAsync($"/api/v1/public/certificates/{changed.Number}");
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.Str("code").ShouldBe("valid", body.ToString());
        body.GetProperty("version").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task TheAuditChain_StaysIntact()
    {
        await using var scope = app.Services.CreateAsyncScope();

        var verification = await AuditLog.VerifyAsync(scope.ServiceProvider.GetRequiredService<CertaDbContext>(), CancellationToken.None);

        verification.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task PublicVerification_OnADayWhileSuspended_AnswersSuspended_AndTodayValid()
    {
        var restored = Single(await CertificatesAsync(), "EX14");

        var (_, then) = await GetAsync($"/api/v1/public/certificates/{restored.Number}?at={Day(285):yyyy-MM-dd}");
        var (_, today) = await GetAsync($"/api/v1/public/certificates/{restored.Number}");

        then.Str("state").ShouldBe("suspended", then.ToString());
        then.GetProperty("valid").GetBoolean().ShouldBeFalse();
        then.Str("deadline").ShouldBe(Day(300).AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        today.Str("code").ShouldBe("valid", today.ToString());
    }

    [Fact]
    public async Task SeedAgain_AddsNothing_AndListsTheSameCertificates()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var events = await db.AuditEvents.CountAsync();

        var again = await SeedAsync(CertaTestApp.RepositoryDataDirectory);

        again.Created.ShouldBeFalse();
        again.Certificates.ShouldBe(seeding.Certificates);
        (await db.AuditEvents.CountAsync()).ShouldBe(events);
    }

    [Theory]
    [InlineData("holder: demo-laptop-maker", "holder: nobody-ltd", "laptop-restored", "nobody-ltd")]
    [InlineData("product_type: ccc.0903", "product_type: ccc.9999", "monitor-withdrawn", "ccc.9999")]
    [InlineData("action: cancel", "action: explode", "power-bank-cancelled", "explode")]
    [InlineData("\"GB 4943.1-2022\", \"GB 31241-2022\"", "\"GB 4943.1-2022\", \"GB 31241-1999\"", "power-bank-cancelled", "GB 31241-1999")]
    public async Task ABrokenFile_IsRefused_NamingTheEntryAndTheValue(string find, string replace, string entry, string value)
    {
        var directory = Directory.CreateTempSubdirectory("certa-demo-");
        try
        {
            var text = await File.ReadAllTextAsync(Path.Combine(CertaTestApp.RepositoryDataDirectory, DemoCertificates.FileName));
            text.ShouldContain(find);
            var at = text.IndexOf(find, StringComparison.Ordinal);
            Directory.CreateDirectory(Path.Combine(directory.FullName, "demo"));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, DemoCertificates.FileName), text[..at] + replace + text[(at + find.Length)..]);

            var refused = await Should.ThrowAsync<InvalidDataException>(() => SeedAsync(directory.FullName));

            refused.Message.ShouldContain($"'{entry}'");
            refused.Message.ShouldContain(value);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private DateOnly Day(int daysAgo) => DateOnly.FromDateTime(now.AddDays(-daysAgo).UtcDateTime);

    private static Certificate Single(IEnumerable<Certificate> certificates, string mainModel) => certificates.Single(c => c.Product.MainModel == mainModel);

    private async Task<DemoCertificateSeeding> SeedAsync(string dataDirectory)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoCertificates>().SeedAsync(dataDirectory, CommandContext.CommandLine(), now, CancellationToken.None);
    }

    private async Task<List<Certificate>> CertificatesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CertaDbContext>().Certificates.AsNoTracking().ToListAsync();
    }

    private async Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> GetAsync(string url)
    {
        using var response = await app.Client.GetAsync(url);
        return (response.StatusCode, await response.ReadJsonAsync());
    }
}

[Collection("sqlite")]
public sealed class SqliteDemoCertificatesTests() : DemoCertificatesTests(DatabaseProvider.Sqlite);

[Collection("postgres")]
public sealed class PostgresDemoCertificatesTests() : DemoCertificatesTests(DatabaseProvider.Postgres);
