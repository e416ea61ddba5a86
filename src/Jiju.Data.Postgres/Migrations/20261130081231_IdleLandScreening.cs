using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiju.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IdleLandScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "start_delay_days",
                table: "parcels",
                type: "integer",
                nullable: true,
                computedColumnSql: "actual_start - agreed_start",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_parcels_agreed_start",
                table: "parcels",
                column: "agreed_start",
                filter: "actual_start IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_parcels_granted_on",
                table: "parcels",
                column: "granted_on");

            migrationBuilder.CreateIndex(
                name: "ix_parcels_start_delay_days",
                table: "parcels",
                column: "start_delay_days");

            // Statistics for the new column and indexes, so that the screens' ranges are planned on their indexes at once.
            migrationBuilder.Sql("ANALYZE parcels;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_parcels_agreed_start",
                table: "parcels");

            migrationBuilder.DropIndex(
                name: "ix_parcels_granted_on",
                table: "parcels");

            migrationBuilder.DropIndex(
                name: "ix_parcels_start_delay_days",
                table: "parcels");

            migrationBuilder.DropColumn(
                name: "start_delay_days",
                table: "parcels");
        }
    }
}
