using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jiju.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EnvironmentalDeterminationsAndSafetyDemand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "safety_capacity_demand",
                table: "projects",
                type: "numeric",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "environmental_determinations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cluster = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    determined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    determined_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    facilities_lag = table.Column<bool>(type: "boolean", nullable: false),
                    capacity_insufficient = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "text", nullable: true),
                    owner_path = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_environmental_determinations", x => x.id);
                    table.ForeignKey(
                        name: "fk_environmental_determinations_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_environmental_determinations_cluster_determined_on",
                table: "environmental_determinations",
                columns: new[] { "cluster", "determined_on" });

            migrationBuilder.CreateIndex(
                name: "ix_environmental_determinations_owner_path",
                table: "environmental_determinations",
                column: "owner_path");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "environmental_determinations");

            migrationBuilder.DropColumn(
                name: "safety_capacity_demand",
                table: "projects");
        }
    }
}
