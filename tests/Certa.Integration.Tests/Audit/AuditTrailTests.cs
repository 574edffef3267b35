using System.Data.Common;
using Certa.Infrastructure.Audit;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.ReferenceData;
using Certa.Integration.Tests.Cli;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Audit;

/// <summary>The hash-chained audit trail on a real database: written with the change, append-only, tamper-evident.</summary>
public abstract class AuditTrailTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        services = new ServiceCollection().AddCertaDatabase(database.Options()).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await DatabaseMaintenance.MigrateAsync(Db(scope), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Import_WritesOneChainedEvent_AndANoChangeImportWritesNone()
    {
        await ImportAsync();
        await ImportAsync();

        await using var scope = services.CreateAsyncScope();
        var events = await Db(scope).AuditEvents.ToListAsync();
        var e = events.ShouldHaveSingleItem();
        e.Action.ShouldBe("registry.imported");
        e.Actor.ShouldBe("cli:test");
        e.PreviousHash.ShouldBe(Certa.Domain.Audit.AuditEvent.Genesis);
        e.Details.ShouldContain("\"kind\":\"product-type\"");
        (await AuditLog.VerifyAsync(Db(scope), CancellationToken.None)).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task Chain_OfSeveralEvents_SurvivesTheRoundTripThroughTheDatabase()
    {
        await AppendAsync(5);

        await using var scope = services.CreateAsyncScope();
        var result = await AuditLog.VerifyAsync(Db(scope), CancellationToken.None);

        result.Intact.ShouldBeTrue(result.Problem);
        result.Events.ShouldBe(5);
    }

    [Fact]
    public async Task Append_OutsideATransaction_IsRefused()
    {
        await using var scope = services.CreateAsyncScope();

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => AuditLog.AppendAsync(Db(scope),
            new Certa.Domain.Audit.AuditEntry("person:ada", "cqc", "test.happened", "thing", "t", new { }, "corr", new { }),
            DateTimeOffset.UtcNow, CancellationToken.None));

        refused.Message.ShouldContain("inside the transaction");
    }

    [Fact]
    public async Task Update_IsRefusedByTheDatabase()
    {
        await AppendAsync(1);

        var refused = await Should.ThrowAsync<DbException>(() => ExecuteAsync("UPDATE \"AuditEvents\" SET \"Actor\" = 'mallory'"));

        refused.Message.ShouldContain("append-only");
    }

    [Fact]
    public async Task Delete_IsRefusedByTheDatabase()
    {
        await AppendAsync(1);

        var refused = await Should.ThrowAsync<DbException>(() => ExecuteAsync("DELETE FROM \"AuditEvents\""));

        refused.Message.ShouldContain("append-only");
    }

    [Fact]
    public async Task RowAlteredBehindTheTriggersBack_IsCaughtByVerify_AtThatEvent()
    {
        await AppendAsync(4);
        await BypassTriggersAndExecuteAsync("UPDATE \"AuditEvents\" SET \"Actor\" = 'mallory' WHERE \"Sequence\" = 3");

        await using var scope = services.CreateAsyncScope();
        var result = await AuditLog.VerifyAsync(Db(scope), CancellationToken.None);
        var cli = await CertaCli.RunAsync(database, "audit", "verify");

        result.BrokenAt.ShouldBe(3);
        result.Events.ShouldBe(2);
        result.Problem!.ShouldContain("altered");
        cli.ExitCode.ShouldBe(5);
        cli.Error.ShouldContain("BROKEN at event 3");
    }

    [Fact]
    public async Task RowDeletedBehindTheTriggersBack_IsCaughtByVerify()
    {
        await AppendAsync(4);
        await BypassTriggersAndExecuteAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 2");

        await using var scope = services.CreateAsyncScope();
        var result = await AuditLog.VerifyAsync(Db(scope), CancellationToken.None);

        result.BrokenAt.ShouldBe(3);
    }

    [Fact]
    public async Task AuditVerify_OnAnIntactTrail_ExitsZero()
    {
        await AppendAsync(2);

        var (exit, output, error) = await CertaCli.RunAsync(database, "audit", "verify");

        exit.ShouldBe(0, error);
        output.ShouldContain("intact: 2 event(s)");
    }

    private async Task ImportAsync()
    {
        await using var scope = services.CreateAsyncScope();
        await new RegistryImporter(Db(scope), TimeProvider.System)
            .ImportAsync(ReferenceDataReader.Read(CertaTestApp.RepositoryDataDirectory), dryRun: false, CancellationToken.None, "cli:test");
    }

    private async Task AppendAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = Db(scope);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await AuditLog.AppendAsync(db, new Certa.Domain.Audit.AuditEntry("person:ada", "cqc", "test.happened", "thing", $"t{i}",
                new { i, name = "测试" }, $"corr-{i}", new { note = "with ünïcode and \"quotes\"" }), DateTimeOffset.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = services.CreateAsyncScope();
        await Db(scope).Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>What someone with full database rights could do: switch the guards off, then edit.</summary>
    private Task BypassTriggersAndExecuteAsync(string sql) => provider == DatabaseProvider.Postgres
        ? ExecuteAsync($"ALTER TABLE \"AuditEvents\" DISABLE TRIGGER ALL; {sql}; ALTER TABLE \"AuditEvents\" ENABLE TRIGGER ALL;")
        : ExecuteAsync($"DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; {sql};");

    private static CertaDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<CertaDbContext>();
}

[Collection("sqlite")]
public sealed class SqliteAuditTrailTests() : AuditTrailTests(DatabaseProvider.Sqlite);

[Collection("postgres")]
public sealed class PostgresAuditTrailTests() : AuditTrailTests(DatabaseProvider.Postgres);
