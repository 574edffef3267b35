using System.Globalization;
using Certa.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Certa.Infrastructure.Supervision.Scheduling;

public static class SupervisionScheduling
{
    /// <summary>
    /// Quartz with its ADO.NET job store in Certa's own database (the <c>QRTZ_</c> tables of the Supervision migration),
    /// clustered on PostgreSQL so that several instances run each firing once; SQLite serves one instance and Quartz
    /// refuses to cluster on it. Execution history is kept in the database, one for the whole cluster. Job data is
    /// serialized with System.Text.Json, Quartz 4's default. Nothing is registered when <see cref="SupervisionOptions.Scheduler"/> is off.
    /// </summary>
    public static IServiceCollection AddCertaSupervisionScheduling(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        var options = configuration.GetSection(SupervisionOptions.Section).Get<SupervisionOptions>() ?? new SupervisionOptions();
        services.AddSingleton(options);
        if (!options.Scheduler)
        {
            return services;
        }

        var connectionString = database.ResolveConnectionString();
        services.AddQuartz(q =>
        {
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(o => o.TablePrefix = QuartzJobStoreSchema.TablePrefix);
                store.UseExecutionHistory();
                switch (database.Provider)
                {
                    case DatabaseProvider.Postgres:
                        store.UsePostgres(Npgsql.NpgsqlFactory.Instance, connectionString);
                        store.UseClustering();
                        break;
                    case DatabaseProvider.Sqlite:
                        store.UseSqlite(Microsoft.Data.Sqlite.SqliteFactory.Instance, connectionString);
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown database provider '{database.Provider}'.");
                }
            });
            q.AddJob<SupervisionJob>(j => j.WithIdentity(SupervisionJob.Key).StoreDurably().WithDescription("Certa's daily supervision round"));
            q.AddTrigger(t => t.ForJob(SupervisionJob.Key).WithIdentity(SupervisionJob.DailyTrigger)
                .WithCronSchedule(DailyCron(options.DailyAt), c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            if (options.RunAtStart)
            {
                q.RunAtStartup(SupervisionJob.Key);
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>The Quartz cron expression (seconds first) for every day at <paramref name="at"/>.</summary>
    public static string DailyCron(TimeOnly at) => string.Create(CultureInfo.InvariantCulture, $"{at.Second} {at.Minute} {at.Hour} * * ?");
}
