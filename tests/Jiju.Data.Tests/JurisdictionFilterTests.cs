using System.Data.Common;
using Jiju.Data.Jurisdiction;
using Jiju.Domain.Clusters;
using Jiju.Domain.Divisions;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Industries;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Data.Tests;

/// <summary>The query filter as a range of the owner-path index (ADR 0002): exact, and read from the index.</summary>
public sealed class JurisdictionFilterTests
{
    [Fact]
    public void PathEnd_IsThePathWithItsLastCharacterRaised()
    {
        Assert.Equal("410000/4101000", new JurisdictionScope("t", "410000/410100/").PathEnd);
        Assert.Equal("4100000", JurisdictionScope.Province().PathEnd);
        Assert.Equal(string.Empty, JurisdictionScope.System().PathEnd);
    }

    [Fact]
    public void TheRangeFromPathToPathEnd_HoldsExactlyThePathsTheScopeCovers()
    {
        // Every string of up to five characters from an alphabet around '/' and '0' (its neighbours in ordinal order),
        // against scopes whose paths are prefixes of one another.
        const string alphabet = "./0:9";
        var strings = new List<string> { string.Empty };
        for (var length = 1; length <= 5; length++)
        {
            strings.AddRange(strings.Where(s => s.Length == length - 1).SelectMany(s => alphabet.Select(c => s + c)).ToList());
        }

        foreach (var path in new[] { "/", "0/", "9/", "0/0/", "0/9/", "00/", "0./", "0:/" })
        {
            var scope = new JurisdictionScope("t", path);
            foreach (var s in strings)
            {
                var inRange = string.CompareOrdinal(s, scope.Path) >= 0 && string.CompareOrdinal(s, scope.PathEnd) < 0;
                Assert.True(inRange == scope.Covers(s), $"{s} against {path}: in range {inRange}, covered {scope.Covers(s)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryDivisionAndCluster_SeesExactlyTheRowsBelowItsPath(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await AddASecondProvinceAsync(database);

        await AssertEveryNodeSeesExactlyItsRowsAsync(database);
    }

    [Fact]
    public async Task OnPostgres_TheFilterStaysExact_InADatabaseWhoseCollationIgnoresPunctuation()
    {
        // ICU's shifted alternate handling ignores '/', so '410000/410100/410102/…' sorts as '410000410100410102…',
        // after 郑州's range end '410000/4101000', there: without the owner-path column's own collation "C", cities,
        // counties and clusters (whose filter is that range) would see none of their rows.
        await using var database = await TestDatabase.CreateDemoAsync(
            DatabaseProvider.Postgres, "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US-u-ka-shifted'");
        await using (var province = database.Context())
        {
            Assert.False(await province.Database.SqlQueryRaw<bool>("SELECT '410000/4101000' > '410000/410100/410102/' AS \"Value\"").SingleAsync());
        }

        await AddASecondProvinceAsync(database);
        await AssertEveryNodeSeesExactlyItsRowsAsync(database);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACityCountyOrClusterQuery_ReadsTheOwnerPathIndex(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        foreach (var node in new[] { "410100", "410182", "41018201" })
        {
            await using var db = database.ContextAs(node);

            var plan = await PlanAsync(db, db.Enterprises.Where(e => e.Employees > 5).Select(e => e.Name));

            Assert.Contains("ix_enterprises_owner_path", plan, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AProvinceQuery_OnSqlite_ScansTheTableInsteadOfTheIndex()
    {
        // In a province's database the province's range is every row, which a scan reads fastest and in the table's order.
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var province = database.Context();

        var plan = await PlanAsync(province, province.Enterprises.Where(e => e.Employees > 5).Select(e => e.Name));

        Assert.StartsWith("SCAN", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("ix_enterprises_owner_path", plan, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASystemQuery_HasNoJurisdictionFilter_AndSeesEveryRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await using var system = database.Context(JurisdictionScope.System());
        await using var province = database.Context();

        Assert.DoesNotContain("owner_path", system.Parcels.Select(p => p.Code).ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("owner_path", province.Parcels.Select(p => p.Code).ToQueryString(), StringComparison.Ordinal);
        Assert.Equal(await province.Parcels.CountAsync(), await system.Parcels.CountAsync());
    }

    /// <summary>
    /// Every division and cluster in the database sees exactly the rows whose owner path starts with its own: the same
    /// keys as <see cref="JurisdictionScope.Covers"/> picks out of every row.
    /// </summary>
    private static async Task AssertEveryNodeSeesExactlyItsRowsAsync(TestDatabase database)
    {
        List<(string Path, string Key)> enterprises, parcels, projects;
        List<string> extensions, nodes;
        await using (var system = database.Context(JurisdictionScope.System()))
        {
            extensions = await system.ParcelExtensions.Select(e => EF.Property<string>(e, JijuDbContext.OwnerPath)).ToListAsync();
            enterprises = (await system.Enterprises.Select(e => new { Path = EF.Property<string>(e, JijuDbContext.OwnerPath), Key = e.CreditCode }).ToListAsync()).ConvertAll(r => (r.Path, r.Key.Value));
            parcels = (await system.Parcels.Select(e => new { Path = EF.Property<string>(e, JijuDbContext.OwnerPath), Key = e.Code }).ToListAsync()).ConvertAll(r => (r.Path, r.Key.Value));
            projects = (await system.Projects.Select(e => new { Path = EF.Property<string>(e, JijuDbContext.OwnerPath), Key = e.Code }).ToListAsync()).ConvertAll(r => (r.Path, r.Key.Value));
            nodes = [.. await system.Divisions.Select(d => d.Code.Value).ToListAsync(), .. await system.Clusters.Select(c => c.Code.Value).ToListAsync()];
            database.Divisions.Load(await system.Divisions.AsNoTracking().ToListAsync());
        }

        Assert.NotEmpty(extensions);
        Assert.True(nodes.Count > 300, $"{nodes.Count} nodes");
        foreach (var node in nodes)
        {
            await using var db = database.ContextAs(node);
            var scope = db.Scope;
            static List<string> Expected(List<(string Path, string Key)> rows, JurisdictionScope scope) =>
                [.. rows.Where(r => scope.Covers(r.Path)).Select(r => r.Key).Order(StringComparer.Ordinal)];
            Assert.Equal(Expected(enterprises, scope), (await db.Enterprises.Select(e => e.CreditCode).ToListAsync()).Select(c => c.Value).Order(StringComparer.Ordinal));
            Assert.Equal(Expected(parcels, scope), (await db.Parcels.Select(e => e.Code).ToListAsync()).Select(c => c.Value).Order(StringComparer.Ordinal));
            Assert.Equal(Expected(projects, scope), (await db.Projects.Select(e => e.Code).ToListAsync()).Select(c => c.Value).Order(StringComparer.Ordinal));
            Assert.Equal(extensions.Count(scope.Covers), await db.ParcelExtensions.CountAsync());
        }
    }

    /// <summary>A second province (湖北, one county, one cluster, one enterprise) beside the demo's, written as System.</summary>
    private static async Task AddASecondProvinceAsync(TestDatabase database)
    {
        await using (var system = database.Options.CreateContext(JurisdictionScope.System(), new DivisionDirectory()))
        {
            system.Divisions.AddRange(
                new Division { Code = DivisionCode.Of("420000"), Name = "湖北省", Level = DivisionLevel.Province, Kind = DivisionKind.Province },
                new Division { Code = DivisionCode.Of("420100"), Name = "武汉市", Parent = DivisionCode.Of("420000"), Level = DivisionLevel.City, Kind = DivisionKind.PrefectureCity },
                new Division { Code = DivisionCode.Of("420102"), Name = "江岸区", Parent = DivisionCode.Of("420100"), Level = DivisionLevel.County, Kind = DivisionKind.District });
            await system.SaveChangesAsync();
        }

        await using (var system = database.Options.CreateContext(JurisdictionScope.System(), new DivisionDirectory()))
        {
            system.Clusters.Add(Samples.Cluster("42010201", "江岸区产业集聚区"));
            system.Enterprises.Add(new Enterprise
            {
                CreditCode = UnifiedSocialCreditCode.Of(ImportTestData.CreditCode(1, "420102")),
                Name = "湖北某企业",
                Industry = IndustryCode.Of("36"),
                County = DivisionCode.Of("420102"),
                Cluster = ClusterCode.Of("42010201"),
            });
            await system.SaveChangesAsync();
        }
    }

    /// <summary>The database's plan for the query, as text; PostgreSQL is told to avoid scans it could make with an index.</summary>
    private static async Task<string> PlanAsync(JijuDbContext db, IQueryable query)
    {
        await db.Database.OpenConnectionAsync();
        var sqlite = db.Database.ProviderName!.Contains("Sqlite", StringComparison.Ordinal);
        if (!sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        }

        await using DbCommand command = query.CreateDbCommand();
        command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetValue(reader.FieldCount - 1).ToString() ?? string.Empty);
        }

        return string.Join('\n', lines);
    }
}
