using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Pathways.Data.Migrations
{
    /// <inheritdoc />
    public partial class JobQuality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job_quality_assessments",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    partnership_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    employer_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    assessment_date = table.Column<DateOnly>(type: "date", nullable: false),
                    facts = table.Column<string>(type: "jsonb", nullable: false),
                    findings = table.Column<string>(type: "jsonb", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_quality_assessments", x => new { x.tenant_id, x.partnership_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "job_quality_guidelines",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    partnership_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    commitments = table.Column<string>(type: "jsonb", nullable: false),
                    standards = table.Column<string>(type: "jsonb", nullable: false),
                    update_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_quality_guidelines", x => new { x.tenant_id, x.partnership_id });
                });

            migrationBuilder.CreateTable(
                name: "placements",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    partnership_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    participant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    employer_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    occupation = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    facts = table.Column<string>(type: "jsonb", nullable: false),
                    verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reasons = table.Column<string>(type: "jsonb", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_placements", x => new { x.tenant_id, x.partnership_id, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_job_quality_assessments_tenant_id_partnership_id_employer_id",
                table: "job_quality_assessments",
                columns: new[] { "tenant_id", "partnership_id", "employer_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_quality_assessments");

            migrationBuilder.DropTable(
                name: "job_quality_guidelines");

            migrationBuilder.DropTable(
                name: "placements");
        }
    }
}
