using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Partnerships.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignaturesRecordTheSigner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
