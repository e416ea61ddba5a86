using Jiju.Application.Sweep;
using Jiju.Data;
using Jiju.Data.Demo;
using Jiju.Data.Tests;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Industries;
using Jiju.Domain.Land;
using Jiju.Policy.Industry;
using Jiju.Policy.Land;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Tests;

public sealed class RegistrySweepTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADefinedChain_ShowsTheClustersGaps_AndLandRevenueYieldsTheRewardFund(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var xingyang = ClusterCode.Of("41018201");
        await using (var db = database.Context())
        {
            await new DemoGenerator(db).GenerateAsync(new DemoOptions());
            var leading = (await db.Clusters.SingleAsync(c => c.Code == xingyang)).LeadingIndustry;
            db.IndustrialChainLinks.AddRange(
                new IndustrialChainLink { LeadingIndustry = leading, SegmentOrder = 1, SegmentName = "主导产品制造", Position = ChainPosition.Midstream, Industry = leading },
                new IndustrialChainLink { LeadingIndustry = leading, SegmentOrder = 2, SegmentName = "原料种植", Position = ChainPosition.Upstream, Industry = IndustryCode.Of("0111") });
            db.LandRevenues.Add(new LandRevenue { County = DivisionCode.Of("410182"), Year = 2014, LandTransferIncome = new Money(500_000_000.00m), IdleLandFeesCollected = new Money(2_469_135.78m) });
            await db.SaveChangesAsync();
        }

        await using var check = database.Context();
        var result = await new SweepService(check).RunAsync(DemoGenerator.AsOf, store: false);

        var chain = result.Findings.Single(f => f.RuleId == nameof(ChainGapsAreTheInvestmentCatalogue) && f.Subject == xingyang.Value);
        Assert.Equal("Gaps", chain.Kind);
        Assert.Contains("原料种植", chain.Conclusion + chain.Trace.Branch, StringComparison.Ordinal);
        var fund = result.Findings.Single(f => f.RuleId == nameof(IntensiveLandUseRewardFundIsShareOfTransferIncomePlusIdleFees));
        Assert.Equal("410182/2014", fund.Subject);

        // The shipped share is an assumption (1%): 5,000,000.00 from transfer income plus the 2,469,135.78 of fees.
        Assert.Equal(7_469_135.78m, fund.Amount!.Value.Yuan);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheEnterpriseSummary_IsEachClustersDistinctIndustriesAndTheLeaders_WhereverTheTableHoldsThem_ReadOncePerRun(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        string county;
        await using (var db = database.Context())
        {
            // Two clusters of one county: an enterprise of the second moves to the first with an industry the first lacks, so the
            // table no longer holds each cluster's enterprises together, and another leaves its cluster.
            var (first, second) = (await db.Clusters.AsNoTracking().ToListAsync())
                .GroupBy(c => c.County).Where(g => g.Count() >= 2).OrderBy(g => g.Key.Value, StringComparer.Ordinal)
                .Select(g => (g.OrderBy(c => c.Code.Value, StringComparer.Ordinal).First().Code, g.OrderBy(c => c.Code.Value, StringComparer.Ordinal).Last().Code))
                .First();
            db.EnsureDivisionsLoaded();
            var moved = await db.Enterprises.AsNoTracking().OrderByDescending(e => e.CreditCode).FirstAsync(e => e.Cluster == second);
            await db.Enterprises.Where(e => e.CreditCode == moved.CreditCode).ExecuteUpdateAsync(u => u
                .SetProperty(e => e.Cluster, first)
                .SetProperty(e => e.Industry, IndustryCode.Of("0111"))
                .SetProperty(e => EF.Property<string>(e, JijuDbContext.OwnerPath), db.DivisionDirectory.PathOf(moved.County, first)));
            var leaving = await db.Enterprises.AsNoTracking().OrderBy(e => e.CreditCode).FirstAsync(e => e.Cluster == second);
            await db.Enterprises.Where(e => e.CreditCode == leaving.CreditCode).ExecuteUpdateAsync(u => u
                .SetProperty(e => e.Cluster, (ClusterCode?)null)
                .SetProperty(e => EF.Property<string>(e, JijuDbContext.OwnerPath), db.DivisionDirectory.PathOf(leaving.County, null)));
            county = moved.County.Value;
        }

        foreach (var scope in new[] { "system", county })
        {
            await using var db = scope == "system" ? database.Context() : database.ContextAs(scope);
            var expected = (await db.Enterprises.AsNoTracking().ToListAsync())
                .Where(e => e.Cluster is not null)
                .GroupBy(e => e.Cluster!.Value.Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Industry.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

            var leaders = (await db.Enterprises.AsNoTracking().Where(e => e.IndustryLeader).Select(e => e.CreditCode).ToListAsync())
                .Select(c => c.Value).Order(StringComparer.Ordinal).ToList();

            var summary = EnterpriseSummary.Read(db, CancellationToken.None);

            var read = summary.IndustriesByCluster;
            Assert.True(expected.Count > 1, scope);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
            foreach (var (cluster, industries) in expected)
            {
                Assert.Equal(industries, read[cluster].Select(i => i.Value));
            }

            Assert.Contains("0111", read.Values.SelectMany(i => i).Select(i => i.Value));
            Assert.NotEmpty(leaders);
            Assert.Equal(leaders, summary.Leaders.Order(StringComparer.Ordinal));
        }

        await using var worker = database.Context();
        await using var sibling = worker.CreateSibling();
        var run = SharedReads.ForRun();
        using (run.Join(worker))
        using (run.Join(sibling))
        {
            Assert.Same(await EnterpriseSummary.OfAsync(worker, CancellationToken.None), await EnterpriseSummary.OfAsync(sibling, CancellationToken.None));
        }
    }
}
