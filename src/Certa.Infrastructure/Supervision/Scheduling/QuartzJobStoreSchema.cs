using Microsoft.EntityFrameworkCore.Migrations;

namespace Certa.Infrastructure.Supervision.Scheduling;

/// <summary>
/// The tables Quartz.NET's ADO.NET job store reads and writes (prefix <c>QRTZ_</c>), created by Certa's own migrations
/// from Quartz's own schema scripts (<see cref="QuartzTablesSqlite"/>, <see cref="QuartzTablesPostgres"/>), so every
/// table of the database is under one migration history. Quartz checks the schema when it starts (its default) and
/// refuses to start on a table or column it misses.
/// </summary>
public static class QuartzJobStoreSchema
{
    /// <summary>The prefix the job store is configured with; PostgreSQL folds the unquoted names to lower case.</summary>
    public const string TablePrefix = "QRTZ_";

    private static readonly string[] Tables =
        ["job_status", "misfire_history", "execution_history", "fired_triggers", "paused_job_grps", "paused_trigger_grps", "scheduler_state", "locks",
         "simple_triggers", "simprop_triggers", "cron_triggers", "blob_triggers", "triggers", "job_details", "calendars"];

    /// <summary>Creates the tables for the migration's provider.</summary>
    public static void Create(MigrationBuilder migrationBuilder)
    {
        var postgres = migrationBuilder.ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true;
        foreach (var statement in postgres ? QuartzTablesPostgres.Statements : QuartzTablesSqlite.Statements)
        {
            migrationBuilder.Sql(statement.Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal));
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {TablePrefix}{table};");
        }
    }
}
