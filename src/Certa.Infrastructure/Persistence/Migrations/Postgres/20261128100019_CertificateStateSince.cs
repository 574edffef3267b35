using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CertificateStateSince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_Verification",
                table: "Certificates");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StateSince",
                table: "Certificates",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // The last status change's time, cut to the microsecond as Npgsql cuts the times it writes (a cast would round the
            // seventh digit of .NET's ticks, and could carry a time into the next day).
            migrationBuilder.Sql("""
                UPDATE "Certificates"
                SET "StateSince" = regexp_replace("StatusHistory"::jsonb -> -1 ->> 'at', '(\.\d{6})\d+', '\1')::timestamptz
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Verification",
                table: "Certificates",
                columns: new[] { "Number", "State", "IssuedOn", "ValidUntil", "SupersededBy", "BodyId", "ProductTypeId", "Version", "StateSince", "SuspendedUntil" });

            // Every row was rewritten: fresh statistics for the planner (the vacuum that marks pages all-visible, which index-only
            // scans need, is autovacuum's; a migration's transaction cannot run it).
            migrationBuilder.Sql("""ANALYZE "Certificates";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_Verification",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "StateSince",
                table: "Certificates");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Verification",
                table: "Certificates",
                columns: new[] { "Number", "State", "IssuedOn", "ValidUntil", "SupersededBy", "BodyId", "ProductTypeId", "Version" });
        }
    }
}
