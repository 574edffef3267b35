using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatisticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Certificates_IssuedOn",
                table: "Certificates",
                column: "IssuedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_SchemeId_State",
                table: "Certificates",
                columns: new[] { "SchemeId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_IssuedOn",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_SchemeId_State",
                table: "Certificates");
        }
    }
}
