using System.Security.Cryptography;
using System.Text;
using Jiju.Data.Demo;
using Jiju.Data.Jurisdiction;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Land;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Data.Tests;

public sealed class DemoGeneratorTests
{
    private static async Task<TestDatabase> GeneratedAsync(DatabaseProvider provider, int seed = 2012)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context();
        await new DemoGenerator(db).GenerateAsync(new DemoOptions(seed));
        return database;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Province_HasAbout180ClustersNamedAfterTheirCounties_AndEveryCreditCodeValidates(DatabaseProvider provider)
    {
        await using var database = await GeneratedAsync(provider);
        await using var db = database.Context();

        var clusters = await db.Clusters.AsNoTracking().ToListAsync();
        Assert.Equal(180, clusters.Count);
        Assert.All(clusters, c => Assert.EndsWith("产业集聚区", c.Name, StringComparison.Ordinal));
        Assert.Contains(clusters, c => c.Name == "荥阳市产业集聚区" && c.Code == ClusterCode.Of("41018201"));
        Assert.Contains(clusters, c => c.County == DivisionCode.Of("419001"));

        // Read the stored text, not the converted value, so a bad code cannot hide behind the converter.
        var codes = await db.Database.SqlQueryRaw<string>("SELECT credit_code AS \"Value\" FROM enterprises").ToListAsync();
        Assert.True(codes.Count > 20_000);
        Assert.All(codes, c => Assert.True(UnifiedSocialCreditCode.Parse(c).IsValid, c));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task SameSeed_GivesTheSameData_AndADifferentSeedDoesNot()
    {
        await using var a = await GeneratedAsync(DatabaseProvider.Sqlite, 7);
        await using var b = await GeneratedAsync(DatabaseProvider.Sqlite, 7);
        await using var c = await GeneratedAsync(DatabaseProvider.Sqlite, 8);

        var digestA = await DigestAsync(a);
        Assert.Equal(digestA, await DigestAsync(b));
        Assert.NotEqual(digestA, await DigestAsync(c));
    }

    [Fact]
    public async Task GeneratingAgain_ReplacesThePreviousDemo()
    {
        await using var database = await GeneratedAsync(DatabaseProvider.Sqlite);
        var before = await DigestAsync(database);

        await using (var db = database.Context())
        {
            await new DemoGenerator(db).GenerateAsync(new DemoOptions());
        }

        Assert.Equal(before, await DigestAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generating_RefusesToTouchADatabaseWithDataPeopleEntered(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Context())
        {
            db.Clusters.Add(Samples.Cluster());
            await db.SaveChangesAsync();
        }

        await using var again = database.Context();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new DemoGenerator(again).GenerateAsync(new DemoOptions()));
        Assert.Contains("非演示数据", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await again.Clusters.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThePlantedBoundaries_AreStoredExactly(DatabaseProvider provider)
    {
        await using var database = await GeneratedAsync(provider);
        await using var db = database.Context();

        var plants = await db.DemoPlants.AsNoTracking().ToListAsync();
        Assert.Equal(38, plants.Count);
        foreach (var kind in new[] { "idle-land.fee", "idle-land.recover", "idle-land.none", "key-project.yes", "key-project.no", "yishang.eligible", "yishang.not-eligible", "community.meets", "community.too-small", "heating.back-pressure-chp", "heating.central-boiler", "relocation.late", "relocation.on-time", "hukou.priority", "farmland.overlaps-control-area" })
        {
            Assert.Contains(plants, p => p.Kind == kind);
        }

        var exactlyOneYear = await db.Parcels.AsNoTracking().SingleAsync(p =>
            p.Cluster == ClusterCode.Of("41018201") && p.AgreedStart == new DateOnly(2014, 12, 30) && p.GrantType == GrantType.Transfer && p.ActualStart == null);
        Assert.Equal(12_345_678.90m, exactlyOneYear.Price.Yuan);

        var projects = await db.Projects.AsNoTracking().Where(p => p.Cluster == ClusterCode.Of("41018201")).ToListAsync();
        Assert.Contains(projects, p => p.Investment.Yuan == 500_000_000.00m);
        Assert.Contains(projects, p => p.Investment.Yuan == 499_999_999.99m);
        Assert.Contains(projects, p => p.Investment.Yuan == 1_000_000_000.00m);

        var fundings = await db.ProjectFundings.AsNoTracking().ToListAsync();
        Assert.Contains(fundings, f => f.Amount == 30_000_000.00m && f.Currency == CurrencyCode.Usd);
        Assert.Contains(fundings, f => f.Amount == 29_999_999.99m);
        Assert.Contains(await db.ResettlementCommunities.AsNoTracking().ToListAsync(), c => c.PlannedPopulation == 5000);

        var xingyang = await db.Statistics.AsNoTracking().Where(s => s.Cluster == ClusterCode.Of("41018201") && s.Year >= 2014).OrderBy(s => s.Year).ToListAsync();
        Assert.Equal(-1_000_000.00m, (xingyang[1].VatProvincialShare - xingyang[0].VatProvincialShare).Yuan);
        Assert.Equal(200_000.00m, (xingyang[1].BusinessTaxProvincialShare - xingyang[0].BusinessTaxProvincialShare).Yuan);
        Assert.Equal(-100_000.00m, (xingyang[1].IncomeTaxProvincialShare - xingyang[0].IncomeTaxProvincialShare).Yuan);

        // Random data stays clear of the lines the plants sit on.
        var others = await db.Projects.AsNoTracking().Where(p => p.Cluster != ClusterCode.Of("41018201")).Select(p => p.Investment).ToListAsync();
        Assert.DoesNotContain(others, m => Math.Abs(m.Yuan - 500_000_000m) < 15_000_000m || Math.Abs(m.Yuan - 1_000_000_000m) < 30_000_000m);
    }

    [Fact]
    public async Task Geometry_ParcelsLieInsideTheirDevelopmentArea_AndOnlyThePlantedFarmlandTouchesAControlArea()
    {
        await using var database = await GeneratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();

        var clusters = await db.Clusters.AsNoTracking().ToDictionaryAsync(c => c.Code);
        var parcels = await db.Parcels.AsNoTracking().Where(p => p.Cluster != null).Select(p => new { p.Cluster, p.Boundary }).ToListAsync();
        Assert.All(parcels, p => Assert.True(clusters[p.Cluster!.Value].DevelopmentArea!.Covers(p.Boundary!), p.Cluster.ToString()));
        Assert.All(clusters.Values, c => Assert.True(c.ControlArea!.Covers(c.DevelopmentArea!)));
        var list = clusters.Values.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                Assert.False(list[i].ControlArea!.Intersects(list[j].ControlArea), $"{list[i].Name} 与 {list[j].Name} 重叠");
            }
        }

        var farmland = await db.BasicFarmland.AsNoTracking().ToListAsync();
        var touching = farmland.Where(f => clusters.Values.Any(c => c.ControlArea!.Intersects(f.Boundary))).ToList();
        var only = Assert.Single(touching);
        Assert.Contains("与控制区相交", only.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task National_CoversAllProvinces_WithOneZonePerSyntheticCounty()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.Options.CreateContext(JurisdictionScope.System("test"), database.Divisions);

        var report = await new DemoGenerator(db).GenerateAsync(new DemoOptions(2012, DemoScale.National, new DemoVolume(2, 3, 1)));

        Assert.InRange(report.Clusters, 3_000, 3_300);
        Assert.Equal(31, await db.Divisions.CountAsync(d => d.Level == DivisionLevel.Province));
        Assert.Equal(report.Clusters * 2 + 3, report.RowsByTable["enterprises"]);

        // Henan's officials still see only Henan.
        await using var henan = database.Context();
        Assert.Equal(180, await henan.Clusters.CountAsync());
    }

    private static async Task<string> DigestAsync(TestDatabase database)
    {
        await using var db = database.Context();
        var text = new StringBuilder();
        foreach (var e in await db.Enterprises.AsNoTracking().OrderBy(e => e.CreditCode).ToListAsync())
        {
            text.Append(e.CreditCode).Append(e.Name).Append(e.Industry).Append('\n');
        }

        foreach (var p in await db.Parcels.AsNoTracking().OrderBy(p => p.Code).ToListAsync())
        {
            text.Append(p.Code).Append(p.Price).Append(p.AgreedStart).Append(p.ActualStart).Append(p.Boundary!.AsText()).Append('\n');
        }

        foreach (var s in await db.Statistics.AsNoTracking().OrderBy(s => s.Cluster).ThenBy(s => s.Year).ToListAsync())
        {
            text.Append(s.Cluster).Append(s.Year).Append(s.Revenue).Append(s.VatProvincialShare).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
