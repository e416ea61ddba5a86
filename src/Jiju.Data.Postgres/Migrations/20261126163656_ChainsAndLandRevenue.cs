using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jiju.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ChainsAndLandRevenue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "industrial_chain_links",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    leading_industry = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    segment_order = table.Column<int>(type: "integer", nullable: false),
                    segment_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    industry = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_industrial_chain_links", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "land_revenues",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    county = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    land_transfer_income = table.Column<long>(type: "bigint", nullable: false),
                    idle_land_fees_collected = table.Column<long>(type: "bigint", nullable: false),
                    owner_path = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_land_revenues", x => x.id);
                    table.ForeignKey(
                        name: "fk_land_revenues_divisions_county",
                        column: x => x.county,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_industrial_chain_links_leading_industry_segment_order_indus",
                table: "industrial_chain_links",
                columns: new[] { "leading_industry", "segment_order", "industry" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_land_revenues_county_year",
                table: "land_revenues",
                columns: new[] { "county", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_land_revenues_owner_path",
                table: "land_revenues",
                column: "owner_path");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "industrial_chain_links");

            migrationBuilder.DropTable(
                name: "land_revenues");
        }
    }
}
