using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CertificateLifecycleAndKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "ApplicationId",
                table: "Certificates",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "HolderAddress_En",
                table: "Certificates",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "HolderAddress_Zh",
                table: "Certificates",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PredecessorId",
                table: "Certificates",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PredecessorNumber",
                table: "Certificates",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Certificates",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "StateReason",
                table: "Certificates",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusHistory",
                table: "Certificates",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "StatusListIndex",
                table: "Certificates",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SupersededBy",
                table: "Certificates",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SuspendedUntil",
                table: "Certificates",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Versions",
                table: "Certificates",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "IssuedCredentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuedCredentials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuedCredentials_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    KeyId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PublicKey = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    ProtectedPrivateKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevocationReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SigningKeys_Organisations_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Certificates issued before status lists get places in their body's lists in the order they were made.
            migrationBuilder.Sql("UPDATE \"Certificates\" SET \"StatusListIndex\" = (SELECT COUNT(*) FROM \"Certificates\" AS c2 " +
                "WHERE c2.\"BodyId\" = \"Certificates\".\"BodyId\" AND c2.\"Id\" < \"Certificates\".\"Id\")");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_BodyId_StatusListIndex",
                table: "Certificates",
                columns: new[] { "BodyId", "StatusListIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ValidUntil",
                table: "Certificates",
                column: "ValidUntil");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedCredentials_CertificateId_Version",
                table: "IssuedCredentials",
                columns: new[] { "CertificateId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedCredentials_Number",
                table: "IssuedCredentials",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_SigningKeys_BodyId_KeyId",
                table: "SigningKeys",
                columns: new[] { "BodyId", "KeyId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IssuedCredentials");

            migrationBuilder.DropTable(
                name: "SigningKeys");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_BodyId_StatusListIndex",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_ValidUntil",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "HolderAddress_En",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "HolderAddress_Zh",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "PredecessorId",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "PredecessorNumber",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "StateReason",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "StatusHistory",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "StatusListIndex",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "SupersededBy",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "SuspendedUntil",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "Versions",
                table: "Certificates");

            migrationBuilder.AlterColumn<Guid>(
                name: "ApplicationId",
                table: "Certificates",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
