using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Postgres
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
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateModels", x => new { x.Key, x.CertificateId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_HolderId_Number",
                table: "Certificates",
                columns: new[] { "HolderId", "Number" });

            // The models of the certificates already issued, keyed as CertificateModelKeys.KeyOf keys them (white space out,
            // upper case, at most 100 characters); new ones are keyed as they are saved.
            migrationBuilder.Sql("""
                INSERT INTO "CertificateModels" ("Key", "CertificateId")
                SELECT DISTINCT left(upper(regexp_replace(m.model, '\s', '', 'g')), 100), c."Id"
                FROM "Certificates" c
                CROSS JOIN LATERAL (
                    SELECT c."Product"::jsonb ->> 'mainModel' AS model
                    UNION ALL
                    SELECT s ->> 'model' FROM jsonb_array_elements(c."Product"::jsonb -> 'seriesModels') s) m
                WHERE m.model IS NOT NULL AND regexp_replace(m.model, '\s', '', 'g') <> '';
                """);

            // A holder's name is searched for anywhere in it (LIKE '%…%'): trigrams let that use an index. EF's model cannot
            // describe an expression index with an operator class, so it lives here only (and in Down).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Organisations_Name_Trigrams" ON "Organisations"
                USING gin (lower("Name_En") gin_trgm_ops, lower("Name_Zh") gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Organisations_Name_Trigrams\";");

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
