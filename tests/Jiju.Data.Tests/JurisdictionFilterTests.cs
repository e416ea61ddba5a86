using System.Data.Common;
using Jiju.Data.Jurisdiction;
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

        await AssertEveryNodeSeesExactlyItsRowsAsync(database);
    }

    [Fact]
    public async Task OnPostgres_TheFilterStaysExact_InADatabaseWhoseCollationIgnoresPunctuation()
    {
        // ICU's shifted alternate handling ignores '/', so '410000/410100/…' sorts as '410000410100…', after the
        // province's '4100000', there: without the owner-path column's own collation "C" the province would see no rows.
        await using var database = await TestDatabase.CreateDemoAsync(
            DatabaseProvider.Postgres, "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US-u-ka-shifted'");
        await using (var province = database.Context())
        {
            Assert.False(await province.Database.SqlQueryRaw<bool>("SELECT '4100000' > '410000/419001/' AS \"Value\"").SingleAsync());
        }

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

    private static async Task AssertEveryNodeSeesExactlyItsRowsAsync(TestDatabase database)
    {
        List<string> enterprises, parcels, projects, extensions, nodes;
        await using (var system = database.Context(JurisdictionScope.System()))
        {
            enterprises = await system.Enterprises.Select(e => EF.Property<string>(e, JijuDbContext.OwnerPath)).ToListAsync();
            parcels = await system.Parcels.Select(e => EF.Property<string>(e, JijuDbContext.OwnerPath)).ToListAsync();
            projects = await system.Projects.Select(e => EF.Property<string>(e, JijuDbContext.OwnerPath)).ToListAsync();
            extensions = await system.ParcelExtensions.Select(e => EF.Property<string>(e, JijuDbContext.OwnerPath)).ToListAsync();
            nodes = [.. await system.Divisions.Select(d => d.Code.Value).ToListAsync(), .. await system.Clusters.Select(c => c.Code.Value).ToListAsync()];
        }

        Assert.NotEmpty(extensions);
        Assert.True(nodes.Count > 300, $"{nodes.Count} nodes");
        foreach (var node in nodes)
        {
            await using var db = database.ContextAs(node);
            var scope = db.Scope;
            Assert.Equal(enterprises.Count(scope.Covers), await db.Enterprises.CountAsync());
            Assert.Equal(parcels.Count(scope.Covers), await db.Parcels.CountAsync());
            Assert.Equal(projects.Count(scope.Covers), await db.Projects.CountAsync());
            Assert.Equal(extensions.Count(scope.Covers), await db.ParcelExtensions.CountAsync());
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
