using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Metrics.Data.Migrations
{
    /// <inheritdoc />
    public partial class PeriodDocumentsApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "period_documents",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    partnership_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    participant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    period_number = table.Column<int>(type: "integer", nullable: false),
                    period = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_period_documents", x => new { x.tenant_id, x.partnership_id, x.participant_id, x.period_number });
                    table.ForeignKey(
                        name: "FK_period_documents_periods_tenant_id_partnership_id_participa~",
                        columns: x => new { x.tenant_id, x.partnership_id, x.participant_id, x.period_number },
                        principalTable: "periods",
                        principalColumns: new[] { "tenant_id", "partnership_id", "participant_id", "period_number" },
                        onDelete: ReferentialAction.Cascade);
                });

            // Every period held keeps its document, moved to the new table before the column goes.
            migrationBuilder.Sql(
                "INSERT INTO period_documents (tenant_id, partnership_id, participant_id, period_number, period) " +
                "SELECT tenant_id, partnership_id, participant_id, period_number, period FROM periods");

            migrationBuilder.DropColumn(
                name: "period",
                table: "periods");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "period",
                table: "periods",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.Sql(
                "UPDATE periods p SET period = d.period FROM period_documents d WHERE (d.tenant_id, d.partnership_id, d.participant_id, d.period_number) = " +
                "(p.tenant_id, p.partnership_id, p.participant_id, p.period_number)");

            migrationBuilder.DropTable(
                name: "period_documents");
        }
    }
}
