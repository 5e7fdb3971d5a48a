using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Metrics.Data.Migrations
{
    /// <inheritdoc />
    public partial class PeriodOutcomeColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "age_band",
                table: "periods",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "barriers",
                table: "periods",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<int>(
                name: "credential",
                table: "periods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "disability",
                table: "periods",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "earnings_q2",
                table: "periods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "employed_q2",
                table: "periods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "employed_q4",
                table: "periods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ethnicity_and_race",
                table: "periods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "exit_reason",
                table: "periods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int[]>(
                name: "gain_program_years",
                table: "periods",
                type: "integer[]",
                nullable: false,
                defaultValue: new int[0]);

            migrationBuilder.AddColumn<int>(
                name: "outcomes_version",
                table: "periods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "retention",
                table: "periods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "sex",
                table: "periods",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "skill_gains_excluded",
                table: "periods",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "wages_q2",
                table: "periods",
                type: "numeric",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "age_band",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "barriers",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "credential",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "disability",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "earnings_q2",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "employed_q2",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "employed_q4",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "ethnicity_and_race",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "exit_reason",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "gain_program_years",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "outcomes_version",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "retention",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "sex",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "skill_gains_excluded",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "wages_q2",
                table: "periods");
        }
    }
}
