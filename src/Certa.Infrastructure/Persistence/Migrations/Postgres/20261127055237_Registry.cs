using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Authorities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Jurisdiction = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ParentId = table.Column<string>(type: "text", nullable: true),
                    Url = table.Column<string>(type: "text", nullable: true),
                    Name_En = table.Column<string>(type: "text", nullable: false),
                    Name_Zh = table.Column<string>(type: "text", nullable: true),
                    Provenance_Note = table.Column<string>(type: "text", nullable: true),
                    Provenance_Source = table.Column<string>(type: "text", nullable: false),
                    Provenance_Verified = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Authorities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Bodies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Abbr = table.Column<string>(type: "text", nullable: false),
                    Country = table.Column<string>(type: "text", nullable: false),
                    City = table.Column<string>(type: "text", nullable: true),
                    ForeignInvested = table.Column<bool>(type: "boolean", nullable: false),
                    GsoNotifiedBodyNumber = table.Column<string>(type: "text", nullable: true),
                    Designations = table.Column<string[]>(type: "text[]", nullable: false),
                    Name_En = table.Column<string>(type: "text", nullable: false),
                    Name_Zh = table.Column<string>(type: "text", nullable: true),
                    Provenance_Note = table.Column<string>(type: "text", nullable: true),
                    Provenance_Source = table.Column<string>(type: "text", nullable: false),
                    Provenance_Verified = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CatalogueChanges",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    SchemeId = table.Column<string>(type: "text", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Instrument = table.Column<string>(type: "text", nullable: false),
                    Effect_En = table.Column<string>(type: "text", nullable: false),
                    Effect_Zh = table.Column<string>(type: "text", nullable: true),
                    Provenance_Note = table.Column<string>(type: "text", nullable: true),
                    Provenance_Source = table.Column<string>(type: "text", nullable: false),
                    Provenance_Verified = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Categories",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    SchemeId = table.Column<string>(type: "text", nullable: false),
                    Edition = table.Column<string>(type: "text", nullable: false),
                    No = table.Column<int>(type: "integer", nullable: false),
                    Name_En = table.Column<string>(type: "text", nullable: false),
                    Name_Zh = table.Column<string>(type: "text", nullable: true),
                    Provenance_Note = table.Column<string>(type: "text", nullable: true),
                    Provenance_Source = table.Column<string>(type: "text", nullable: false),
                    Provenance_Verified = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductTypes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    SchemeId = table.Column<string>(type: "text", nullable: false),
                    CategoryId = table.Column<string>(type: "text", nullable: false),
                    CategoryNo = table.Column<int>(type: "integer", nullable: false),
                    Edition = table.Column<string>(type: "text", nullable: false),
                    No = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: true),
                    Mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RuleId = table.Column<string>(type: "text", nullable: true),
                    StandardFamilies = table.Column<string[]>(type: "text[]", nullable: false),
                    KeywordsEn = table.Column<string[]>(type: "text[]", nullable: false),
                    KeywordsZh = table.Column<string[]>(type: "text[]", nullable: false),
                    HsCodes = table.Column<string[]>(type: "text[]", nullable: false),
                    Name_En = table.Column<string>(type: "text", nullable: false),
                    Name_Zh = table.Column<string>(type: "text", nullable: true),
                    Provenance_Note = table.Column<string>(type: "text", nullable: true),
                    Provenance_Source = table.Column<string>(type: "text", nullable: false),
                    Provenance_Verified = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegistryImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Fingerprint = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Rules",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    SchemeId = table.Column<string>(type: "text", nullable: false),
                    Issued = table.Column<DateOnly>(type: "date", nullable: true),
                    InForce = table.Column<DateOnly>(type: "date", nullable: true),
                    Replaces = table.Column<string[]>(type: "text[]", nullable: false),
                    Provenance_Note = table.Column<string>(type: "text", nullable: true),
                    Provenance_Source = table.Column<string>(type: "text", nullable: false),
                    Provenance_Verified = table.Column<bool>(type: "boolean", nullable: false),
                    Title_En = table.Column<string>(type: "text", nullable: false),
                    Title_Zh = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Schemes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false),
                    AuthorityId = table.Column<string>(type: "text", nullable: false),
                    CoAuthorityIds = table.Column<string[]>(type: "text[]", nullable: false),
                    Jurisdiction = table.Column<string>(type: "text", nullable: false),
                    Obligation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Impact = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Management = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ValidityYears = table.Column<int>(type: "integer", nullable: true),
                    LegalBasis = table.Column<string>(type: "text", nullable: true),
                    Mark_En = table.Column<string>(type: "text", nullable: false),
                    Mark_Zh = table.Column<string>(type: "text", nullable: true),
                    Name_En = table.Column<string>(type: "text", nullable: false),
                    Name_Zh = table.Column<string>(type: "text", nullable: true),
                    Provenance_Note = table.Column<string>(type: "text", nullable: true),
                    Provenance_Source = table.Column<string>(type: "text", nullable: false),
                    Provenance_Verified = table.Column<bool>(type: "boolean", nullable: false),
                    Surveillance_En = table.Column<string>(type: "text", nullable: false),
                    Surveillance_Zh = table.Column<string>(type: "text", nullable: true),
                    Validity_En = table.Column<string>(type: "text", nullable: false),
                    Validity_Zh = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Schemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    TitleEn = table.Column<string>(type: "text", nullable: false),
                    TitleZh = table.Column<string>(type: "text", nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Names = table.Column<string>(type: "text", nullable: false),
                    Verified = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Standards",
                columns: table => new
                {
                    Number = table.Column<string>(type: "text", nullable: false),
                    Family = table.Column<string>(type: "text", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Published = table.Column<DateOnly>(type: "date", nullable: true),
                    InForce = table.Column<DateOnly>(type: "date", nullable: true),
                    Withdrawn = table.Column<DateOnly>(type: "date", nullable: true),
                    Replaces = table.Column<string[]>(type: "text[]", nullable: false),
                    Provenance_Note = table.Column<string>(type: "text", nullable: true),
                    Provenance_Source = table.Column<string>(type: "text", nullable: false),
                    Provenance_Verified = table.Column<bool>(type: "boolean", nullable: false),
                    Title_En = table.Column<string>(type: "text", nullable: false),
                    Title_Zh = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Standards", x => x.Number);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueChanges_SchemeId_Date",
                table: "CatalogueChanges",
                columns: new[] { "SchemeId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Categories_SchemeId_Edition_No",
                table: "Categories",
                columns: new[] { "SchemeId", "Edition", "No" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductTypes_CategoryId",
                table: "ProductTypes",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductTypes_RuleId",
                table: "ProductTypes",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_Rules_SchemeId",
                table: "Rules",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_Schemes_AuthorityId",
                table: "Schemes",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Kind",
                table: "SearchEntries",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_Standards_Family",
                table: "Standards",
                column: "Family");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Authorities");

            migrationBuilder.DropTable(
                name: "Bodies");

            migrationBuilder.DropTable(
                name: "CatalogueChanges");

            migrationBuilder.DropTable(
                name: "Categories");

            migrationBuilder.DropTable(
                name: "ProductTypes");

            migrationBuilder.DropTable(
                name: "RegistryImports");

            migrationBuilder.DropTable(
                name: "Rules");

            migrationBuilder.DropTable(
                name: "Schemes");

            migrationBuilder.DropTable(
                name: "SearchEntries");

            migrationBuilder.DropTable(
                name: "Standards");
        }
    }
}
