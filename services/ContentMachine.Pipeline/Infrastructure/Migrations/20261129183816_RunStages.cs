using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentMachine.Pipeline.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class RunStages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // xmin is PostgreSQL's own row version (the model's concurrency token): there is no column to add.
            migrationBuilder.AddColumn<string>(
                name: "error",
                table: "runs",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stage",
                table: "runs",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "worker",
                table: "runs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);


            migrationBuilder.CreateTable(
                name: "run_stages",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    tries = table.Column<int>(type: "integer", nullable: false),
                    output = table.Column<string>(type: "jsonb", nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_stages", x => new { x.run_id, x.name });
                    table.ForeignKey(
                        name: "fk_run_stages_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "run_stages");

            migrationBuilder.DropColumn(
                name: "error",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "stage",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "worker",
                table: "runs");

        }
    }
}
