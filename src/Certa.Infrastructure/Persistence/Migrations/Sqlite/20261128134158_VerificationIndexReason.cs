using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VerificationIndexReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_Verification",
                table: "Certificates");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Verification",
                table: "Certificates",
                columns: new[] { "Number", "State", "IssuedOn", "ValidUntil", "SupersededBy", "BodyId", "ProductTypeId", "Version", "StateSince", "SuspendedUntil", "StateReason" });

            // The planner needs the new index's statistics, or it reads every row whole through the unique index on Number
            // (the CertificateStateSince migration found this at 1 M).
            migrationBuilder.Sql("""ANALYZE "IX_Certificates_Verification";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_Verification",
                table: "Certificates");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Verification",
                table: "Certificates",
                columns: new[] { "Number", "State", "IssuedOn", "ValidUntil", "SupersededBy", "BodyId", "ProductTypeId", "Version", "StateSince", "SuspendedUntil" });
        }
    }
}
