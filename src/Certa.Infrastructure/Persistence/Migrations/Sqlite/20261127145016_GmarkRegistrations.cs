using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Gcts = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BodyId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    HolderId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    SchemeId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RejectedBecause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegisteredAt = table.Column<string>(type: "TEXT", nullable: false),
                    StateChangedAt = table.Column<string>(type: "TEXT", nullable: false),
                    History = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
