using Jiju.Data.Bulk;
using Jiju.Domain.Land;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Data.Tests;

/// <summary>The bulk reader gives what EF Core gives for the same query: values, jurisdiction and, in parts, every row once.</summary>
public sealed class BulkReaderTests
{
    /// <summary>
    /// A condition no index serves (the agreed start's index holds only parcels not started), so that SQLite reads the
    /// table in row order, as the sweep's full reads do: on the date of grant it could read through that column's index.
    /// </summary>
    private static IQueryable<ParcelRow> Query(IQueryable<LandParcel> parcels, DateOnly asOf) =>
        parcels.AsNoTracking().Where(p => p.AgreedStart <= asOf)
            .Select(p => new ParcelRow(p.Code, p.County, p.Cluster, p.GrantType, p.Price, p.AgreedStart, p.ActualStart, p.Area));

    private static List<ParcelRow> ReadAll(JijuDbContext db, IQueryable<ParcelRow> query)
    {
        using var rows = BulkReader.Open(db, query);
        var (code, county, cluster, grant, price, agreed, actual, area) = (
            rows.Ordinal("Code"), rows.Ordinal("County"), rows.Ordinal("Cluster"), rows.Ordinal("GrantType"),
            rows.Ordinal("Price"), rows.Ordinal("AgreedStart"), rows.Ordinal("ActualStart"), rows.Ordinal("Area"));
        var list = new List<ParcelRow>();
        while (rows.Read())
        {
            list.Add(new ParcelRow(
                ParcelCode.Of(rows.Text(code)), rows.Division(county), rows.Cluster(cluster), (GrantType)rows.Whole(grant),
                rows.Money(price), rows.Date(agreed), rows.NullableDate(actual), rows.Area(area)));
        }

        return list;
    }

    /// <summary>The parcels granted by the date, read in (up to) four row-id parts of the table, one after the other.</summary>
    private static (IReadOnlyList<TablePart> Parts, List<ParcelRow> Rows) ReadInParts(JijuDbContext db, DateOnly asOf)
    {
        var parts = BulkReader.Split<LandParcel>(db, parts: 4, minimumRowsPerPart: 1_000);
        return (parts, parts.SelectMany(part => ReadAll(db, Query(BulkReader.Rows<LandParcel>(db, part), asOf))).ToList());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ABulkRead_GivesTheRowsAndValuesEfCoreGives(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await using var db = database.Context();
        var asOf = new DateOnly(2015, 12, 31);

        var expected = await Query(db.Parcels, asOf).ToListAsync();
        var read = ReadAll(db, Query(db.Parcels, asOf));

        Assert.True(expected.Count > 40_000);
        Assert.Contains(read, r => r.ActualStart is null);
        Assert.Equal(expected.OrderBy(r => r.Code.Value, StringComparer.Ordinal), read.OrderBy(r => r.Code.Value, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ABulkRead_SeesOnlyTheCallersJurisdiction(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await using var xingyang = database.ContextAs("410182");
        var asOf = new DateOnly(2015, 12, 31);

        var read = ReadAll(xingyang, Query(xingyang.Parcels, asOf));

        Assert.NotEmpty(read);
        Assert.All(read, r => Assert.Equal("410182", r.County.Value));
        Assert.Equal(await xingyang.Parcels.CountAsync(p => p.AgreedStart <= asOf), read.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARepeatedText_IsTheTextItself_OneStringForEachDistinctValue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateDemoAsync(provider);
        await using var db = database.Context();
        // Longer than SQLite's reader decodes on the stack (150 bytes of UTF-8), and non-ASCII.
        var tail = new string('长', 50);
        using var rows = BulkReader.Open(db, db.Enterprises.AsNoTracking().Select(e => new { e.Industry, e.Name, Long = e.Name + tail }));
        var (industry, name, longText) = (rows.Ordinal("Industry"), rows.Ordinal("Name"), rows.Ordinal("Long"));
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = 0;
        while (rows.Read())
        {
            read++;
            foreach (var ordinal in new[] { industry, name, longText })
            {
                var text = rows.Text(ordinal);
                var repeated = rows.RepeatedText(ordinal);
                Assert.Equal(text, repeated);
                Assert.Same(first.TryAdd(text, repeated) ? repeated : first[text], repeated);
            }
        }

        Assert.True(read > 20_000);
        Assert.Contains(first.Keys, k => k.EndsWith(tail, StringComparison.Ordinal) && System.Text.Encoding.UTF8.GetByteCount(k) > 128);
    }

    [Fact]
    public async Task ATableReadInParts_GivesEveryRowOnce_InTheOrderOfTheWholeTable()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        var asOf = new DateOnly(2015, 12, 31);

        var whole = ReadAll(db, Query(BulkReader.Rows<LandParcel>(db, TablePart.All), asOf));
        var (parts, inParts) = ReadInParts(db, asOf);

        Assert.Equal(4, parts.Count);
        Assert.Null(parts[0].From);
        Assert.Null(parts[^1].To);
        Assert.All(parts.Zip(parts.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
        Assert.Equal(whole.Select(r => r.Code), inParts.Select(r => r.Code));
    }

    [Fact]
    public async Task ATableReadInParts_SeesOnlyTheCallersJurisdiction()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var province = database.Context();
        await using var xingyang = database.ContextAs("410182");
        var asOf = new DateOnly(2015, 12, 31);

        // The province's parts, read as 荥阳.
        var parts = BulkReader.Split<LandParcel>(province, parts: 4, minimumRowsPerPart: 1_000);
        var inParts = parts.SelectMany(part => ReadAll(xingyang, Query(BulkReader.Rows<LandParcel>(xingyang, part), asOf))).ToList();

        Assert.Equal(4, parts.Count);
        Assert.NotEmpty(inParts);
        Assert.All(inParts, r => Assert.Equal("410182", r.County.Value));
        Assert.Equal(await xingyang.Parcels.CountAsync(p => p.AgreedStart <= asOf), inParts.Count);
    }

    [Theory]
    [InlineData("410100")]
    [InlineData("410182")]
    [InlineData("41018201")]
    public async Task ACityCountyOrCluster_ReadsItsTableInOnePart(string node)
    {
        // Its rows come from the owner-path index; parts by row id would each scan their share of the whole table.
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.ContextAs(node);
        var asOf = new DateOnly(2015, 12, 31);

        var (parts, inParts) = ReadInParts(db, asOf);

        Assert.Equal([TablePart.All], parts);
        Assert.NotEmpty(inParts);
        Assert.Equal(await db.Parcels.CountAsync(p => p.AgreedStart <= asOf), inParts.Count);
    }

    [Fact]
    public async Task ASmallTable_OrOneInATransaction_IsOnePart()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();

        Assert.Equal([TablePart.All], BulkReader.Split<LandParcel>(db, parts: 4, minimumRowsPerPart: 1_000_000));
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.Equal([TablePart.All], BulkReader.Split<LandParcel>(db, parts: 4, minimumRowsPerPart: 1_000));
    }

    [Fact]
    public async Task ABulkReadInsideATransaction_SeesWhatTheTransactionWrote()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        var asOf = new DateOnly(2015, 12, 31);
        var before = ReadAll(db, Query(db.Parcels, asOf)).Count;

        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM parcel_extensions; DELETE FROM parcels WHERE rowid % 2 = 0");

        Assert.True(ReadAll(db, Query(db.Parcels, asOf)).Count < before);
    }

    [Fact]
    public async Task ABulkReadThatFindsTheDatabaseLocked_WaitsUntilItIsFree_AsEfCoresOwnReadsDo()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        var asOf = new DateOnly(2015, 12, 31);
        var expected = ReadAll(db, Query(db.Parcels, asOf)).Count;
        Task<int> read;
        bool waited;
        await using (LockOut(database))
        {
            read = Task.Run(() => ReadAll(db, Query(db.Parcels, asOf)).Count);
            await Task.Delay(600);
            waited = !read.IsCompleted;
        }

        Assert.Equal(expected, await read);
        Assert.True(waited, "the read ended while another connection held the database");
    }

    [Fact]
    public async Task ABulkReadThatFindsTheDatabaseLockedBeyondItsCommandTimeout_GivesSqlitesBusyError()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        db.Database.SetCommandTimeout(1);
        await using var blocker = LockOut(database);

        var error = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => ReadAll(db, Query(db.Parcels, new DateOnly(2015, 12, 31))));

        Assert.Equal(5, error.SqliteErrorCode);
    }

