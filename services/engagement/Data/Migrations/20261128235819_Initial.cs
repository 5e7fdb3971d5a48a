using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SectorMesh.Engagement.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cohorts",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    partnership_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    skills = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cohorts", x => new { x.tenant_id, x.partnership_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "employers",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    partnership_id = table.Column<string>(type: "text", nullable: false),
                    organization_id = table.Column<string>(type: "text", nullable: false),
                    organization_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_current_partner = table.Column<bool>(type: "boolean", nullable: false),
                    champions = table.Column<string>(type: "jsonb", nullable: false),
                    activities = table.Column<string>(type: "jsonb", nullable: false),
                    needs = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employers", x => new { x.tenant_id, x.partnership_id, x.organization_id });
                });

            migrationBuilder.CreateTable(
                name: "lmi_reviews",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    partnership_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    data_point = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organization_id = table.Column<string>(type: "text", nullable: false),
                    verdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lmi_reviews", x => new { x.tenant_id, x.partnership_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    partnership_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    agenda = table.Column<string>(type: "jsonb", nullable: false),
                    attendees = table.Column<string>(type: "jsonb", nullable: false),
                    decisions = table.Column<string>(type: "jsonb", nullable: false),
                    action_items = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => new { x.tenant_id, x.partnership_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "oews_rows",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    area_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    industry_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ownership_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    occupation_code = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    area_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    area_type = table.Column<int>(type: "integer", nullable: false),
                    occupation_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    occupation_group = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    employment = table.Column<long>(type: "bigint", nullable: true),
                    location_quotient = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    annual_mean_wage = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    annual_median_wage = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    wage_top_coded = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oews_rows", x => new { x.tenant_id, x.occupation_code, x.year, x.area_code, x.industry_code, x.ownership_code });
                });

            migrationBuilder.CreateTable(
                name: "onet_ratings",
                columns: table => new
                {
                    onet_soc_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    element_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    scale = table.Column<int>(type: "integer", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    element_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    data_value = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    recommend_suppress = table.Column<bool>(type: "boolean", nullable: false),
                    not_relevant = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_onet_ratings", x => new { x.tenant_id, x.onet_soc_code, x.element_id, x.scale });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "partnerships",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    partnership_id = table.Column<string>(type: "text", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    naics_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partnerships", x => new { x.tenant_id, x.partnership_id });
                });

            migrationBuilder.CreateTable(
                name: "processed_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processed_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "qcew_rows",
                columns: table => new
                {
                    area_fips = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    ownership = table.Column<int>(type: "integer", nullable: false),
                    industry_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    aggregation_level = table.Column<int>(type: "integer", nullable: false),
                    suppressed = table.Column<bool>(type: "boolean", nullable: false),
                    establishments = table.Column<long>(type: "bigint", nullable: true),
                    employment = table.Column<long>(type: "bigint", nullable: true),
                    total_wages = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    average_annual_pay = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    published_location_quotient = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    employment_change_percent = table.Column<decimal>(type: "numeric(8,1)", precision: 8, scale: 1, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_qcew_rows", x => new { x.tenant_id, x.year, x.quarter, x.area_fips, x.ownership, x.industry_code });
                });

            migrationBuilder.CreateTable(
                name: "skills_gap_analyses",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    partnership_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<string>(type: "text", nullable: false),
                    cohort_id = table.Column<string>(type: "text", nullable: false),
                    target_occupations = table.Column<string>(type: "jsonb", nullable: false),
                    gaps = table.Column<string>(type: "jsonb", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_skills_gap_analyses", x => new { x.tenant_id, x.partnership_id, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_lmi_reviews_tenant_id_partnership_id_data_point_recorded_at",
                table: "lmi_reviews",
                columns: new[] { "tenant_id", "partnership_id", "data_point", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_pending",
                table: "outbox_messages",
                column: "sequence",
                filter: "dispatched_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cohorts");

            migrationBuilder.DropTable(
                name: "employers");

            migrationBuilder.DropTable(
                name: "lmi_reviews");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "oews_rows");

            migrationBuilder.DropTable(
                name: "onet_ratings");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "partnerships");

            migrationBuilder.DropTable(
                name: "processed_messages");

            migrationBuilder.DropTable(
                name: "qcew_rows");

            migrationBuilder.DropTable(
                name: "skills_gap_analyses");
        }
    }
}
