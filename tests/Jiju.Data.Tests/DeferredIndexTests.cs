using Jiju.Data.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static Jiju.Data.Tests.ImportTestData;

namespace Jiju.Data.Tests;

/// <summary>A large import into SQLite builds a table's plain indexes again after its last row (ADR 0010).</summary>
public sealed class DeferredIndexTests
{
    /// <summary>Deferred from the second batch on, whoever is behind: what the default does for a million rows.</summary>
    private static IndexDeferral Early(List<(string Table, IReadOnlyList<string> Indexes)> dropped) =>
        new(MinimumRows: 1000, OnlyWhenWriterIsBehind: false) { Dropped = (table, indexes) => dropped.Add((table, indexes)) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_LargeEnoughToBuildTheIndexesAfterwards_LeavesTheTablesIndexesAsTheyWereAndInUse()
    {
        using var folder = new TempFolder();
        await using var database = await ImportTests.WithClusterAsync(DatabaseProvider.Sqlite, folder);
        var before = await SchemaAsync(database);
        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", Enumerable.Range(1, 3000).Select(i => Enterprise(CreditCode(i, "410182"))).ToList());

        var dropped = new List<(string Table, IReadOnlyList<string> Indexes)>();

        ImportTests.AssertSucceeded(await ImportTests.ImportAsync(database, path, indexDeferral: Early(dropped)));

        var (table, indexes) = Assert.Single(dropped);
        Assert.Equal("enterprises", table);
        Assert.Equal(3, indexes.Count); // cluster, county and owner path; the primary key stays
        Assert.Equal(before, await SchemaAsync(database));
        Assert.Contains("ix_enterprises_cluster", before, StringComparison.Ordinal);
        Assert.Equal("ok", await ScalarAsync(database, "PRAGMA integrity_check"));
        Assert.Equal(3000L, await ScalarAsync(database, "SELECT count(*) FROM enterprises INDEXED BY ix_enterprises_cluster WHERE cluster = '41018201'"));
        Assert.Equal(3000L, await ScalarAsync(database, "SELECT count(*) FROM enterprises INDEXED BY ix_enterprises_owner_path WHERE owner_path >= ''"));
    }

    [Fact]
    public async Task Import_WithABadRowAfterTheIndexesWereDropped_WritesNothingAndLeavesTheIndexes()
    {
        using var folder = new TempFolder();
        await using var database = await ImportTests.WithClusterAsync(DatabaseProvider.Sqlite, folder);
        var before = await SchemaAsync(database);
        // The writer drops the indexes between its first two batches if it gets there before the check reads row 5,502
        // (the queue lets the check run four batches ahead); either way the rollback must leave them as they were. The
        // rollback after a drop is pinned without a race below.
        var rows = Enumerable.Range(1, 6000).Select(i => Enterprise(CreditCode(i, "410182"))).ToList();
        rows[5500] = rows[5500].With("credit_code", WithWrongCheck(rows[5500]["credit_code"]!));

        var report = await ImportTests.ImportAsync(database, WriteCsv(folder.File("enterprises.csv"), "enterprises", rows), indexDeferral: Early([]));

        Assert.Equal([5502L], report.Errors.Select(e => e.Row));
        Assert.Equal(before, await SchemaAsync(database));
        Assert.Equal("ok", await ScalarAsync(database, "PRAGMA integrity_check"));
        Assert.Equal(0, await ImportTests.CountAsync(database, db => db.Enterprises));
    }

    [Fact]
    public void Rollback_AfterTheIndexesWereDropped_BringsThemBackWithoutBuildingThem()
    {
        using var writing = new Writing(rowsBefore: 10, written: 30, new IndexDeferral(20, OnlyWhenWriterIsBehind: true));
        writing.Indexes.BetweenBatches(written: 30, writerIsBehind: true);
        Assert.Equal(2, writing.Indexes.Dropped.Count);

        // A stop after the last row: the indexes are not built again only to be rolled back.
        Assert.Throws<OperationCanceledException>(() => writing.Indexes.Restore(new CancellationToken(canceled: true)));
        Assert.Equal(2, Schema(writing.Connection, writing.Transaction).Count);
        writing.Transaction.Rollback();

        Assert.Equal(writing.Before, Schema(writing.Connection));
        Assert.Equal(10L, Scalar(writing.Connection, null, "SELECT count(*) FROM t"));
    }

    [Fact]
    public void BetweenBatches_OnceTheDeferralApplies_DropsOnlyThePlainIndexesAndRestoreCreatesThemAgain()
    {
        using var writing = new Writing(rowsBefore: 10, written: 30, new IndexDeferral(20, OnlyWhenWriterIsBehind: true));

        writing.Indexes.BetweenBatches(written: 30, writerIsBehind: true);

        Assert.Equal(["CREATE INDEX ix_b ON t (b)", "CREATE INDEX ix_d ON t (d) WHERE d > 0"], writing.Indexes.Dropped);
        Assert.Equal(["sqlite_autoindex_t_1", "ux_c"], Schema(writing.Connection, writing.Transaction).Select(i => i.Name));
        writing.Indexes.Restore(CancellationToken.None);
        Assert.Equal(writing.Before, Schema(writing.Connection, writing.Transaction));
        writing.Transaction.Commit();
        Assert.Equal(writing.Before, Schema(writing.Connection));
        Assert.Equal(20L, Scalar(writing.Connection, null, "SELECT count(*) FROM t INDEXED BY ix_d WHERE d > 0")); // the even keys: 5 before, 15 written
    }

    [Theory]
    [InlineData(19, true, false)] // fewer than twice the 10 rows the table held
    [InlineData(20, true, true)] // twice: at least (以上) twice is enough
    [InlineData(20, false, false)] // the writer keeps up with the check
    public void BetweenBatches_DropsTheIndexesFromTwiceTheRowsTheTableHeldWhileTheWriterIsBehind(long written, bool writerIsBehind, bool dropped)
    {
        using var writing = new Writing(rowsBefore: 10, (int)written, new IndexDeferral(1, OnlyWhenWriterIsBehind: true));

        writing.Indexes.BetweenBatches(written, writerIsBehind);

        Assert.Equal(dropped, writing.Indexes.Dropped.Count == 2);
        Assert.Equal(dropped ? 2 : 4, Schema(writing.Connection, writing.Transaction).Count);
    }

    [Fact]
    public void BetweenBatches_BelowTheMinimumRows_KeepsTheIndexes()
    {
        using var connection = TableWithIndexes(rowsBefore: 0);
        using var transaction = connection.BeginTransaction();
        var indexes = new DeferredIndexes(connection, transaction, "t", IndexDeferral.Default);

        indexes.BetweenBatches(written: 49_999, writerIsBehind: true);

        Assert.Empty(indexes.Dropped);
        Assert.False(IndexDeferral.Default.Applies(49_999, 0, writerIsBehind: true));
        Assert.True(IndexDeferral.Default.Applies(50_000, 0, writerIsBehind: true));
    }

    /// <summary>
    /// The table <c>t</c> with some rows and its indexes (<see cref="Before"/>), then more rows written in an open
    /// transaction, and the writer's indexes under a deferral.
    /// </summary>
    private sealed class Writing : IDisposable
    {
        public Writing(int rowsBefore, int written, IndexDeferral policy)
        {
            Connection = TableWithIndexes(rowsBefore);
            Before = Schema(Connection);
            Transaction = Connection.BeginTransaction();
            Insert(Connection, Transaction, from: 100, count: written);
            Indexes = new DeferredIndexes(Connection, Transaction, "t", policy);
        }

        public SqliteConnection Connection { get; }

        public SqliteTransaction Transaction { get; }

        public List<(string Name, string? Sql)> Before { get; }

        public DeferredIndexes Indexes { get; }

        public void Dispose()
        {
            Transaction.Dispose();
            Connection.Dispose();
        }
    }

    private static SqliteConnection TableWithIndexes(int rowsBefore)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, null, "CREATE TABLE t (a TEXT NOT NULL PRIMARY KEY, b TEXT, c INTEGER, d INTEGER)");
        Execute(connection, null, "CREATE INDEX ix_b ON t (b)");
        Execute(connection, null, "CREATE UNIQUE INDEX ux_c ON t (c)");
        Execute(connection, null, "CREATE INDEX ix_d ON t (d) WHERE d > 0");
        Insert(connection, null, from: 0, count: rowsBefore);
        return connection;
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction? transaction, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            Execute(connection, transaction, $"INSERT INTO t VALUES ('k{i}', 'b{i % 3}', {i}, {i % 2 == 0} + 0)");
        }
    }

    private static List<(string Name, string? Sql)> Schema(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 't' ORDER BY name";
        using var reader = command.ExecuteReader();
        var indexes = new List<(string, string?)>();
        while (reader.Read())
        {
            indexes.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return indexes;
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<string> SchemaAsync(TestDatabase database)
    {
        await using var db = database.Context(Province);
        var indexes = await db.Database.SqlQueryRaw<string>("SELECT name || ': ' || sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'enterprises' AND sql IS NOT NULL ORDER BY name").ToListAsync(Ct);
        return string.Join("\n", indexes);
    }

    [Fact]
    public async Task Import_LeavesThePooledConnectionsWithTheirOwnPageCache()
    {
        using var folder = new TempFolder();
        await using var database = await ImportTests.WithClusterAsync(DatabaseProvider.Sqlite, folder);
        var before = await ScalarAsync(database, "PRAGMA cache_size");
        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", Enumerable.Range(1, 3000).Select(i => Enterprise(CreditCode(i, "410182"))).ToList());

        ImportTests.AssertSucceeded(await ImportTests.ImportAsync(database, path, indexDeferral: Early([])));

        // The check's connection and the writer's are both back in the pool: hold two, and ask each.
        await using var first = database.Context(Province);
        await using var second = database.Context(Province);
        await first.Database.OpenConnectionAsync(Ct);
        await second.Database.OpenConnectionAsync(Ct);
        foreach (var db in new[] { first, second })
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA cache_size";
            Assert.Equal(before, await command.ExecuteScalarAsync(Ct));
        }
    }

    [Fact]
    public async Task TheWritersPageCache_IsEnlargedOnlyWhenSmaller_AndSaysWhatToPutBack()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        async Task<long> CacheSizeAsync()
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA cache_size";
            return (long)(await command.ExecuteScalarAsync(Ct))!;
        }

        var before = await CacheSizeAsync();

        Assert.Equal(before, await ImportWriting.EnlargeCacheAsync(connection, Ct));
        Assert.Equal(-ImportWriting.WriterCacheKiB, await CacheSizeAsync());
        Assert.Null(await ImportWriting.EnlargeCacheAsync(connection, Ct));
    }

    private static async Task<object?> ScalarAsync(TestDatabase database, string sql)
    {
        await using var db = database.Context(Province);
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
