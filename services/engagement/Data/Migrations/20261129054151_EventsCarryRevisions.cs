using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Engagement.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventsCarryRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "revision",
                table: "skills_gap_analyses",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "deleted",
                table: "partnerships",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "source_revision",
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

            migrationBuilder.AddColumn<long>(
                name: "revision",
                table: "meetings",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "revision",
                table: "lmi_reviews",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "membership_revision",
                table: "employers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "revision",
                table: "employers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

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
                table: "skills_gap_analyses");

            migrationBuilder.DropColumn(
                name: "deleted",
                table: "partnerships");

            migrationBuilder.DropColumn(
                name: "source_revision",
                table: "partnerships");

            migrationBuilder.DropColumn(
                name: "partition",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "lmi_reviews");

            migrationBuilder.DropColumn(
                name: "membership_revision",
                table: "employers");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "employers");
        }
    }
}
