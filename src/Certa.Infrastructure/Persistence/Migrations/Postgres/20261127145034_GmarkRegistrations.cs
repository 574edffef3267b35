using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GmarkRegistrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GmarkRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Gcts = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BodyId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    HolderId = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    SchemeId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Details = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RejectedBecause = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StateChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    History = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GmarkRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GmarkRegistrations_Organisations_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GmarkRegistrations_Organisations_HolderId",
                        column: x => x.HolderId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GmarkRegistrations_BodyId_State",
                table: "GmarkRegistrations",
                columns: new[] { "BodyId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_GmarkRegistrations_Gcts",
                table: "GmarkRegistrations",
                column: "Gcts",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GmarkRegistrations_HolderId",
                table: "GmarkRegistrations",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_GmarkRegistrations_State",
                table: "GmarkRegistrations",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GmarkRegistrations");
        }
    }
}
