using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CertificateSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_HolderId",
                table: "Certificates");

            migrationBuilder.CreateTable(
                name: "CertificateModels",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateModels", x => new { x.Key, x.CertificateId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_HolderId_Number",
                table: "Certificates",
                columns: new[] { "HolderId", "Number" });

            // The models of the certificates already issued, keyed as CertificateModelKeys.KeyOf keys them (spaces out, upper
            // case, at most 100 characters); new ones are keyed as they are saved.
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "CertificateModels" ("Key", "CertificateId")
                SELECT substr(upper(replace(json_extract("Product", '$.mainModel'), ' ', '')), 1, 100), "Id" FROM "Certificates"
                WHERE json_extract("Product", '$.mainModel') IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "CertificateModels" ("Key", "CertificateId")
                SELECT substr(upper(replace(json_extract(s.value, '$.model'), ' ', '')), 1, 100), c."Id"
                FROM "Certificates" c, json_each(c."Product", '$.seriesModels') s
                WHERE json_extract(s.value, '$.model') IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CertificateModels");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_HolderId_Number",
                table: "Certificates");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_HolderId",
                table: "Certificates",
                column: "HolderId");
        }
    }
}
