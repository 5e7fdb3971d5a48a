using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Pathways.Data.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantSupports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "barriers",
                table: "participants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "supportive_services",
                table: "participants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    partnership_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    participant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    organization_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    barrier = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    need = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    referred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    outcome_date = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => new { x.tenant_id, x.partnership_id, x.participant_id, x.id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropColumn(
                name: "barriers",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "supportive_services",
                table: "participants");
        }
    }
}
