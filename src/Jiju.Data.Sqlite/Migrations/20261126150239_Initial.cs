using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiju.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    details = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "demo_plants",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demo_plants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "divisions",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    parent = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_divisions", x => x.code);
                    table.ForeignKey(
                        name: "fk_divisions_divisions_parent",
                        column: x => x.parent,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exchange_rates",
                columns: table => new
                {
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    yuan_per_unit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exchange_rates", x => new { x.currency, x.effective_on });
                });

            migrationBuilder.CreateTable(
                name: "fee_waivers",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    authority = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    basis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fee_waivers", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "meta",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meta", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "basic_farmland",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    county = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    area = table.Column<double>(type: "REAL", nullable: false),
                    boundary = table.Column<byte[]>(type: "BLOB", nullable: false),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_basic_farmland", x => x.id);
                    table.ForeignKey(
                        name: "fk_basic_farmland_divisions_county",
                        column: x => x.county,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "clusters",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    county = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    established_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    committee_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    committee_level = table.Column<int>(type: "INTEGER", nullable: true),
                    committee_dispatched_by = table.Column<int>(type: "INTEGER", nullable: true),
                    committee_staff_quota = table.Column<int>(type: "INTEGER", nullable: true),
                    leading_industry = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    leading_industry_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    development_plan_approved_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    regulatory_plan_approved_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    plan_eia_approved_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    plan_eia_well_executed = table.Column<bool>(type: "INTEGER", nullable: false),
                    high_risk_industry = table.Column<bool>(type: "INTEGER", nullable: false),
                    planned_area = table.Column<double>(type: "REAL", nullable: false),
                    development_area = table.Column<byte[]>(type: "BLOB", nullable: true),
                    control_area = table.Column<byte[]>(type: "BLOB", nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clusters", x => x.code);
                    table.ForeignKey(
                        name: "fk_clusters_divisions_county",
                        column: x => x.county,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_bases",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    county = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    trainees = table.Column<int>(type: "INTEGER", nullable: false),
                    placed = table.Column<int>(type: "INTEGER", nullable: false),
                    demonstration = table.Column<bool>(type: "INTEGER", nullable: false),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_bases", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_bases_divisions_county",
                        column: x => x.county,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "emission_budgets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    pollutant = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    tonnes = table.Column<decimal>(type: "TEXT", nullable: false),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emission_budgets", x => x.id);
                    table.ForeignKey(
                        name: "fk_emission_budgets_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enterprises",
                columns: table => new
                {
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    industry = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    county = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    in_leading_industry = table.Column<bool>(type: "INTEGER", nullable: false),
                    industry_leader = table.Column<bool>(type: "INTEGER", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    employees = table.Column<int>(type: "INTEGER", nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprises", x => x.credit_code);
                    table.ForeignKey(
                        name: "fk_enterprises_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enterprises_divisions_county",
                        column: x => x.county,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "financing_platforms",
                columns: table => new
                {
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    registered_capital = table.Column<long>(type: "INTEGER", nullable: false),
                    injected_assets = table.Column<long>(type: "INTEGER", nullable: false),
                    established_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_financing_platforms", x => x.credit_code);
                    table.ForeignKey(
                        name: "fk_financing_platforms_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "functional_zones",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    permitted_uses = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    boundary = table.Column<byte[]>(type: "BLOB", nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_functional_zones", x => x.id);
                    table.ForeignKey(
                        name: "fk_functional_zones_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "heating_profiles",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    heat_load_tonnes_per_hour = table.Column<decimal>(type: "TEXT", nullable: false),
                    annual_hours = table.Column<decimal>(type: "TEXT", nullable: false),
                    load_stable = table.Column<bool>(type: "INTEGER", nullable: false),
                    small_coal_boilers = table.Column<int>(type: "INTEGER", nullable: false),
                    has_back_pressure_chp = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_central_boiler = table.Column<bool>(type: "INTEGER", nullable: false),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_heating_profiles", x => x.id);
                    table.ForeignKey(
                        name: "fk_heating_profiles_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "labour_demands",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    enterprise = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    occupation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    quarter = table.Column<int>(type: "INTEGER", nullable: true),
                    headcount = table.Column<int>(type: "INTEGER", nullable: false),
                    high_level_talent = table.Column<bool>(type: "INTEGER", nullable: false),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_labour_demands", x => x.id);
                    table.ForeignKey(
                        name: "fk_labour_demands_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "land_consolidation_projects",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    library = table.Column<int>(type: "INTEGER", nullable: false),
                    county = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    listed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    funding_requested = table.Column<long>(type: "INTEGER", nullable: false),
                    funding_granted = table.Column<long>(type: "INTEGER", nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_land_consolidation_projects", x => x.id);
                    table.ForeignKey(
                        name: "fk_land_consolidation_projects_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_land_consolidation_projects_divisions_county",
                        column: x => x.county,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "migrant_workers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_ref = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    working_since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    wants_urban_hukou = table.Column<bool>(type: "INTEGER", nullable: false),
                    family_members = table.Column<int>(type: "INTEGER", nullable: false),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_migrant_workers", x => x.id);
                    table.ForeignKey(
                        name: "fk_migrant_workers_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "resettlement_communities",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    county = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    planned_population = table.Column<int>(type: "INTEGER", nullable: false),
                    inside_urban_planning_area = table.Column<bool>(type: "INTEGER", nullable: false),
                    outside_cluster = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_public_facilities = table.Column<bool>(type: "INTEGER", nullable: false),
                    location = table.Column<byte[]>(type: "BLOB", nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resettlement_communities", x => x.id);
                    table.ForeignKey(
                        name: "fk_resettlement_communities_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_resettlement_communities_divisions_county",
                        column: x => x.county,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safety_capacities",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    measure = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    capacity = table.Column<decimal>(type: "TEXT", nullable: false),
                    used = table.Column<decimal>(type: "TEXT", nullable: false),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_capacities", x => x.id);
                    table.ForeignKey(
                        name: "fk_safety_capacities_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_facilities",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: true),
                    capacity = table.Column<decimal>(type: "TEXT", nullable: true),
                    capacity_unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_facilities", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_facilities_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sewage_plants",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    capacity_tonnes_per_day = table.Column<decimal>(type: "TEXT", nullable: false),
                    pipe_network_km = table.Column<decimal>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    operating_since = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sewage_plants", x => x.id);
                    table.ForeignKey(
                        name: "fk_sewage_plants_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "statistics",
                columns: table => new
                {
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    correction_note = table.Column<string>(type: "TEXT", nullable: true),
                    revenue = table.Column<long>(type: "INTEGER", nullable: false),
                    leading_industry_revenue = table.Column<long>(type: "INTEGER", nullable: false),
                    industrial_value_added = table.Column<long>(type: "INTEGER", nullable: true),
                    fixed_asset_investment = table.Column<long>(type: "INTEGER", nullable: true),
                    industrial_fixed_assets = table.Column<long>(type: "INTEGER", nullable: true),
                    enterprises_above_scale = table.Column<int>(type: "INTEGER", nullable: true),
                    employment = table.Column<int>(type: "INTEGER", nullable: false),
                    vat = table.Column<long>(type: "INTEGER", nullable: false),
                    vat_provincial_share = table.Column<long>(type: "INTEGER", nullable: false),
                    business_tax = table.Column<long>(type: "INTEGER", nullable: false),
                    business_tax_provincial_share = table.Column<long>(type: "INTEGER", nullable: false),
                    income_tax = table.Column<long>(type: "INTEGER", nullable: false),
                    income_tax_provincial_share = table.Column<long>(type: "INTEGER", nullable: false),
                    total_tax = table.Column<long>(type: "INTEGER", nullable: false),
                    industrial_tax = table.Column<long>(type: "INTEGER", nullable: true),
                    total_land = table.Column<double>(type: "REAL", nullable: true),
                    land_ready_for_supply = table.Column<double>(type: "REAL", nullable: true),
                    land_supplied = table.Column<double>(type: "REAL", nullable: true),
                    land_built_up = table.Column<double>(type: "REAL", nullable: true),
                    industrial_land_built_up = table.Column<double>(type: "REAL", nullable: true),
                    total_floor_area = table.Column<double>(type: "REAL", nullable: true),
                    total_building_footprint = table.Column<double>(type: "REAL", nullable: true),
                    industrial_floor_area = table.Column<double>(type: "REAL", nullable: true),
                    industrial_coverage = table.Column<double>(type: "REAL", nullable: true),
                    idle_land = table.Column<double>(type: "REAL", nullable: true),
                    illegal_land_use = table.Column<double>(type: "REAL", nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statistics", x => new { x.cluster, x.year, x.version });
                    table.ForeignKey(
                        name: "fk_statistics_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "villages",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    households = table.Column<int>(type: "INTEGER", nullable: false),
                    population = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    resettlement_community = table.Column<string>(type: "TEXT", nullable: true),
                    villagers_employed_in_cluster = table.Column<int>(type: "INTEGER", nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_villages", x => x.code);
                    table.ForeignKey(
                        name: "fk_villages_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    investor = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    investment = table.Column<long>(type: "INTEGER", nullable: false),
                    industry = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    county = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    land_use = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    site_area = table.Column<double>(type: "REAL", nullable: true),
                    building_footprint = table.Column<double>(type: "REAL", nullable: true),
                    floor_area = table.Column<double>(type: "REAL", nullable: true),
                    storeys = table.Column<int>(type: "INTEGER", nullable: true),
                    special_industry_requirement = table.Column<bool>(type: "INTEGER", nullable: false),
                    suits_standard_plant = table.Column<bool>(type: "INTEGER", nullable: false),
                    stage = table.Column<int>(type: "INTEGER", nullable: false),
                    responsible_unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    responsible_person = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    land_pre_reviewed = table.Column<bool>(type: "INTEGER", nullable: false),
                    land_evaluated = table.Column<bool>(type: "INTEGER", nullable: false),
                    conforms_to_plan_eia = table.Column<bool>(type: "INTEGER", nullable: true),
                    introduced_by = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    signed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    started_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    location = table.Column<byte[]>(type: "BLOB", nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.code);
                    table.ForeignKey(
                        name: "fk_projects_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_projects_divisions_county",
                        column: x => x.county,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_projects_enterprises_introduced_by",
                        column: x => x.introduced_by,
                        principalTable: "enterprises",
                        principalColumn: "credit_code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_projects_enterprises_investor",
                        column: x => x.investor,
                        principalTable: "enterprises",
                        principalColumn: "credit_code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "financing_instruments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    platform = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    matures_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    interest_paid = table.Column<long>(type: "INTEGER", nullable: true),
                    issuance_fee = table.Column<long>(type: "INTEGER", nullable: true),
                    for_infrastructure = table.Column<bool>(type: "INTEGER", nullable: false),
                    counterparty = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    large_financial_institution = table.Column<bool>(type: "INTEGER", nullable: false),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_financing_instruments", x => x.id);
                    table.ForeignKey(
                        name: "fk_financing_instruments_financing_platforms_platform",
                        column: x => x.platform,
                        principalTable: "financing_platforms",
                        principalColumn: "credit_code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "emission_ledger",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    pollutant = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    movement = table.Column<int>(type: "INTEGER", nullable: false),
                    tonnes = table.Column<decimal>(type: "TEXT", nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    project = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    counterparty = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emission_ledger", x => x.id);
                    table.ForeignKey(
                        name: "fk_emission_ledger_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_emission_ledger_projects_project",
                        column: x => x.project,
                        principalTable: "projects",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "parcels",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    county = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    holder = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    project = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    land_use = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    area = table.Column<double>(type: "REAL", nullable: false),
                    grant_type = table.Column<int>(type: "INTEGER", nullable: false),
                    price = table.Column<long>(type: "INTEGER", nullable: false),
                    granted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    agreed_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    actual_start = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    agreed_completion = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    building_footprint = table.Column<double>(type: "REAL", nullable: true),
                    floor_area = table.Column<double>(type: "REAL", nullable: true),
                    fixed_asset_investment = table.Column<long>(type: "INTEGER", nullable: true),
                    boundary = table.Column<byte[]>(type: "BLOB", nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parcels", x => x.code);
                    table.ForeignKey(
                        name: "fk_parcels_clusters_cluster",
                        column: x => x.cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_parcels_divisions_county",
                        column: x => x.county,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_parcels_enterprises_holder",
                        column: x => x.holder,
                        principalTable: "enterprises",
                        principalColumn: "credit_code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_parcels_projects_project",
                        column: x => x.project,
                        principalTable: "projects",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "project_emissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    project = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    pollutant = table.Column<int>(type: "INTEGER", nullable: false),
                    tonnes_per_year = table.Column<decimal>(type: "TEXT", nullable: false),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_emissions", x => x.id);
                    table.ForeignKey(
                        name: "fk_project_emissions_projects_project",
                        column: x => x.project,
                        principalTable: "projects",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "project_fundings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    project = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    origin = table.Column<int>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", nullable: false),
                    in_place_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_fundings", x => x.id);
                    table.ForeignKey(
                        name: "fk_project_fundings_projects_project",
                        column: x => x.project,
                        principalTable: "projects",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "quota_ledger",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    batch = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    movement = table.Column<int>(type: "INTEGER", nullable: false),
                    area = table.Column<double>(type: "REAL", nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    county = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    source_project = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    target_cluster = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    target_project = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quota_ledger", x => x.id);
                    table.ForeignKey(
                        name: "fk_quota_ledger_clusters_target_cluster",
                        column: x => x.target_cluster,
                        principalTable: "clusters",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quota_ledger_divisions_county",
                        column: x => x.county,
                        principalTable: "divisions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_quota_ledger_projects_target_project",
                        column: x => x.target_project,
                        principalTable: "projects",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "land_use_change_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    parcel = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    requested_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_land_use_change_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_land_use_change_requests_parcels_parcel",
                        column: x => x.parcel,
                        principalTable: "parcels",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "parcel_extensions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    parcel = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    approved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    new_agreed_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: true),
                    owner_path = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parcel_extensions", x => x.id);
                    table.ForeignKey(
                        name: "fk_parcel_extensions_parcels_parcel",
                        column: x => x.parcel,
                        principalTable: "parcels",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at",
                table: "audit_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_basic_farmland_county",
                table: "basic_farmland",
                column: "county");

            migrationBuilder.CreateIndex(
                name: "ix_basic_farmland_owner_path",
                table: "basic_farmland",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_clusters_county",
                table: "clusters",
                column: "county");

            migrationBuilder.CreateIndex(
                name: "ix_clusters_owner_path",
                table: "clusters",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_divisions_parent",
                table: "divisions",
                column: "parent");

            migrationBuilder.CreateIndex(
                name: "ix_emission_budgets_cluster_pollutant_year",
                table: "emission_budgets",
                columns: new[] { "cluster", "pollutant", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emission_budgets_owner_path",
                table: "emission_budgets",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_emission_ledger_cluster",
                table: "emission_ledger",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_emission_ledger_owner_path",
                table: "emission_ledger",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_emission_ledger_project",
                table: "emission_ledger",
                column: "project");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_cluster",
                table: "enterprises",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_county",
                table: "enterprises",
                column: "county");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_owner_path",
                table: "enterprises",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_financing_instruments_owner_path",
                table: "financing_instruments",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_financing_instruments_platform",
                table: "financing_instruments",
                column: "platform");

            migrationBuilder.CreateIndex(
                name: "ix_financing_platforms_cluster",
                table: "financing_platforms",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_financing_platforms_owner_path",
                table: "financing_platforms",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_functional_zones_cluster",
                table: "functional_zones",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_functional_zones_owner_path",
                table: "functional_zones",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_heating_profiles_cluster_year",
                table: "heating_profiles",
                columns: new[] { "cluster", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_heating_profiles_owner_path",
                table: "heating_profiles",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_labour_demands_cluster",
                table: "labour_demands",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_labour_demands_owner_path",
                table: "labour_demands",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_land_consolidation_projects_cluster",
                table: "land_consolidation_projects",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_land_consolidation_projects_county",
                table: "land_consolidation_projects",
                column: "county");

            migrationBuilder.CreateIndex(
                name: "ix_land_consolidation_projects_owner_path",
                table: "land_consolidation_projects",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_land_use_change_requests_owner_path",
                table: "land_use_change_requests",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_land_use_change_requests_parcel",
                table: "land_use_change_requests",
                column: "parcel");

            migrationBuilder.CreateIndex(
                name: "ix_migrant_workers_cluster_person_ref",
                table: "migrant_workers",
                columns: new[] { "cluster", "person_ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_migrant_workers_owner_path",
                table: "migrant_workers",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_parcel_extensions_owner_path",
                table: "parcel_extensions",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_parcel_extensions_parcel",
                table: "parcel_extensions",
                column: "parcel");

            migrationBuilder.CreateIndex(
                name: "ix_parcels_cluster",
                table: "parcels",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_parcels_county",
                table: "parcels",
                column: "county");

            migrationBuilder.CreateIndex(
                name: "ix_parcels_holder",
                table: "parcels",
                column: "holder");

            migrationBuilder.CreateIndex(
                name: "ix_parcels_owner_path",
                table: "parcels",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_parcels_project",
                table: "parcels",
                column: "project");

            migrationBuilder.CreateIndex(
                name: "ix_project_emissions_owner_path",
                table: "project_emissions",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_project_emissions_project_pollutant",
                table: "project_emissions",
                columns: new[] { "project", "pollutant" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_project_fundings_owner_path",
                table: "project_fundings",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_project_fundings_project_year",
                table: "project_fundings",
                columns: new[] { "project", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_cluster",
                table: "projects",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_projects_county",
                table: "projects",
                column: "county");

            migrationBuilder.CreateIndex(
                name: "ix_projects_introduced_by",
                table: "projects",
                column: "introduced_by");

            migrationBuilder.CreateIndex(
                name: "ix_projects_investor",
                table: "projects",
                column: "investor");

            migrationBuilder.CreateIndex(
                name: "ix_projects_owner_path",
                table: "projects",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_quota_ledger_county",
                table: "quota_ledger",
                column: "county");

            migrationBuilder.CreateIndex(
                name: "ix_quota_ledger_kind_batch",
                table: "quota_ledger",
                columns: new[] { "kind", "batch" });

            migrationBuilder.CreateIndex(
                name: "ix_quota_ledger_owner_path",
                table: "quota_ledger",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_quota_ledger_target_cluster",
                table: "quota_ledger",
                column: "target_cluster");

            migrationBuilder.CreateIndex(
                name: "ix_quota_ledger_target_project",
                table: "quota_ledger",
                column: "target_project");

            migrationBuilder.CreateIndex(
                name: "ix_resettlement_communities_cluster",
                table: "resettlement_communities",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_resettlement_communities_county_name",
                table: "resettlement_communities",
                columns: new[] { "county", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_resettlement_communities_owner_path",
                table: "resettlement_communities",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_safety_capacities_cluster",
                table: "safety_capacities",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_safety_capacities_owner_path",
                table: "safety_capacities",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_service_facilities_cluster",
                table: "service_facilities",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_service_facilities_owner_path",
                table: "service_facilities",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_sewage_plants_cluster",
                table: "sewage_plants",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_sewage_plants_owner_path",
                table: "sewage_plants",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_statistics_owner_path",
                table: "statistics",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_training_bases_county_name_year",
                table: "training_bases",
                columns: new[] { "county", "name", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_bases_owner_path",
                table: "training_bases",
                column: "owner_path");

            migrationBuilder.CreateIndex(
                name: "ix_villages_cluster",
                table: "villages",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_villages_owner_path",
                table: "villages",
                column: "owner_path");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "basic_farmland");

            migrationBuilder.DropTable(
                name: "demo_plants");

            migrationBuilder.DropTable(
                name: "emission_budgets");

            migrationBuilder.DropTable(
                name: "emission_ledger");

            migrationBuilder.DropTable(
                name: "exchange_rates");

            migrationBuilder.DropTable(
                name: "fee_waivers");

            migrationBuilder.DropTable(
                name: "financing_instruments");

            migrationBuilder.DropTable(
                name: "functional_zones");

            migrationBuilder.DropTable(
                name: "heating_profiles");

            migrationBuilder.DropTable(
                name: "labour_demands");

            migrationBuilder.DropTable(
                name: "land_consolidation_projects");

            migrationBuilder.DropTable(
                name: "land_use_change_requests");

            migrationBuilder.DropTable(
                name: "meta");

            migrationBuilder.DropTable(
                name: "migrant_workers");

            migrationBuilder.DropTable(
                name: "parcel_extensions");

            migrationBuilder.DropTable(
                name: "project_emissions");

            migrationBuilder.DropTable(
                name: "project_fundings");

            migrationBuilder.DropTable(
                name: "quota_ledger");

            migrationBuilder.DropTable(
                name: "resettlement_communities");

            migrationBuilder.DropTable(
                name: "safety_capacities");

            migrationBuilder.DropTable(
                name: "service_facilities");

            migrationBuilder.DropTable(
                name: "sewage_plants");

            migrationBuilder.DropTable(
                name: "statistics");

            migrationBuilder.DropTable(
                name: "training_bases");

            migrationBuilder.DropTable(
                name: "villages");

            migrationBuilder.DropTable(
                name: "financing_platforms");

            migrationBuilder.DropTable(
                name: "parcels");

            migrationBuilder.DropTable(
                name: "projects");

            migrationBuilder.DropTable(
                name: "enterprises");

            migrationBuilder.DropTable(
                name: "clusters");

            migrationBuilder.DropTable(
                name: "divisions");
        }
    }
}
