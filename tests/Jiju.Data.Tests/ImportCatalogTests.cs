using Jiju.Data.Import;
using Jiju.Domain.Clusters;
using Jiju.Domain.Land;
using Jiju.Domain.Statistics;

namespace Jiju.Data.Tests;

public sealed class ImportCatalogTests
{
    [Fact]
    public void Catalog_CoversEveryUserTableAndNotTheSystemOnes()
    {
        var keys = ImportCatalog.All.Select(e => e.Key).ToList();

        Assert.Equal(32, keys.Count);
        Assert.DoesNotContain("divisions", keys);
        Assert.DoesNotContain("audit_log", keys);
        Assert.DoesNotContain("meta", keys);
        Assert.DoesNotContain("demo_plants", keys);
        Assert.Contains("parcels", keys);
        Assert.Contains("exchange_rates", keys);
    }

    [Fact]
    public void Catalog_ListsEveryReferencedTableBeforeTheTablesThatReferToIt()
    {
        var position = ImportCatalog.All.Select((e, i) => (e, i)).ToDictionary(x => x.e, x => x.i);

        foreach (var entity in ImportCatalog.All)
        {
            foreach (var reference in entity.References.Where(r => r.Principal is not null))
            {
                Assert.True(position[reference.Principal!] < position[entity], $"{reference.Principal!.Key} 应排在 {entity.Key} 之前");
            }
        }

        Assert.Equal("clusters", ImportCatalog.All[0].Key);
        Assert.True(position[ImportCatalog.Find("enterprises")!] < position[ImportCatalog.Find("projects")!]);
        Assert.True(position[ImportCatalog.Find("parcels")!] < position[ImportCatalog.Find("parcel_extensions")!]);
    }

    [Theory]
    [InlineData("parcels")]
    [InlineData("PARCELS")]
    [InlineData(" 宗地 ")]
    [InlineData("LandParcel")]
    public void Find_ByKeyChineseNameOrClassName_IgnoringCaseAndSpaces(string name) =>
        Assert.Equal(typeof(LandParcel), ImportCatalog.Find(name)?.ClrType);

    [Fact]
    public void Find_OfAnUnknownName_IsNull()
    {
        Assert.Null(ImportCatalog.Find("宗地表"));
        Assert.Null(ImportCatalog.Find(string.Empty));
    }

    [Fact]
    public void Columns_AreThePropertiesWithAChineseTermWithUnitsRequirednessAndKeys()
    {
        var parcels = ImportCatalog.Find("parcels")!;
        var area = Assert.Single(parcels.Columns, c => c.Key == "area");

        Assert.Equal("宗地面积（平方米）", area.Header);
        Assert.Equal("平方米", area.Unit);
        Assert.True(area.Required);
        Assert.False(Assert.Single(parcels.Columns, c => c.Key == "actual_start").Required);
        Assert.Equal(typeof(LandParcel).GetProperties().Count(p => p.IsDefined(typeof(Domain.Common.ZhAttribute), false)), parcels.Columns.Count);
        Assert.DoesNotContain(ImportCatalog.Find("parcel_extensions")!.Columns, c => c.Key == "id");
    }

    [Fact]
    public void Columns_WithADefaultAreOptionalAndSaySoAndOptionsListTheirLabels()
    {
        var statistics = ImportCatalog.Find(typeof(ClusterStatistics).Name)!;
        var clusters = ImportCatalog.Find("clusters")!;

        Assert.False(Assert.Single(statistics.Columns, c => c.Key == "version").Required);
        Assert.Contains("更正", Assert.Single(statistics.Columns, c => c.Key == "version").TypeDescription, StringComparison.Ordinal);
        Assert.Equal("选项：产业集聚区、专业园区、已取消资格", Assert.Single(clusters.Columns, c => c.PropertyName == nameof(Cluster.Status)).TypeDescription);
        Assert.Equal("是/否；留空为否", Assert.Single(clusters.Columns, c => c.Key == "high_risk_industry").TypeDescription);
        Assert.Equal("整数（单位：人）", Assert.Single(clusters.Columns, c => c.Key == "committee_staff_quota").TypeDescription);
    }
}
