using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Partnerships.Data.Migrations
{
    /// <inheritdoc />
    public partial class StrategiesHaveIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Strategies recorded before they had identities get one each, 12 hex digits like ResourceId.New().
            migrationBuilder.Sql("""
                UPDATE partnerships
                SET strategies = (
                    SELECT jsonb_agg(CASE WHEN s ? 'Id' THEN s ELSE s || jsonb_build_object('Id', substr(md5(gen_random_uuid()::text), 1, 12)) END ORDER BY n)
                    FROM jsonb_array_elements(strategies) WITH ORDINALITY AS e(s, n))
                WHERE strategies IS NOT NULL AND jsonb_array_length(strategies) > 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE partnerships
                SET strategies = (SELECT jsonb_agg(s - 'Id' ORDER BY n) FROM jsonb_array_elements(strategies) WITH ORDINALITY AS e(s, n))
                WHERE strategies IS NOT NULL AND jsonb_array_length(strategies) > 0;
                """);
        }
    }
}
