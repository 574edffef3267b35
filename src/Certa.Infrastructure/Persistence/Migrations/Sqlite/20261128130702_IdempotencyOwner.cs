using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdempotencyOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Owner",
                table: "IdempotencyKeys",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Owner",
                table: "IdempotencyKeys");
        }
    }
}
