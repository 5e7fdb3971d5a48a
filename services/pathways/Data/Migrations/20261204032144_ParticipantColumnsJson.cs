using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SectorMesh.Pathways.Data.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantColumnsJson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "training",
                table: "participants",
                type: "json",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "supportive_services",
                table: "participants",
                type: "json",
                nullable: false,
                defaultValueSql: "'[]'::json",
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldDefaultValueSql: "'[]'::jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "skill_gains",
                table: "participants",
                type: "json",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "reporting_details",
                table: "participants",
                type: "json",
                nullable: false,
                defaultValueSql: "'{\"programs\":[],\"ageAtEntry\":null,\"education\":{\"postsecondary\":false,\"secondary\":false}}'::json",
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldDefaultValueSql: "'{\"programs\":[],\"ageAtEntry\":null,\"education\":{\"postsecondary\":false,\"secondary\":false}}'::jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "employment_outcomes",
                table: "participants",
                type: "json",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "earlier_periods",
                table: "participants",
                type: "json",
                nullable: false,
                defaultValueSql: "'[]'::json",
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldDefaultValueSql: "'[]'::jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "demographics",
                table: "participants",
                type: "json",
                nullable: false,
                defaultValueSql: "'{\"sex\":null,\"ethnicityAndRace\":[]}'::json",
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldDefaultValueSql: "'{\"sex\":null,\"ethnicityAndRace\":[]}'::jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "credentials",
                table: "participants",
                type: "json",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "barriers",
                table: "participants",
                type: "json",
                nullable: false,
                defaultValueSql: "'[]'::json",
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldDefaultValueSql: "'[]'::jsonb");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "training",
                table: "participants",
                type: "jsonb",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "json");

            migrationBuilder.AlterColumn<string>(
                name: "supportive_services",
                table: "participants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb",
                oldClrType: typeof(string),
                oldType: "json",
                oldDefaultValueSql: "'[]'::json");

            migrationBuilder.AlterColumn<string>(
                name: "skill_gains",
                table: "participants",
                type: "jsonb",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "json");

            migrationBuilder.AlterColumn<string>(
                name: "reporting_details",
                table: "participants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{\"programs\":[],\"ageAtEntry\":null,\"education\":{\"postsecondary\":false,\"secondary\":false}}'::jsonb",
                oldClrType: typeof(string),
                oldType: "json",
                oldDefaultValueSql: "'{\"programs\":[],\"ageAtEntry\":null,\"education\":{\"postsecondary\":false,\"secondary\":false}}'::json");

            migrationBuilder.AlterColumn<string>(
                name: "employment_outcomes",
                table: "participants",
                type: "jsonb",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "json");

            migrationBuilder.AlterColumn<string>(
                name: "earlier_periods",
                table: "participants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb",
                oldClrType: typeof(string),
                oldType: "json",
                oldDefaultValueSql: "'[]'::json");

            migrationBuilder.AlterColumn<string>(
                name: "demographics",
                table: "participants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{\"sex\":null,\"ethnicityAndRace\":[]}'::jsonb",
                oldClrType: typeof(string),
                oldType: "json",
                oldDefaultValueSql: "'{\"sex\":null,\"ethnicityAndRace\":[]}'::json");

            migrationBuilder.AlterColumn<string>(
                name: "credentials",
                table: "participants",
                type: "jsonb",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "json");

            migrationBuilder.AlterColumn<string>(
                name: "barriers",
                table: "participants",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb",
                oldClrType: typeof(string),
                oldType: "json",
                oldDefaultValueSql: "'[]'::json");
        }
    }
}
