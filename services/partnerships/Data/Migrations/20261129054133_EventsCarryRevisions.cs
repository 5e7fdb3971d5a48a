using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Partnerships.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventsCarryRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "revision",
                table: "partnerships",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "partition",
                table: "outbox_messages",
                type: "character varying(130)",
                maxLength: 130,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_processed_messages_processed_at",
                table: "processed_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_dispatched",
                table: "outbox_messages",
                column: "dispatched_at",
                filter: "dispatched_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_processed_messages_processed_at",
                table: "processed_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_dispatched",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "partnerships");

            migrationBuilder.DropColumn(
                name: "partition",
                table: "outbox_messages");
        }
    }
}
