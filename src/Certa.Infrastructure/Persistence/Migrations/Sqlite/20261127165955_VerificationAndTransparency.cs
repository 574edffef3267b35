using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 63,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "MessageListIndex",
                table: "IssuedCredentials",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "StatusLists",
                columns: table => new
                {
                    BodyId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SetBits = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<string>(type: "TEXT", nullable: false)
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
                    Index = table.Column<long>(type: "INTEGER", nullable: false),
                    AuditSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Leaf = table.Column<string>(type: "TEXT", nullable: false),
                    LeafHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Timestamp = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransparencyLogEntries", x => x.Index);
                });

            migrationBuilder.CreateTable(
                name: "TransparencyLogNodes",
                columns: table => new
                {
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Index = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransparencyLogNodes", x => new { x.Level, x.Index });
                });

            migrationBuilder.CreateTable(
                name: "TransparencyTreeHeads",
                columns: table => new
                {
                    TreeSize = table.Column<long>(type: "INTEGER", nullable: false),
                    Timestamp = table.Column<string>(type: "TEXT", nullable: false),
                    RootHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Signature = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransparencyTreeHeads", x => x.TreeSize);
                });

            // Credentials signed before message lists existed: their body, and a place each in its body's message list.
            migrationBuilder.Sql("""
                UPDATE IssuedCredentials SET BodyId = (SELECT c.BodyId FROM Certificates c WHERE c.Id = IssuedCredentials.CertificateId);
                UPDATE IssuedCredentials SET MessageListIndex = (SELECT COUNT(*) FROM IssuedCredentials o
                    WHERE o.BodyId = IssuedCredentials.BodyId AND (o.SignedAt < IssuedCredentials.SignedAt OR (o.SignedAt = IssuedCredentials.SignedAt AND o.Id < IssuedCredentials.Id)));
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
                CREATE TRIGGER transparencylogentries_no_update BEFORE UPDATE ON TransparencyLogEntries
                BEGIN SELECT RAISE(ABORT, 'TransparencyLogEntries is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER transparencylogentries_no_delete BEFORE DELETE ON TransparencyLogEntries
                BEGIN SELECT RAISE(ABORT, 'TransparencyLogEntries is append-only: DELETE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER transparencylognodes_no_update BEFORE UPDATE ON TransparencyLogNodes
                BEGIN SELECT RAISE(ABORT, 'TransparencyLogNodes is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER transparencylognodes_no_delete BEFORE DELETE ON TransparencyLogNodes
                BEGIN SELECT RAISE(ABORT, 'TransparencyLogNodes is append-only: DELETE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER transparencytreeheads_no_update BEFORE UPDATE ON TransparencyTreeHeads
                BEGIN SELECT RAISE(ABORT, 'TransparencyTreeHeads is append-only: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER transparencytreeheads_no_delete BEFORE DELETE ON TransparencyTreeHeads
                BEGIN SELECT RAISE(ABORT, 'TransparencyTreeHeads is append-only: DELETE refused'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS transparencylogentries_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS transparencylogentries_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS transparencylognodes_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS transparencylognodes_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS transparencytreeheads_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS transparencytreeheads_no_delete;");

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
