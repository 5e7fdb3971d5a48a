using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Metrics.Data.Migrations
{
    /// <summary>A period's outcomes and demographics packed into two integer columns (see PackedOutcomes), from the columns they were kept in.</summary>
    public partial class PackedOutcomeColumns : Migration
    {
        private static readonly string[] OutcomeColumns = ["employed_q2", "employed_q4", "earnings_q2", "credential", "retention", "exit_reason"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(name: "outcomes", table: "periods", type: "integer", nullable: false, defaultValue: 0);
            migrationBuilder.AddColumn<int>(name: "demographic_codes", table: "periods", type: "integer", nullable: false, defaultValue: 0);
            // PostgreSQL gives |, & and << one precedence, left to right: every shift is in parentheses.
            migrationBuilder.Sql("""
                UPDATE periods SET
                    outcomes = employed_q2 | (employed_q4 << 3) | (earnings_q2 << 6) | (credential << 9) | (retention << 12) | (exit_reason << 15)
                        | CASE WHEN skill_gains_excluded THEN 1 << 18 ELSE 0 END,
                    demographic_codes = CASE sex WHEN 1 THEN 1 WHEN 2 THEN 2 WHEN 9 THEN 3 ELSE 0 END
                        | (coalesce(age_band + 1, 0) << 2)
                        | ((CASE WHEN disability IS NULL THEN 0 WHEN disability THEN 2 ELSE 1 END) << 5)
                        | (ethnicity_and_race << 7)
                """);
            foreach (var column in (string[])[.. OutcomeColumns, "skill_gains_excluded", "sex", "age_band", "disability", "ethnicity_and_race"])
            {
                migrationBuilder.DropColumn(name: column, table: "periods");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var column in OutcomeColumns)
            {
                migrationBuilder.AddColumn<int>(name: column, table: "periods", type: "integer", nullable: false, defaultValue: 0);
            }
            migrationBuilder.AddColumn<bool>(name: "skill_gains_excluded", table: "periods", type: "boolean", nullable: false, defaultValue: false);
            migrationBuilder.AddColumn<int>(name: "sex", table: "periods", type: "integer", nullable: true);
            migrationBuilder.AddColumn<int>(name: "age_band", table: "periods", type: "integer", nullable: true);
            migrationBuilder.AddColumn<bool>(name: "disability", table: "periods", type: "boolean", nullable: true);
            migrationBuilder.AddColumn<int>(name: "ethnicity_and_race", table: "periods", type: "integer", nullable: false, defaultValue: 0);
            migrationBuilder.Sql("""
                UPDATE periods SET
                    employed_q2 = outcomes & 7, employed_q4 = (outcomes >> 3) & 7, earnings_q2 = (outcomes >> 6) & 7, credential = (outcomes >> 9) & 7,
                    retention = (outcomes >> 12) & 7, exit_reason = (outcomes >> 15) & 7, skill_gains_excluded = (outcomes & (1 << 18)) <> 0,
                    sex = CASE demographic_codes & 3 WHEN 1 THEN 1 WHEN 2 THEN 2 WHEN 3 THEN 9 END,
                    age_band = nullif((demographic_codes >> 2) & 7, 0) - 1,
                    disability = CASE (demographic_codes >> 5) & 3 WHEN 1 THEN false WHEN 2 THEN true END,
                    ethnicity_and_race = demographic_codes >> 7
                """);
            migrationBuilder.DropColumn(name: "outcomes", table: "periods");
            migrationBuilder.DropColumn(name: "demographic_codes", table: "periods");
        }
    }
}
