using Jiju.Application.Assessment;
using Jiju.Assessment.Indicators;
using Jiju.Data;
using Jiju.Data.Jurisdiction;
using Jiju.Data.Tests;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Tests;

public sealed class AssessmentTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BothEvaluations_RankEveryDemoCluster(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await using var db = database.Context();

        foreach (var kind in new[] { AssessmentKind.Land, AssessmentKind.Development })
        {
            var report = await new AssessmentService(db, db.Scope).AssessAsync(new AssessmentRequest(2015, kind));

            Assert.Equal(180, report.RankedCount);
            Assert.Empty(report.Unscored);
            Assert.Equal(kind == AssessmentKind.Land ? 60 : 18, report.Rows.Count(r => r.Ranked.InBar));
            Assert.All(report.Rows, r => Assert.NotNull(r.PreviousRank));
        }
    }

    [Fact]
    public async Task LandScores_CanBeReproducedByHandFromTheStatistics()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        var report = await new AssessmentService(db, db.Scope).AssessAsync(new AssessmentRequest(2015, AssessmentKind.Land));

        foreach (var code in new[] { "41018201", "41010201", "41900101" })
        {
            var s = await db.Statistics.AsNoTracking().Where(x => x.Cluster == Domain.Clusters.ClusterCode.Parse(code).Value && x.Year == 2015).SingleAsync();
            var idle = code == "41018201" ? report.Rows.Single(r => r.Ranked.Cluster.Cluster == code).Ranked.Cluster["land.idle"]!.Value : 0m;

            // docs/assessment.md: value rounded to 4 decimals, ideal-value score to 2, total Σ global weight × score to 2.
            static decimal V(decimal x) => Math.Round(x, 4, MidpointRounding.AwayFromZero);
            static decimal S(decimal value, decimal ideal) => Math.Round(Math.Min(100m, 100m * value / ideal), 2, MidpointRounding.AwayFromZero);
            var built = s.LandBuiltUp!.Value.SquareMetres;
            var industrial = s.IndustrialLandBuiltUp!.Value.SquareMetres;
            var idleRate = V(idle / s.LandSupplied!.Value.SquareMetres * 100m);
            var expected = (0.6m * 0.35m * 0.35m * S(V(s.LandReadyForSupply!.Value.SquareMetres / s.TotalLand!.Value.SquareMetres * 100m), 100m))
                + (0.6m * 0.35m * 0.35m * S(V(s.LandSupplied.Value.SquareMetres / s.LandReadyForSupply.Value.SquareMetres * 100m), 100m))
                + (0.6m * 0.35m * 0.30m * S(V(built / s.LandSupplied.Value.SquareMetres * 100m), 100m))
                + (0.6m * 0.15m * 1m * S(V(industrial / built * 100m), 60m))
                + (0.6m * 0.5m * 0.3m * S(V(s.TotalFloorArea!.Value.SquareMetres / built), 1.2m))
                + (0.6m * 0.5m * 0.2m * S(V(s.TotalBuildingFootprint!.Value.SquareMetres / built * 100m), 40m))
                + (0.6m * 0.5m * 0.3m * S(V(s.IndustrialFloorArea!.Value.SquareMetres / industrial), 1.2m))
                + (0.6m * 0.5m * 0.2m * S(V(s.IndustrialCoverage!.Value.SquareMetres / industrial * 100m), 50m))
                + (0.3m * 0.35m * S(V(s.IndustrialFixedAssets!.Value.Yuan / industrial), 3000m))
                + (0.3m * 0.35m * S(V(s.IndustrialTax!.Value.Yuan / industrial), 150m))
                + (0.3m * 0.30m * S(V(s.TotalTax.Yuan / built), 120m))
                + (0.1m * Math.Round(Math.Clamp(100m * (10m - idleRate) / 10m, 0m, 100m), 2, MidpointRounding.AwayFromZero));

            Assert.Equal(Math.Round(expected, 2, MidpointRounding.AwayFromZero), report.Rows.Single(r => r.Ranked.Cluster.Cluster == code).Ranked.Score);
        }
    }

    [Fact]
    public async Task IdleLand_IsThePlantedParcelsJudgedByArticleSeven()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();

        var report = await new AssessmentService(db, db.Scope).AssessAsync(new AssessmentRequest(2015, AssessmentKind.Land));

        Assert.True(report.Rows.Single(r => r.Ranked.Cluster.Cluster == "41018201").Ranked.Cluster["land.idle"] > 0);
        Assert.Equal(179, report.Rows.Count(r => r.Ranked.Cluster["land.idle"] == 0));
    }

    [Fact]
    public async Task ACountyUser_SeesOnlyItsOwnClustersRankedAmongAll()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var province = database.Context();
        province.EnsureDivisionsLoaded();
        var county = new JurisdictionScope("t", province.DivisionDirectory.ScopePathOf("410182"));

        var all = await new AssessmentService(province, province.Scope).AssessAsync(new AssessmentRequest(2015, AssessmentKind.Development, Draws: 200));
        var own = await new AssessmentService(province, county).AssessAsync(new AssessmentRequest(2015, AssessmentKind.Development, Draws: 200, Explain: "41018201"));

        var row = Assert.Single(own.Rows);
        Assert.Equal("41018201", row.Ranked.Cluster.Cluster);
        Assert.Equal(180, own.RankedCount);
        Assert.Equal(all.Rows.Single(r => r.Ranked.Cluster.Cluster == "41018201").Ranked.Rank, row.Ranked.Rank);
        Assert.Equal(all.Rows.Single(r => r.Ranked.Cluster.Cluster == "41018201").Sensitivity, row.Sensitivity);
        Assert.Null(own.Explanation!.Above);
        Assert.Null(own.Explanation.Below);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => new AssessmentService(province, county).AssessAsync(new AssessmentRequest(2015, AssessmentKind.Land, Explain: "41010201")));
    }

    [Fact]
    public async Task ARankingNeedsTheProvinceAsItsPopulation()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var province = database.Context();
        province.EnsureDivisionsLoaded();
        await using var county = database.Context(new JurisdictionScope("t", province.DivisionDirectory.ScopePathOf("410182")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => new AssessmentService(county, county.Scope).AssessAsync(new AssessmentRequest(2015, AssessmentKind.Land)));
    }

    [Fact]
    public async Task Recommendations_CarryTheirRuleAndArticle()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();

        var report = await new AssessmentService(db, db.Scope).AssessAsync(new AssessmentRequest(2015, AssessmentKind.Development));

        Assert.All(report.Rows, r =>
        {
            Assert.Equal(2, r.Consequences.Adjustment!.Trace.Article);
            Assert.Equal(14, r.Consequences.Grade!.Trace.Article);
        });
        Assert.Contains(report.Rows, r => r.Consequences.Adjustment!.Value!.Recommended == Policy.Planning.Adjustment.Downgrade);
        Assert.All(report.Rows.Where(r => r.Consequences.Adjustment!.Value!.BelowStandard), r => Assert.True(r.Ranked.InBar && r.Consequences.YearsBelowStandard >= 2));
    }

    [Fact]
    public async Task StatisticsSubmittedLater_AreLeftOutOfAPastAssessment()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();

        var report = await new AssessmentService(db, db.Scope).AssessAsync(new AssessmentRequest(2015, AssessmentKind.Land, SubmittedBy: new DateOnly(2016, 1, 31)));

        Assert.Equal(0, report.RankedCount);
        Assert.Equal(180, report.Unscored.Count);
        Assert.Equal("土地开发率：缺少已达到供地条件土地面积、评价范围土地总面积", report.Unscored[0].Missing[0]);
    }
}
