using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Metrics.Data.Migrations
{
    /// <inheritdoc />
    public partial class Surveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "survey_responses",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    partnership_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    survey_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    respondent = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_responses", x => new { x.tenant_id, x.partnership_id, x.survey_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "surveys",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    partnership_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    invited = table.Column<int>(type: "integer", nullable: false),
                    questions = table.Column<string>(type: "jsonb", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys", x => new { x.tenant_id, x.partnership_id, x.id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "survey_responses");

            migrationBuilder.DropTable(
                name: "surveys");
        }
    }
}
