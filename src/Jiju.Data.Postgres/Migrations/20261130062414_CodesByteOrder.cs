using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiju.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CodesByteOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "villages",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "villages",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(12)",
                oldMaxLength: 12);

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "training_bases",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "training_bases",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "statistics",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "sewage_plants",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "service_facilities",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "safety_capacities",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "resettlement_communities",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "resettlement_communities",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "target_project",
                table: "quota_ledger",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "target_cluster",
                table: "quota_ledger",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "quota_ledger",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "land_use",
                table: "projects",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(5)",
                oldMaxLength: 5,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "investor",
                table: "projects",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AlterColumn<string>(
                name: "introduced_by",
                table: "projects",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "industry",
                table: "projects",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(4)",
                oldMaxLength: 4);

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "projects",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "projects",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "projects",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24);

            migrationBuilder.AlterColumn<string>(
                name: "project",
                table: "project_fundings",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24);

            migrationBuilder.AlterColumn<string>(
                name: "currency",
                table: "project_fundings",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(3)",
                oldMaxLength: 3);

            migrationBuilder.AlterColumn<string>(
                name: "project",
                table: "project_emissions",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24);

            migrationBuilder.AlterColumn<string>(
                name: "project",
                table: "parcels",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "land_use",
                table: "parcels",
                type: "character varying(5)",
                maxLength: 5,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(5)",
                oldMaxLength: 5);

            migrationBuilder.AlterColumn<string>(
                name: "holder",
                table: "parcels",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "parcels",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "parcels",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "parcels",
                type: "character varying(19)",
                maxLength: 19,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(19)",
                oldMaxLength: 19);

            migrationBuilder.AlterColumn<string>(
                name: "parcel",
                table: "parcel_extensions",
                type: "character varying(19)",
                maxLength: 19,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(19)",
                oldMaxLength: 19);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "migrant_workers",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "scope",
                table: "land_use_standards",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "industry",
                table: "land_use_standards",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(4)",
                oldMaxLength: 4);

            migrationBuilder.AlterColumn<string>(
                name: "to",
                table: "land_use_change_requests",
                type: "character varying(5)",
                maxLength: 5,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(5)",
                oldMaxLength: 5);

            migrationBuilder.AlterColumn<string>(
                name: "parcel",
                table: "land_use_change_requests",
                type: "character varying(19)",
                maxLength: 19,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(19)",
                oldMaxLength: 19);

            migrationBuilder.AlterColumn<string>(
                name: "from",
                table: "land_use_change_requests",
                type: "character varying(5)",
                maxLength: 5,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(5)",
                oldMaxLength: 5);

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "land_revenues",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "land_consolidation_projects",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "land_consolidation_projects",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "enterprise",
                table: "labour_demands",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "labour_demands",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "leading_industry",
                table: "industrial_chain_links",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(4)",
                oldMaxLength: 4);

            migrationBuilder.AlterColumn<string>(
                name: "industry",
                table: "industrial_chain_links",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(4)",
                oldMaxLength: 4);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "heating_profiles",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "functional_zones",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "findings",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "findings",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "financing_platforms",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "credit_code",
                table: "financing_platforms",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AlterColumn<string>(
                name: "platform",
                table: "financing_instruments",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AlterColumn<string>(
                name: "currency",
                table: "exchange_rates",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(3)",
                oldMaxLength: 3);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "environmental_determinations",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "industry",
                table: "enterprises",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(4)",
                oldMaxLength: 4);

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "enterprises",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "enterprises",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "credit_code",
                table: "enterprises",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AlterColumn<string>(
                name: "project",
                table: "emission_ledger",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "emission_ledger",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "emission_budgets",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "parent",
                table: "divisions",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "divisions",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "leading_industry",
                table: "clusters",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(4)",
                oldMaxLength: 4);

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "clusters",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "clusters",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "basic_farmland",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            // Changing a column's collation discards its statistics; the planner should not plan the next look-ups blind.
            migrationBuilder.Sql("ANALYZE;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "villages",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "villages",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(12)",
                oldMaxLength: 12,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "training_bases",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "training_bases",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "statistics",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "sewage_plants",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "service_facilities",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "safety_capacities",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "resettlement_communities",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "resettlement_communities",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "target_project",
                table: "quota_ledger",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "target_cluster",
                table: "quota_ledger",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "quota_ledger",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "land_use",
                table: "projects",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(5)",
                oldMaxLength: 5,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "investor",
                table: "projects",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "introduced_by",
                table: "projects",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "industry",
                table: "projects",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4)",
                oldMaxLength: 4,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "projects",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "projects",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "projects",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "project",
                table: "project_fundings",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "currency",
                table: "project_fundings",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(3)",
                oldMaxLength: 3,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "project",
                table: "project_emissions",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "project",
                table: "parcels",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "land_use",
                table: "parcels",
                type: "character varying(5)",
                maxLength: 5,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(5)",
                oldMaxLength: 5,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "holder",
                table: "parcels",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "parcels",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "parcels",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "parcels",
                type: "character varying(19)",
                maxLength: 19,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(19)",
                oldMaxLength: 19,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "parcel",
                table: "parcel_extensions",
                type: "character varying(19)",
                maxLength: 19,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(19)",
                oldMaxLength: 19,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "migrant_workers",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "scope",
                table: "land_use_standards",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "industry",
                table: "land_use_standards",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4)",
                oldMaxLength: 4,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "to",
                table: "land_use_change_requests",
                type: "character varying(5)",
                maxLength: 5,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(5)",
                oldMaxLength: 5,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "parcel",
                table: "land_use_change_requests",
                type: "character varying(19)",
                maxLength: 19,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(19)",
                oldMaxLength: 19,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "from",
                table: "land_use_change_requests",
                type: "character varying(5)",
                maxLength: 5,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(5)",
                oldMaxLength: 5,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "land_revenues",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "land_consolidation_projects",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "land_consolidation_projects",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "enterprise",
                table: "labour_demands",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "labour_demands",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "leading_industry",
                table: "industrial_chain_links",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4)",
                oldMaxLength: 4,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "industry",
                table: "industrial_chain_links",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4)",
                oldMaxLength: 4,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "heating_profiles",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "functional_zones",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "findings",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "findings",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "financing_platforms",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "credit_code",
                table: "financing_platforms",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "platform",
                table: "financing_instruments",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "currency",
                table: "exchange_rates",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(3)",
                oldMaxLength: 3,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "environmental_determinations",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "industry",
                table: "enterprises",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4)",
                oldMaxLength: 4,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "enterprises",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "enterprises",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "credit_code",
                table: "enterprises",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "project",
                table: "emission_ledger",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "emission_ledger",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "cluster",
                table: "emission_budgets",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "parent",
                table: "divisions",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "divisions",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "leading_industry",
                table: "clusters",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4)",
                oldMaxLength: 4,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "clusters",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "clusters",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "county",
                table: "basic_farmland",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldCollation: "C");

            migrationBuilder.Sql("ANALYZE;");
        }
    }
}
