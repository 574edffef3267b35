using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CertificateVerificationIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Verification",
                table: "Certificates",
                columns: new[] { "Number", "State", "IssuedOn", "ValidUntil", "SupersededBy", "BodyId", "ProductTypeId", "Version" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_Verification",
                table: "Certificates");
        }
    }
}
