using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorklistPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CertificateWatches_BodyId_ListedFrom",
                table: "CertificateWatches");

            migrationBuilder.DropIndex(
                name: "IX_CertificateWatches_ListedFrom",
                table: "CertificateWatches");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateWatches_BodyId_NextDueOn_CertificateId",
                table: "CertificateWatches",
                columns: new[] { "BodyId", "NextDueOn", "CertificateId" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateWatches_NextDueOn",
                table: "CertificateWatches",
                column: "NextDueOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CertificateWatches_BodyId_NextDueOn_CertificateId",
                table: "CertificateWatches");

            migrationBuilder.DropIndex(
                name: "IX_CertificateWatches_NextDueOn",
                table: "CertificateWatches");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateWatches_BodyId_ListedFrom",
                table: "CertificateWatches",
                columns: new[] { "BodyId", "ListedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateWatches_ListedFrom",
                table: "CertificateWatches",
                column: "ListedFrom");
        }
    }
}
