using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiju.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SweepFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sweep_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    as_of = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ran_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    scope_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    overlay = table.Column<string>(type: "TEXT", nullable: true),
                    subjects = table.Column<int>(type: "INTEGER", nullable: false),
                    findings = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sweep_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "findings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    rule_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    article = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    county = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: true),
                    conclusion = table.Column<string>(type: "TEXT", nullable: false),
                    trace = table.Column<string>(type: "TEXT", nullable: false),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_findings", x => x.id);
                    table.ForeignKey(
                        name: "fk_findings_sweep_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "sweep_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_findings_owner_path",
                table: "findings",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_findings_run_id_rule_id",
                table: "findings",
                columns: new[] { "run_id", "rule_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sweep_runs_as_of",
                table: "sweep_runs",
                column: "as_of");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "findings");

            migrationBuilder.DropTable(
                name: "sweep_runs");
        }
    }
}
