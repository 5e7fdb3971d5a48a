using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Pathways.Data.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantPeriodsDetailsAndDemographics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "demographics",
                table: "participants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{\"sex\":null,\"ethnicityAndRace\":[]}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "earlier_periods",
                table: "participants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "reporting_details",
                table: "participants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{\"programs\":[],\"ageAtEntry\":null,\"education\":{\"postsecondary\":false,\"secondary\":false}}'::jsonb");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "demographics",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "earlier_periods",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "reporting_details",
                table: "participants");
        }
    }
}
