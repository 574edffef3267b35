using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VerificationAndTransparency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyId",
                table: "IssuedCredentials",
                type: "character varying(63)",
                maxLength: 63,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "MessageListIndex",
                table: "IssuedCredentials",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "StatusLists",
                columns: table => new
                {
                    BodyId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    ETag = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SetBits = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusLists", x => new { x.BodyId, x.Purpose });
                    table.ForeignKey(
                        name: "FK_StatusLists_Organisations_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TransparencyLogEntries",
                columns: table => new
                {
                    Index = table.Column<long>(type: "bigint", nullable: false),
                    AuditSequence = table.Column<long>(type: "bigint", nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Leaf = table.Column<string>(type: "text", nullable: false),
                    LeafHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransparencyLogEntries", x => x.Index);
                });

            migrationBuilder.CreateTable(
                name: "TransparencyLogNodes",
                columns: table => new
                {
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransparencyLogNodes", x => new { x.Level, x.Index });
                });

            migrationBuilder.CreateTable(
                name: "TransparencyTreeHeads",
                columns: table => new
                {
                    TreeSize = table.Column<long>(type: "bigint", nullable: false),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RootHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Signature = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransparencyTreeHeads", x => x.TreeSize);
                });

            // Credentials signed before message lists existed: their body, and a place each in its body's message list.
            migrationBuilder.Sql("""
                UPDATE "IssuedCredentials" i SET "BodyId" = c."BodyId" FROM "Certificates" c WHERE c."Id" = i."CertificateId";
                UPDATE "IssuedCredentials" i SET "MessageListIndex" = r.n FROM (
                    SELECT "Id", (ROW_NUMBER() OVER (PARTITION BY "BodyId" ORDER BY "SignedAt", "Id") - 1)::int AS n FROM "IssuedCredentials") r
                WHERE r."Id" = i."Id";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedCredentials_BodyId_MessageListIndex",
                table: "IssuedCredentials",
                columns: new[] { "BodyId", "MessageListIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TransparencyLogEntries_AuditSequence",
                table: "TransparencyLogEntries",
                column: "AuditSequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TransparencyLogEntries_CertificateNumber",
                table: "TransparencyLogEntries",
                column: "CertificateNumber");

            migrationBuilder.CreateIndex(
                name: "IX_TransparencyLogEntries_LeafHash",
                table: "TransparencyLogEntries",
                column: "LeafHash");

            migrationBuilder.Sql("""
                CREATE FUNCTION certa_transparency_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER transparencylogentries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "TransparencyLogEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION certa_transparency_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER transparencylognodes_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "TransparencyLogNodes"
                    FOR EACH STATEMENT EXECUTE FUNCTION certa_transparency_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER transparencytreeheads_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "TransparencyTreeHeads"
                    FOR EACH STATEMENT EXECUTE FUNCTION certa_transparency_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS transparencylogentries_append_only ON \"TransparencyLogEntries\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS transparencylognodes_append_only ON \"TransparencyLogNodes\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS transparencytreeheads_append_only ON \"TransparencyTreeHeads\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS certa_transparency_append_only();");

            migrationBuilder.DropTable(
                name: "StatusLists");

            migrationBuilder.DropTable(
                name: "TransparencyLogEntries");

            migrationBuilder.DropTable(
                name: "TransparencyLogNodes");

            migrationBuilder.DropTable(
                name: "TransparencyTreeHeads");

            migrationBuilder.DropIndex(
                name: "IX_IssuedCredentials_BodyId_MessageListIndex",
                table: "IssuedCredentials");

            migrationBuilder.DropColumn(
                name: "BodyId",
                table: "IssuedCredentials");

            migrationBuilder.DropColumn(
                name: "MessageListIndex",
                table: "IssuedCredentials");
        }
    }
}
