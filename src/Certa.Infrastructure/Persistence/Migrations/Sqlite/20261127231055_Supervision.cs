using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Certa.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "Organisations",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CreditRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OccurredAt = table.Column<string>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CausedBy = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeclaredRelations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    RelatedTo = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DeclaredAt = table.Column<string>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclaredRelations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeclaredRelations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Draws",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AuthorityId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    DrawDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublicRandom = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PopulationSize = table.Column<int>(type: "INTEGER", nullable: false),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordJson = table.Column<string>(type: "TEXT", nullable: false),
                    MadeAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Draws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Draws_Organisations_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Inspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganisedBy = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    DrawId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EnterpriseId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    BodyId = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    SchemeId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProductTypeId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Inspectors = table.Column<string>(type: "TEXT", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PerformedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Findings = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PlannedAt = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inspections_Draws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "Draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inspections_Organisations_OrganisedBy",
                        column: x => x.OrganisedBy,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Action_OccurredAt",
                table: "AuditEvents",
                columns: new[] { "Action", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_CausedBy_SubjectKind_SubjectId_Type",
                table: "CreditRecords",
                columns: new[] { "CausedBy", "SubjectKind", "SubjectId", "Type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_SubjectKind_SubjectId_OccurredAt",
                table: "CreditRecords",
                columns: new[] { "SubjectKind", "SubjectId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeclaredRelations_PersonId",
                table: "DeclaredRelations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DeclaredRelations_RelatedTo",
                table: "DeclaredRelations",
                column: "RelatedTo");

            migrationBuilder.CreateIndex(
                name: "IX_Draws_AuthorityId_MadeAt",
                table: "Draws",
                columns: new[] { "AuthorityId", "MadeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Draws_Reference",
                table: "Draws",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_BodyId_State",
                table: "Inspections",
                columns: new[] { "BodyId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_CertificateId",
                table: "Inspections",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_DrawId",
                table: "Inspections",
                column: "DrawId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_EnterpriseId",
                table: "Inspections",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_OrganisedBy_State",
                table: "Inspections",
                columns: new[] { "OrganisedBy", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_RecordedAt_State",
                table: "Inspections",
                columns: new[] { "RecordedAt", "State" });

            // Draws and credit records are append-only: the database itself refuses to change or remove one.
            foreach (var table in new[] { "Draws", "CreditRecords" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table.ToLowerInvariant()}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only: UPDATE refused'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table.ToLowerInvariant()}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE refused'); END;");
            }

            Certa.Infrastructure.Supervision.Scheduling.QuartzJobStoreSchema.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Certa.Infrastructure.Supervision.Scheduling.QuartzJobStoreSchema.Drop(migrationBuilder);
            foreach (var table in new[] { "Draws", "CreditRecords" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table.ToLowerInvariant()}_no_update;");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table.ToLowerInvariant()}_no_delete;");
            }

            migrationBuilder.DropTable(
                name: "CreditRecords");

            migrationBuilder.DropTable(
                name: "DeclaredRelations");

            migrationBuilder.DropTable(
                name: "Inspections");

            migrationBuilder.DropTable(
                name: "Draws");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_Action_OccurredAt",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "Organisations");
        }
    }
}
