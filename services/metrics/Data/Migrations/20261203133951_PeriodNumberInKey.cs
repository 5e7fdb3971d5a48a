using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Metrics.Data.Migrations
{
    /// <inheritdoc />
    public partial class PeriodNumberInKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_periods",
                table: "periods");

            migrationBuilder.AddColumn<int>(
                name: "period_number",
                table: "periods",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddPrimaryKey(
                name: "PK_periods",
                table: "periods",
                columns: new[] { "tenant_id", "partnership_id", "participant_id", "period_number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_periods",
                table: "periods");

            migrationBuilder.DropColumn(
                name: "period_number",
                table: "periods");

            migrationBuilder.AddPrimaryKey(
                name: "PK_periods",
                table: "periods",
                columns: new[] { "tenant_id", "partnership_id", "participant_id" });
        }
    }
}
