using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionWatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CertificateWatches",
                columns: table => new
                {
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    ListedFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActsFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateWatches", x => x.CertificateId);
                });

            migrationBuilder.CreateTable(
                name: "CertificateWatchRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MadeAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateWatchRules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateWatches_ActsFrom",
                table: "CertificateWatches",
                column: "ActsFrom");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateWatches_BodyId_ListedFrom",
                table: "CertificateWatches",
                columns: new[] { "BodyId", "ListedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateWatches_ListedFrom",
                table: "CertificateWatches",
                column: "ListedFrom");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CertificateWatches");

            migrationBuilder.DropTable(
                name: "CertificateWatchRules");
        }
    }
}
