using Jiju.Data.Bulk;
using Jiju.Data.Demo;
using Jiju.Data.Jurisdiction;
using Jiju.Domain.Clusters;
using Jiju.Domain.Fees;
using Jiju.Domain.Land;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Data.Tests;

public sealed class JurisdictionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACity_SeesOnlyItsOwnClustersAndTheirData(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await using var zhengzhou = database.ContextAs("410100");

        var clusters = await zhengzhou.Clusters.ToListAsync();
        Assert.NotEmpty(clusters);
        Assert.All(clusters, c => Assert.StartsWith("4101", c.County.Value, StringComparison.Ordinal));
        Assert.All(await zhengzhou.Parcels.Select(p => p.County).Distinct().ToListAsync(), c => Assert.StartsWith("4101", c.Value, StringComparison.Ordinal));
        Assert.Null(await zhengzhou.Clusters.FirstOrDefaultAsync(c => c.Code == ClusterCode.Of("41030201")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACluster_SeesOnlyItself_IncludingChildRecordsThroughTheirParent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await using var xingyang = database.ContextAs("41018201");
        await using var other = database.ContextAs("410102");

        Assert.Equal(ClusterCode.Of("41018201"), (await xingyang.Clusters.SingleAsync()).Code);
        Assert.Equal(2, await xingyang.ParcelExtensions.CountAsync());
        Assert.Equal(0, await other.ParcelExtensions.CountAsync());
        Assert.Equal(0, await other.Parcels.CountAsync(p => p.Cluster == ClusterCode.Of("41018201")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Writing_OutsideOnesJurisdiction_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var kaifeng = database.ContextAs("410200");

        kaifeng.Clusters.Add(Samples.Cluster("41018202", "越权新增集聚区"));

        var error = await Assert.ThrowsAsync<JurisdictionViolationException>(() => kaifeng.SaveChangesAsync());
        Assert.Contains("410000/410200/", error.Message, StringComparison.Ordinal);
        await using var province = database.Context();
        Assert.Equal(0, await province.Clusters.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AChildRecord_ForAParentOutsideOnesJurisdiction_ReadsAsUnknown(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await using var zhongyuan = database.ContextAs("410102");
        var xingyangParcel = ParcelCode.Of(Samples.PlantedParcel);

        zhongyuan.ParcelExtensions.Add(new ParcelExtension { Parcel = xingyangParcel, ApprovedOn = new DateOnly(2015, 1, 1), ApprovedBy = "某局", NewAgreedStart = new DateOnly(2016, 1, 1), Reason = DelayReason.OtherApproved });

        var error = await Assert.ThrowsAsync<JurisdictionViolationException>(() => zhongyuan.SaveChangesAsync());
        Assert.Contains("不存在或不在本用户管辖范围内", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReferenceData_IsReadByAll_ButChangedOnlyByTheProvince(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await using var city = database.ContextAs("410100");

        Assert.Equal(5, await city.ExchangeRates.CountAsync());
        city.FeeWaivers.Add(new FeeWaiver { Code = "X-1", Name = "某费", Authority = "某部门", Kind = WaiverKind.Full, Basis = "某文件", ValidFrom = new DateOnly(2013, 1, 1) });
        await Assert.ThrowsAsync<JurisdictionViolationException>(() => city.SaveChangesAsync());

        await using var transaction = await city.Database.BeginTransactionAsync();
        await Assert.ThrowsAsync<JurisdictionViolationException>(() => new BulkWriter(city).WriteAsync(new[] { new FeeWaiver { Code = "X-2", Name = "某费", Authority = "某部门", Kind = WaiverKind.Full, Basis = "某文件", ValidFrom = new DateOnly(2013, 1, 1) } }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BulkWrites_OutsideOnesJurisdiction_AreRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var city = database.ContextAs("410100");
        city.EnsureDivisionsLoaded();
        var cluster = Samples.Cluster("41020201", "开封某集聚区");

        await using var transaction = await city.Database.BeginTransactionAsync();
        await Assert.ThrowsAsync<JurisdictionViolationException>(() =>
            new BulkWriter(city).WriteAsync(new[] { cluster }, c => city.DivisionDirectory.PathOf(c.County, c.Code)));
    }
}

public sealed class HistoryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnnualStatistics_CannotBeOverwrittenOrDeleted_OnlyCorrectedByANewVersion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Context())
        {
            await new DemoGenerator(db).GenerateAsync(new DemoOptions());
        }

        await using var context = database.Context();
        var row = await context.Statistics.FirstAsync(s => s.Cluster == ClusterCode.Of("41018201") && s.Year == 2015);
        context.Entry(row).Property(s => s.Employment).CurrentValue = 1;
        var update = await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
        Assert.Contains("新版本", update.Message, StringComparison.Ordinal);

        context.ChangeTracker.Clear();
        context.Statistics.Remove(await context.Statistics.FirstAsync(s => s.Cluster == ClusterCode.Of("41018201") && s.Year == 2014));
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());

        await using var check = database.Context();
        Assert.Equal(5, await check.Statistics.CountAsync(s => s.Cluster == ClusterCode.Of("41018201")));
        Assert.NotEqual(1, (await check.Statistics.SingleAsync(s => s.Cluster == ClusterCode.Of("41018201") && s.Year == 2015)).Employment);
    }
}
