using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiju.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LandUseStandards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "land_use_standards",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    industry = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    min_investment_intensity = table.Column<decimal>(type: "TEXT", nullable: true),
                    min_building_coefficient = table.Column<decimal>(type: "TEXT", nullable: true),
                    min_plot_ratio = table.Column<decimal>(type: "TEXT", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_land_use_standards", x => x.id);
                    table.ForeignKey(
                        name: "fk_land_use_standards_divisions_scope",
                        column: x => x.scope,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_land_use_standards_industry_scope_valid_from",
                table: "land_use_standards",
                columns: new[] { "industry", "scope", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_land_use_standards_scope",
                table: "land_use_standards",
                column: "scope");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "land_use_standards");
        }
    }
}
