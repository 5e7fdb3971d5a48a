using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Resources.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResourceFiguresByStrategyIdAndFunder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "strategy_id",
                table: "resource_needs",
                type: "character varying(63)",
                maxLength: 63,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "funder",
                table: "funding_sources",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "strategy_id",
                table: "funding_sources",
                type: "character varying(63)",
                maxLength: 63,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "funding_source_id",
                table: "commitments",
                type: "character varying(63)",
                maxLength: 63,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "strategy_id",
                table: "commitments",
                type: "character varying(63)",
                maxLength: 63,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "strategy_id",
                table: "resource_needs");

            migrationBuilder.DropColumn(
                name: "funder",
                table: "funding_sources");

            migrationBuilder.DropColumn(
                name: "strategy_id",
                table: "funding_sources");

            migrationBuilder.DropColumn(
                name: "funding_source_id",
                table: "commitments");

            migrationBuilder.DropColumn(
                name: "strategy_id",
                table: "commitments");
        }
    }
}
