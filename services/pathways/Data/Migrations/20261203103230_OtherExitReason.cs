using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Pathways.Data.Migrations
{
    /// <inheritdoc />
    public partial class OtherExitReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "exit_reason",
                table: "participants",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "None");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "exit_reason",
                table: "participants");
        }
    }
}
