using System.Globalization;
using Jiju.Data.Bulk;
using Jiju.Data.Jurisdiction;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Industries;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Data.Demo;

public sealed record DemoOptions(int Seed = 2012, DemoScale Scale = DemoScale.Province, DemoVolume? Volume = null);

public sealed record DemoProgress(string Table, long Rows);

public sealed record DemoReport(int Clusters, IReadOnlyDictionary<string, long> RowsByTable, int Plants);

/// <summary>
/// Generates a demo province (or the national benchmark dataset) deterministically from a seed.
/// Rows are produced zone by zone and streamed to the database table by table, so memory does
/// not grow with the data. Random rows stay clear of the policy's thresholds; the boundary
/// situations are planted on purpose in one cluster (see <see cref="DemoPlants"/>) and listed
/// in the demo_plants table. The data describe the end of 2015 (<see cref="AsOf"/>).
/// </summary>
public sealed class DemoGenerator(JijuDbContext db)
{
    public const string SeedKey = "demo.seed";
    public const string ScaleKey = "demo.scale";

    /// <summary>The date the demo data describe: statistics run 2011–2015 and nothing happens after this day.</summary>
    public static readonly DateOnly AsOf = new(2015, 12, 31);

    public async Task<DemoReport> GenerateAsync(DemoOptions options, IProgress<DemoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!db.Scope.IsProvince)
        {
            throw new JurisdictionViolationException("只有省级用户可以生成演示数据");
        }

        await EnsureReplaceableAsync(cancellationToken);
        var (divisions, clusterPlan) = options.Scale == DemoScale.National ? DemoZones.National(options.Seed) : DemoZones.Province(options.Seed);
        var volume = options.Volume ?? DemoVolume.For(options.Scale);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await WipeAsync(cancellationToken);
        var writer = new BulkWriter(db);
        var counts = new Dictionary<string, long>();

