using Jiju.Application.Overview;
using Jiju.Data;
using Jiju.Data.Demo;
using Jiju.Data.Jurisdiction;
using Jiju.Data.Tests;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Tests;

public sealed class OverviewTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheOverview_ReadsTheLatestCorrectionOfEachYear(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Context())
        {
            await new DemoGenerator(db).GenerateAsync(new DemoOptions());
        }

        var xingyang = ClusterCode.Of("41018201");
        Money before;
        await using (var db = database.Context())
        {
            var original = await db.Statistics.AsNoTracking().SingleAsync(s => s.Cluster == xingyang && s.Year == 2015);
            before = (await new OverviewService(db).GetAsync()).LatestRevenue;
            db.Statistics.Add(StatisticsCorrection.Of(original, new DateOnly(2016, 4, 1), "统计部门核定后更正主营业务收入", revenue: original.Revenue + Money.FromYi(1)));
            await db.SaveChangesAsync();
        }

        await using var after = database.Context();
        var overview = await new OverviewService(after).GetAsync();
        Assert.Equal(2015, overview.LatestYear);
        Assert.Equal(before + Money.FromYi(1), overview.LatestRevenue);
        Assert.Equal(180, overview.Cities.Sum(c => c.Clusters));
        Assert.Equal(2, (await new OverviewService(after).LatestVersionsAsync(2015)).Single(s => s.Cluster == xingyang).Version);
        Assert.Equal(2, await after.Statistics.CountAsync(s => s.Cluster == xingyang && s.Year == 2015));

        // Known on a date: the correction was submitted on 2016-04-01, so the day before sees version 1.
        var dayBefore = await new OverviewService(after).LatestVersionsAsync(2015, submittedBy: new DateOnly(2016, 3, 31));
        Assert.Equal(1, dayBefore.Single(s => s.Cluster == xingyang).Version);
        var onTheDay = await new OverviewService(after).LatestVersionsAsync(2015, submittedBy: new DateOnly(2016, 4, 1));
        Assert.Equal(2, onTheDay.Single(s => s.Cluster == xingyang).Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheOverview_OfACounty_CountsOnlyThatCounty(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Context())
        {
            await new DemoGenerator(db).GenerateAsync(new DemoOptions());
        }

        await using var province = database.Context();
        province.EnsureDivisionsLoaded();
        await using var county = database.Context(new JurisdictionScope("tester", province.DivisionDirectory.ScopePathOf("410182")));

        var overview = await new OverviewService(county).GetAsync();

        var city = Assert.Single(overview.Cities);
        Assert.Equal("郑州市", city.Name);
        Assert.Equal(await county.Clusters.CountAsync(), city.Clusters);
        Assert.All(await county.Clusters.ToListAsync(), c => Assert.Equal("410182", c.County.Value));
    }
}
