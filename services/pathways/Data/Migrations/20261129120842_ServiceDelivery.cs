using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Pathways.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "employer_needs",
                table: "programs",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "skills_gaps",
                table: "programs",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "programs",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "barriers",
                table: "participants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "supportive_services",
                table: "participants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "career_pathways",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "capacity_building_activities",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    partnership_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    audience = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    topic = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    activity_date = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    people_trained = table.Column<int>(type: "integer", nullable: false),
                    provider_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capacity_building_activities", x => new { x.tenant_id, x.partnership_id, x.id });
                });

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

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    partnership_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    participant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    organization_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    barrier = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    need = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    referred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    outcome_date = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => new { x.tenant_id, x.partnership_id, x.participant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "work_based_learning_opportunities",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    partnership_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    display_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    rapids_program_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    employer_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    career_pathway_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    pathway_step = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    occupation = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    hourly_wage = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    places_offered = table.Column<int>(type: "integer", nullable: false),
                    places_filled = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_based_learning_opportunities", x => new { x.tenant_id, x.partnership_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "worker_feedback",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    partnership_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    subject = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    barrier = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    program_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: true),
                    employer_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: true),
                    rating = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    feedback_date = table.Column<DateOnly>(type: "date", nullable: false),
                    anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    participant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_worker_feedback", x => new { x.tenant_id, x.partnership_id, x.id });
                    table.CheckConstraint("ck_worker_feedback_anonymous_names_no_participant", "NOT anonymous OR participant_id IS NULL");
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
                name: "capacity_building_activities");

            migrationBuilder.DropTable(
                name: "job_quality_assessments");

            migrationBuilder.DropTable(
                name: "job_quality_guidelines");

            migrationBuilder.DropTable(
                name: "placements");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "work_based_learning_opportunities");

            migrationBuilder.DropTable(
                name: "worker_feedback");

            migrationBuilder.DropColumn(
                name: "employer_needs",
                table: "programs");

            migrationBuilder.DropColumn(
                name: "skills_gaps",
                table: "programs");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "programs");

            migrationBuilder.DropColumn(
                name: "barriers",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "supportive_services",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "career_pathways");
        }
    }
}
