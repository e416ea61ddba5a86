using Jiju.Data;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Overview;

/// <summary>What <c>jiju stats</c> shows: how much data the caller's jurisdiction holds, and per city the clusters and their latest year.</summary>
public sealed record ProvinceOverview(
    string Scope,
    IReadOnlyList<TableCount> Tables,
    IReadOnlyList<CityRow> Cities,
    int? LatestYear,
    Money LatestRevenue,
    Money LatestLeadingRevenue,
    int ClustersAtHundredYi,
    int Plants);

public sealed record TableCount(string Table, string ZhName, long Rows);

public sealed record CityRow(DivisionCode City, string Name, int Clusters, long Enterprises, long Parcels, Money Revenue);

/// <summary>Builds the overview inside the caller's jurisdiction (the context's query filter does the scoping).</summary>
public sealed class OverviewService(JijuDbContext db)
{
    /// <summary>Art. 3: each cluster should grow one featured leading industry of 100亿元 or more.</summary>
    public static readonly Money LeadingIndustryTarget = Money.FromYi(100);

    public async Task<ProvinceOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        db.EnsureDivisionsLoaded();
        var tables = new List<TableCount>
        {
            new("clusters", "产业集聚区", await db.Clusters.LongCountAsync(cancellationToken)),
            new("enterprises", "企业", await db.Enterprises.LongCountAsync(cancellationToken)),
            new("projects", "投资项目", await db.Projects.LongCountAsync(cancellationToken)),
            new("parcels", "宗地", await db.Parcels.LongCountAsync(cancellationToken)),
            new("statistics", "年度统计", await db.Statistics.LongCountAsync(cancellationToken)),
            new("villages", "村庄", await db.Villages.LongCountAsync(cancellationToken)),
            new("resettlement_communities", "安置社区", await db.ResettlementCommunities.LongCountAsync(cancellationToken)),
            new("financing_platforms", "投融资平台", await db.FinancingPlatforms.LongCountAsync(cancellationToken)),
            new("basic_farmland", "基本农田", await db.BasicFarmland.LongCountAsync(cancellationToken)),
        };

        var clusters = await db.Clusters.AsNoTracking().Select(c => new { c.Code, c.County }).ToListAsync(cancellationToken);
        var enterprisesByCluster = await CountByCluster(db.Enterprises.Where(e => e.Cluster != null).Select(e => e.Cluster), cancellationToken);
        var parcelsByCluster = await CountByCluster(db.Parcels.Where(p => p.Cluster != null).Select(p => p.Cluster), cancellationToken);

        int? latestYear = await db.Statistics.AnyAsync(cancellationToken) ? await db.Statistics.MaxAsync(s => s.Year, cancellationToken) : null;
        var latest = latestYear is { } y ? await LatestVersionsAsync(y, cancellationToken: cancellationToken) : [];
        var revenueByCluster = latest.ToDictionary(s => s.Cluster.Value, s => s.Revenue, StringComparer.Ordinal);

        var cities = clusters
            .GroupBy(c => CityOf(c.County))
            .Select(g => new CityRow(
                g.Key,
                db.DivisionDirectory.Find(g.Key)?.Name ?? g.Key.Value,
                g.Count(),
                g.Sum(c => enterprisesByCluster.GetValueOrDefault(c.Code.Value)),
                g.Sum(c => parcelsByCluster.GetValueOrDefault(c.Code.Value)),
                g.Aggregate(Money.Zero, (sum, c) => sum + revenueByCluster.GetValueOrDefault(c.Code.Value))))
            .OrderBy(r => r.City.Value, StringComparer.Ordinal)
            .ToList();

        return new ProvinceOverview(
            db.Scope.Path,
            tables,
            cities,
            latestYear,
            latest.Aggregate(Money.Zero, (sum, s) => sum + s.Revenue),
            latest.Aggregate(Money.Zero, (sum, s) => sum + s.LeadingIndustryRevenue),
            latest.Count(s => s.LeadingIndustryRevenue >= LeadingIndustryTarget),
            await db.DemoPlants.CountAsync(cancellationToken));
    }

    /// <summary>
    /// The statistics of a year as last corrected: the highest version per cluster. With
    /// <paramref name="submittedBy"/>, only what had been submitted by that date, so a decision as of a
    /// past date is made on the figures known then and can be reproduced.
    /// </summary>
    public async Task<IReadOnlyList<ClusterStatistics>> LatestVersionsAsync(int year, DateOnly? submittedBy = null, CancellationToken cancellationToken = default)
    {
        var query = db.Statistics.AsNoTracking().Where(s => s.Year == year);
        if (submittedBy is { } date)
        {
            query = query.Where(s => s.SubmittedOn <= date);
        }

        return HighestVersions(await query.ToListAsync(cancellationToken)).ToList();
    }

    /// <summary>Each cluster's highest version (its latest correction) among <paramref name="rows"/> of one year.</summary>
    internal static IEnumerable<ClusterStatistics> HighestVersions(IEnumerable<ClusterStatistics> rows) =>
        rows.GroupBy(s => s.Cluster.Value, StringComparer.Ordinal).Select(g => g.MaxBy(s => s.Version)!);

    private DivisionCode CityOf(DivisionCode county) => db.DivisionDirectory.CityOf(county)?.Code ?? county;

    private static async Task<Dictionary<string, long>> CountByCluster(IQueryable<Domain.Clusters.ClusterCode?> clusterCodes, CancellationToken cancellationToken)
    {
        var counts = await clusterCodes.GroupBy(c => c).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        return counts.Where(x => x.Key is not null).ToDictionary(x => x.Key!.Value.Value, x => x.Count, StringComparer.Ordinal);
    }
}
