using Certa.Infrastructure.Persistence;
using Certa.Integration.Tests.Fixtures;
using Certa.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Certa.Integration.Tests.Certificates;

/// <summary>
/// The migration that adds <c>Certificates.StateSince</c> fills it for the certificates already stored from the last entry of
/// their status history, on each database: taken down and up again over the demo world with certificates in several states,
/// each certificate's column says what its history says, to the microsecond the column keeps.
/// </summary>
public abstract class StateSinceMigrationTests(DatabaseProvider provider)
{
    [Fact]
    public async Task MigratingUp_FillsStateSince_FromTheLastStatusChange()
    {
        await using var app = await CertaTestApp.StartAsync(provider, demo: true);
        var suspended = await CertificateSeed.IssueAsync(app.Services);
        await CertificateHistorySeed.SuspendAsync(app.Services, suspended, "Label missing the mark", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)));
        await CertificateHistorySeed.WithdrawAsync(app.Services, await CertificateSeed.IssueAsync(app.Services), "Withdrawn for the migration test");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertaDbContext>();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_CertificateStateSince", StringComparison.Ordinal)) - 1];

        await migrator.MigrateAsync(before);
        await migrator.MigrateAsync(migrations[^1]);

        var certificates = await db.Certificates.AsNoTracking().ToListAsync();
        certificates.Select(c => c.State).ShouldBe([Domain.Certificates.CertificateState.Suspended, Domain.Certificates.CertificateState.Withdrawn], ignoreOrder: true);
        foreach (var certificate in certificates)
        {
            Microseconds(certificate.StateSince).ShouldBe(Microseconds(certificate.StatusHistory[^1].At), certificate.Number);
        }
    }

    private static long Microseconds(DateTimeOffset at) => at.UtcTicks / 10;
}

[Collection("sqlite")]
public sealed class SqliteStateSinceMigrationTests() : StateSinceMigrationTests(DatabaseProvider.Sqlite);

[Collection("postgres")]
public sealed class PostgresStateSinceMigrationTests() : StateSinceMigrationTests(DatabaseProvider.Postgres);
