using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Pathways.Data.Migrations
{
    /// <inheritdoc />
    public partial class PathwayVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "career_pathways",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "career_pathways");
        }
    }
}