        // Divisions: Henan's are seeded by the migrator; the national scale adds synthetic ones.
        var known = (await db.Divisions.Select(d => d.Code).ToListAsync(cancellationToken)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        counts["divisions"] = await writer.WriteAsync(divisions.Where(d => !known.Contains(d.Code.Value)), cancellationToken: cancellationToken);
        db.DivisionDirectory.Load(divisions);

        var placed = new List<NetTopologySuite.Geometries.Envelope>();
        var zones = clusterPlan.Select((c, i) => MakeZone(options.Seed, i, c.County, c.Sequence, c.Name, placed)).ToList();
        var rows = new DemoRows(options.Seed, volume, AsOf);
        var plantZone = zones.FirstOrDefault(z => z.County.Code.Value == DemoPlants.PlantCounty && z.Sequence == 1) ?? zones[0];
        var plants = new DemoPlants(plantZone);

        async Task Write<T>(string table, Func<DemoZone, IEnumerable<T>> perZone, Func<T, string>? owner, IEnumerable<T>? planted = null)
            where T : class
        {
            var all = zones.SelectMany(perZone).Concat(planted ?? []);
            var written = await writer.WriteAsync(Counting(all, table), owner, cancellationToken);
            counts[table] = written;
            progress?.Report(new DemoProgress(table, written));
        }

        string Owned(IJurisdictionOwned x) => db.DivisionDirectory.PathOf(x);
        var zoneByCode = zones.ToDictionary(z => z.Code.Value, StringComparer.Ordinal);
        string ZonePath(string cluster) => zoneByCode[cluster].Path;

        await Write<Cluster>("clusters", z => [rows.Cluster(z)], Owned);
        await Write("functional_zones", DemoRows.Zones, Owned);
        await Write("enterprises", rows.Enterprises, Owned, plants.Enterprises());
        await Write("projects", rows.Projects, Owned, plants.Projects());
        await Write("project_fundings", rows.Fundings, f => ZonePath(DemoRows.ZoneOfProject(f.Project)), plants.Fundings());
        await Write("project_emissions", rows.Emissions, e => ZonePath(DemoRows.ZoneOfProject(e.Project)));
        await Write("parcels", rows.Parcels, Owned, plants.Parcels());
        await Write<Domain.Land.ParcelExtension>("parcel_extensions", _ => [], e => plantZone.Path, plants.Extensions());
        await Write<Domain.Land.LandUseChangeRequest>("land_use_change_requests", _ => [], e => plantZone.Path, plants.UseChanges());
        await Write("basic_farmland", DemoRows.Farmland, Owned, plants.Farmland());
        await Write("statistics", z => rows.Statistics(z, fiscalPlant: z == plantZone), Owned);
        await Write("villages", rows.Villages, Owned, plants.Villages());
        await Write("resettlement_communities", rows.Communities, Owned, plants.Communities());
        await Write<Domain.Finance.FinancingPlatform>("financing_platforms", z => [rows.Platform(z)], Owned);
        await Write("financing_instruments", rows.Instruments, i => ZonePath(DemoRows.ZoneOfPlatform(i.Platform)));
        await Write("labour_demands", rows.LabourDemands, Owned);
        await Write("training_bases", rows.TrainingBases, Owned);
        await Write("migrant_workers", rows.MigrantWorkers, Owned, plants.MigrantWorkers());
        await Write("emission_budgets", rows.EmissionBudgets, Owned);
        await Write("emission_ledger", rows.EmissionLedger, Owned);
        await Write<Domain.Environmental.SewagePlant>("sewage_plants", z => [rows.SewagePlant(z)], Owned);
        await Write("heating_profiles", rows.Heating, Owned, plants.Heating());
        await Write("safety_capacities", rows.Safety, Owned);
        await Write("service_facilities", rows.Facilities, Owned);
        await Write("quota_ledger", rows.Quotas, Owned);
        await Write("land_consolidation_projects", rows.Consolidation, Owned);
        await Write<Domain.Fees.FeeWaiver>("fee_waivers", _ => [], null, DemoRows.FeeWaivers());
        await Write<Domain.Fees.ExchangeRate>("exchange_rates", _ => [], null, DemoRows.ExchangeRates());
        await Write<Domain.Industries.IndustrialChainLink>("industrial_chain_links", _ => [], null, DemoRows.ChainLinks());

        await writer.WriteAsync(plants.Manifest(), cancellationToken: cancellationToken);
        db.Meta.AddRange(
            new MetaEntry { Key = SeedKey, Value = options.Seed.ToString(CultureInfo.InvariantCulture) },
            new MetaEntry { Key = ScaleKey, Value = options.Scale.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DemoReport(zones.Count, counts, plants.Manifest().Count());

        IEnumerable<T> Counting<T>(IEnumerable<T> source, string table)
        {
            long n = 0;
            foreach (var item in source)
            {
                yield return item;
                if (++n % 50_000 == 0)
                {
                    progress?.Report(new DemoProgress(table, n));
                }
            }
        }
    }

    private DemoZone MakeZone(int seed, int index, Division county, int sequence, string name, List<NetTopologySuite.Geometries.Envelope> placed)
    {
        var random = new Random(unchecked((seed * 31) + index));
        var code = ClusterCode.Create(county.Code, sequence);
        var (lon, lat) = county.Longitude is { } x && county.Latitude is { } y
            ? (x, y)
            : SyntheticSeat(county, random);

        (lon, lat) = Place(lon, lat, placed);
        var leading = IndustryCode.Of(DemoZones.LeadingIndustries[random.Next(DemoZones.LeadingIndustries.Length)]);
        var countyDomain = county.Kind is DivisionKind.County or DivisionKind.CountyCity or DivisionKind.ProvinceAdministeredCity;
        return new DemoZone(index, county, code, name, db.DivisionDirectory.PathOf(county.Code, code), lon, lat, leading, countyDomain);
    }

    /// <summary>
    /// Moves a zone off its county seat just far enough that nothing it draws (control area, farmland)
    /// overlaps a zone placed before it: clusters of neighbouring districts must not overlap.
    /// Tries rings of positions around the seat, in a fixed order, so placement is deterministic.
    /// </summary>
    private static (double Lon, double Lat) Place(double lon, double lat, List<NetTopologySuite.Geometries.Envelope> placed)
    {
        const double Step = 0.1;
        for (var ring = 0; ring < 50; ring++)
        {
            for (var k = 0; k < Math.Max(1, ring * 8); k++)
            {
                var angle = ring == 0 ? 0 : 2 * Math.PI * k / (ring * 8);
                var x = lon + (ring * Step * Math.Cos(angle));
                var y = lat + (ring * Step * Math.Sin(angle));
                var footprint = DemoZone.Footprint(x, y);
                if (!placed.Any(p => p.Intersects(footprint)))
                {
                    placed.Add(footprint);
                    return (x, y);
                }
            }
        }

        throw new InvalidOperationException("演示数据：无法为集聚区找到不重叠的位置");
    }

    private static (double, double) SyntheticSeat(Division county, Random random)
    {
        var (lon, lat) = DemoZones.Seat(county.Code.Value);
        var city = int.Parse(county.Code.Value.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var k = int.Parse(county.Code.Value.AsSpan(4, 2), CultureInfo.InvariantCulture) - 20;
        return (lon + ((city - 5) * 0.25) + (random.NextDouble() * 0.05), lat + ((k - 5) * 0.2) + (random.NextDouble() * 0.05));
    }

    /// <summary>A database may be (re)filled only when it is empty or holds a previous demo: nothing entered by people is ever overwritten.</summary>
    private async Task EnsureReplaceableAsync(CancellationToken cancellationToken)
    {
        var isDemo = await db.Meta.AnyAsync(m => m.Key == SeedKey, cancellationToken);
        var hasData = await db.Clusters.IgnoreQueryFilters().AnyAsync(cancellationToken)
            || await db.Enterprises.IgnoreQueryFilters().AnyAsync(cancellationToken);
        if (hasData && !isDemo)
        {
            throw new InvalidOperationException("该数据库已有非演示数据，演示数据生成不会覆盖它。请用 --db 指定另一个数据库文件。");
        }
    }

    private async Task WipeAsync(CancellationToken cancellationToken)
    {
        // Children before parents. Findings of sweeps over the old demo go with it.
        await db.Findings.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.SweepRuns.ExecuteDeleteAsync(cancellationToken);
        await db.DemoPlants.ExecuteDeleteAsync(cancellationToken);
        await db.Meta.Where(m => m.Key.StartsWith("demo.")).ExecuteDeleteAsync(cancellationToken);
        await db.ExchangeRates.ExecuteDeleteAsync(cancellationToken);
        await db.IndustrialChainLinks.ExecuteDeleteAsync(cancellationToken);
        await db.FeeWaivers.ExecuteDeleteAsync(cancellationToken);
        await db.LandConsolidationProjects.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.QuotaLedger.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.ServiceFacilities.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.SafetyCapacities.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.EnvironmentalDeterminations.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.LandRevenues.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.HeatingProfiles.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.SewagePlants.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.EmissionLedger.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.EmissionBudgets.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.MigrantWorkers.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.TrainingBases.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.LabourDemands.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.FinancingInstruments.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.FinancingPlatforms.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.ResettlementCommunities.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.Villages.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.Statistics.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.BasicFarmland.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.LandUseChangeRequests.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.ParcelExtensions.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.Parcels.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.ProjectEmissions.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.ProjectFundings.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.Projects.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.Enterprises.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.FunctionalZones.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        await db.Clusters.IgnoreQueryFilters().ExecuteDeleteAsync(cancellationToken);
        var henan = Reference.ReferenceData.HenanDivisions().Select(d => d.Code).ToList();
        var synthetic = (await db.Divisions.Select(d => d.Code).ToListAsync(cancellationToken)).Where(c => !henan.Contains(c)).ToList();
        foreach (var level in new[] { DivisionLevel.County, DivisionLevel.City, DivisionLevel.Province })
        {
            await db.Divisions.Where(d => synthetic.Contains(d.Code) && d.Level == level).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
