using Microsoft.EntityFrameworkCore.Migrations;

namespace Certa.Infrastructure.Supervision.Scheduling;

/// <summary>
/// The tables Quartz.NET's ADO.NET job store reads and writes (prefix <c>QRTZ_</c>), written for Certa from the
/// column list the job store's SQL uses: the schema packages Quartz offers are not available here, and Certa keeps
/// every table under its own migrations. Times are ticks (bigint), flags booleans, job data bytes.
/// </summary>
public static class QuartzJobStoreSchema
{
    public const string TablePrefix = "QRTZ_";

    /// <summary>Creates the tables for the migration's provider.</summary>
    public static void Create(MigrationBuilder migrationBuilder)
    {
        var postgres = migrationBuilder.ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true;
        foreach (var statement in Statements(postgres ? "boolean" : "integer", postgres ? "bytea" : "blob"))
        {
            migrationBuilder.Sql(statement);
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        string[] tables = ["fired_triggers", "paused_trigger_grps", "scheduler_state", "locks", "simple_triggers", "simprop_triggers",
            "cron_triggers", "blob_triggers", "triggers", "job_details", "calendars"];
        foreach (var table in tables)
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS qrtz_{table};");
        }
    }

    private static IEnumerable<string> Statements(string flag, string bytes)
    {
        const string TriggerKey = "sched_name varchar(120) NOT NULL, trigger_name varchar(150) NOT NULL, trigger_group varchar(150) NOT NULL";
        const string TriggerForeignKey = "FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE";
        yield return $"""
            CREATE TABLE qrtz_job_details (
                sched_name varchar(120) NOT NULL, job_name varchar(150) NOT NULL, job_group varchar(150) NOT NULL,
                description varchar(250) NULL, job_class_name varchar(250) NOT NULL,
                is_durable {flag} NOT NULL, is_nonconcurrent {flag} NOT NULL, is_update_data {flag} NOT NULL, requests_recovery {flag} NOT NULL,
                job_data {bytes} NULL,
                PRIMARY KEY (sched_name, job_name, job_group));
            """;
        yield return $"""
            CREATE TABLE qrtz_triggers (
                {TriggerKey},
                job_name varchar(150) NOT NULL, job_group varchar(150) NOT NULL, description varchar(250) NULL,
                next_fire_time bigint NULL, prev_fire_time bigint NULL, priority integer NULL,
                trigger_state varchar(16) NOT NULL, trigger_type varchar(8) NOT NULL,
                start_time bigint NOT NULL, end_time bigint NULL, calendar_name varchar(200) NULL, misfire_instr smallint NULL,
                misfire_orig_fire_time bigint NULL, job_data {bytes} NULL,
                PRIMARY KEY (sched_name, trigger_name, trigger_group),
                FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group));
            """;
        yield return $"""
            CREATE TABLE qrtz_simple_triggers (
                {TriggerKey}, repeat_count bigint NOT NULL, repeat_interval bigint NOT NULL, times_triggered bigint NOT NULL,
                PRIMARY KEY (sched_name, trigger_name, trigger_group), {TriggerForeignKey});
            """;
        yield return $"""
            CREATE TABLE qrtz_simprop_triggers (
                {TriggerKey},
                str_prop_1 varchar(512) NULL, str_prop_2 varchar(512) NULL, str_prop_3 varchar(512) NULL,
                int_prop_1 integer NULL, int_prop_2 integer NULL, long_prop_1 bigint NULL, long_prop_2 bigint NULL,
                dec_prop_1 numeric NULL, dec_prop_2 numeric NULL, bool_prop_1 {flag} NULL, bool_prop_2 {flag} NULL, time_zone_id varchar(80) NULL,
                PRIMARY KEY (sched_name, trigger_name, trigger_group), {TriggerForeignKey});
            """;
        yield return $"""
            CREATE TABLE qrtz_cron_triggers (
                {TriggerKey}, cron_expression varchar(250) NOT NULL, time_zone_id varchar(80) NULL,
                PRIMARY KEY (sched_name, trigger_name, trigger_group), {TriggerForeignKey});
            """;
        yield return $"""
            CREATE TABLE qrtz_blob_triggers (
                {TriggerKey}, blob_data {bytes} NULL,
                PRIMARY KEY (sched_name, trigger_name, trigger_group), {TriggerForeignKey});
            """;
        yield return $"""
            CREATE TABLE qrtz_calendars (
                sched_name varchar(120) NOT NULL, calendar_name varchar(200) NOT NULL, calendar {bytes} NOT NULL,
                PRIMARY KEY (sched_name, calendar_name));
            """;
        yield return """
            CREATE TABLE qrtz_paused_trigger_grps (
                sched_name varchar(120) NOT NULL, trigger_group varchar(150) NOT NULL,
                PRIMARY KEY (sched_name, trigger_group));
            """;
        yield return $"""
            CREATE TABLE qrtz_fired_triggers (
                sched_name varchar(120) NOT NULL, entry_id varchar(140) NOT NULL,
                trigger_name varchar(150) NOT NULL, trigger_group varchar(150) NOT NULL, instance_name varchar(200) NOT NULL,
                fired_time bigint NOT NULL, sched_time bigint NOT NULL, priority integer NOT NULL, state varchar(16) NOT NULL,
                job_name varchar(150) NULL, job_group varchar(150) NULL, is_nonconcurrent {flag} NOT NULL, requests_recovery {flag} NULL,
                PRIMARY KEY (sched_name, entry_id));
            """;
        yield return """
            CREATE TABLE qrtz_scheduler_state (
                sched_name varchar(120) NOT NULL, instance_name varchar(200) NOT NULL,
                last_checkin_time bigint NOT NULL, checkin_interval bigint NOT NULL,
                PRIMARY KEY (sched_name, instance_name));
            """;
        yield return """
            CREATE TABLE qrtz_locks (
                sched_name varchar(120) NOT NULL, lock_name varchar(40) NOT NULL,
                PRIMARY KEY (sched_name, lock_name));
            """;
        // The job store looks triggers up by state and next fire time, and fired triggers by instance and job.
        yield return "CREATE INDEX idx_qrtz_t_next_fire_time ON qrtz_triggers (sched_name, next_fire_time);";
        yield return "CREATE INDEX idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time);";
        yield return "CREATE INDEX idx_qrtz_t_j ON qrtz_triggers (sched_name, job_name, job_group);";
        yield return "CREATE INDEX idx_qrtz_ft_trig_inst_name ON qrtz_fired_triggers (sched_name, instance_name);";
        yield return "CREATE INDEX idx_qrtz_ft_j_g ON qrtz_fired_triggers (sched_name, job_name, job_group);";
        yield return "CREATE INDEX idx_qrtz_ft_t_g ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);";
    }
}
