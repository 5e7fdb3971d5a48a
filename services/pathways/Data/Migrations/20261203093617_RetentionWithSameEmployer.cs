using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Pathways.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetentionWithSameEmployer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "retained_with_same_employer",
                table: "participants",
                type: "boolean",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "retained_with_same_employer",
                table: "participants");
        }
    }
}
