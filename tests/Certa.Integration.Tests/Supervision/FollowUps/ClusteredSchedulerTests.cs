using Certa.Domain.Certificates;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Supervision.Scheduling;
using Certa.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace Certa.Integration.Tests.Supervision.FollowUps;

/// <summary>
/// Two Certa instances on one PostgreSQL database, each with its clustered Quartz scheduler: a firing of the daily
/// supervision trigger runs on one of them only, once, and its action is one audit entry.
/// </summary>
[Collection("postgres")]
public sealed class ClusteredSchedulerTests
{
    private static readonly Dictionary<string, string?> SchedulerOn = new()
    {
        ["Certa:Supervision:Scheduler"] = "true",
        ["Certa:Supervision:RunAtStart"] = "false",
    };

    [Fact]
    public async Task TwoInstances_OnePostgresDatabase_TheDailyFiringRunsOnce()
    {
        await using var first = await SupervisionWorld.StartAsync(DatabaseProvider.Postgres, SchedulerOn);
        var database = first.App.Database;
        await using var second = await CertaTestApp.StartAsync(DatabaseProvider.Postgres, importData: false, settings: new Dictionary<string, string?>(SchedulerOn)
        {
            ["Certa:Database:ConnectionString"] = database.ConnectionString,
            ["Certa:DataDirectory"] = database.DataDirectory,
        }, services: s => s.AddSingleton<TimeProvider>(first.Clock));
        var certificate = await first.IssueAsync();
        first.Clock.MoveTo(certificate.IssuedOn.AddYears(1).AddDays(31));
        (await Eventually.Async(async () => await CountAsync(database, "SELECT count(*) FROM qrtz_scheduler_state") == 2))
            .ShouldBeTrue("both instances should have checked in to the cluster");

        // The daily trigger, due now (on the app's clock, which Quartz runs on) instead of at its time of day: both schedulers see it in the shared store.
        var scheduler = await first.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.RescheduleJob(SupervisionJob.DailyTrigger,
            TriggerBuilder.Create().WithIdentity(SupervisionJob.DailyTrigger).ForJob(SupervisionJob.Key).StartAt(first.Clock.GetUtcNow()).Build());

        (await Eventually.Async(async () => await CountAsync(database, Runs) > 0)).ShouldBeTrue("the firing should have run");
        (await Eventually.Async(async () => (await first.CertificateAsync(certificate)).State == CertificateState.Suspended)).ShouldBeTrue();
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a second run, were there one
        (await CountAsync(database, Runs)).ShouldBe(1);
        (await first.ActionsAsync(certificate)).Select(a => a.Action).ShouldBe(["certificate.suspended"]);
    }

    private const string Runs = "SELECT count(*) FROM qrtz_execution_history WHERE trigger_name = 'supervision-daily'";

    private static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