    /// <summary>
    /// A connection of its own, out of the pool, that holds <paramref name="database"/> exclusively until disposed: the test's
    /// pooled connections to it are closed first (every other connection keeps it open for reading).
    /// </summary>
    private static Microsoft.Data.Sqlite.SqliteConnection LockOut(TestDatabase database)
    {
        var connectionString = database.Options.EffectiveConnectionString;
        using (var pooled = new Microsoft.Data.Sqlite.SqliteConnection(connectionString))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(pooled);
        }

        var blocker = new Microsoft.Data.Sqlite.SqliteConnection(connectionString + ";Pooling=False");
        blocker.Open();
        using var command = blocker.CreateCommand();
        command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;";
        command.ExecuteNonQuery();
        return blocker;
    }

    [Fact]
    public async Task AColumnNotInTheQuery_IsNamedWithTheColumnsThatAre()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        using var rows = BulkReader.Open(db, Query(db.Parcels, new DateOnly(2015, 12, 31)));

        var error = Assert.Throws<ArgumentException>(() => rows.Ordinal("Boundary"));

        Assert.Contains("没有列 Boundary", error.Message, StringComparison.Ordinal);
        Assert.Contains("agreed_start", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(10L)]
    [InlineData(99L)]
    [InlineData(100L)]
    [InlineData(12_300L)]
    [InlineData(12_340L)]
    [InlineData(12_345L)]
    [InlineData(-1L)]
    [InlineData(-12_340L)]
    [InlineData(500_000_000_00L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void MoneyReadFromFen_IsTheDivisionByAHundred_ToTheBit(long fen) =>
        Assert.Equal(decimal.GetBits(fen / 100m), decimal.GetBits(Conversions.Yuan(fen)));

    [Fact]
    public void MoneyReadFromFen_IsTheDivisionByAHundred_ForEveryValueOfAWideSample()
    {
        var random = new Random(2012);
        for (var i = 0; i < 100_000; i++)
        {
            var fen = random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(0, 63);
            Assert.Equal(decimal.GetBits(fen / 100m), decimal.GetBits(Conversions.Yuan(fen)));
        }
    }

    private sealed record ParcelRow(ParcelCode Code, Domain.Divisions.DivisionCode County, Domain.Clusters.ClusterCode? Cluster, GrantType GrantType, Domain.Common.Money Price, DateOnly AgreedStart, DateOnly? ActualStart, Domain.Common.Area Area);
}
