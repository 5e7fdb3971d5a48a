using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Engagement.Data.Migrations
{
    /// <inheritdoc />
    public partial class LmiFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Analyses run before this counted an unassessed skill as level 0, among the gaps; they list none apart.
            migrationBuilder.AddColumn<string>(
                name: "not_assessed",
                table: "skills_gap_analyses",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "change_suppressed",
                table: "qcew_rows",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "employment_change",
                table: "qcew_rows",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "location_quotient_suppressed",
                table: "qcew_rows",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "not_assessed",
                table: "skills_gap_analyses");

            migrationBuilder.DropColumn(
                name: "change_suppressed",
                table: "qcew_rows");

            migrationBuilder.DropColumn(
                name: "employment_change",
                table: "qcew_rows");

            migrationBuilder.DropColumn(
                name: "location_quotient_suppressed",
                table: "qcew_rows");
        }
    }
}
