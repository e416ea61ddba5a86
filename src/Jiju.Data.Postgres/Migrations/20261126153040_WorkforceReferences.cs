using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiju.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkforceReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_training_bases_cluster",
                table: "training_bases",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_labour_demands_enterprise",
                table: "labour_demands",
                column: "enterprise");

            migrationBuilder.AddForeignKey(
                name: "fk_labour_demands_enterprises_enterprise",
                table: "labour_demands",
                column: "enterprise",
                principalTable: "enterprises",
                principalColumn: "credit_code",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_training_bases_clusters_cluster",
                table: "training_bases",
                column: "cluster",
                principalTable: "clusters",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_labour_demands_enterprises_enterprise",
                table: "labour_demands");

            migrationBuilder.DropForeignKey(
                name: "fk_training_bases_clusters_cluster",
                table: "training_bases");

            migrationBuilder.DropIndex(
                name: "ix_training_bases_cluster",
                table: "training_bases");

            migrationBuilder.DropIndex(
                name: "ix_labour_demands_enterprise",
                table: "labour_demands");
        }
    }
}
