using Jiju.Data.Import;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Jiju.Data.Tests.ImportTestData;

namespace Jiju.Data.Tests;

/// <summary>An import into PostgreSQL checks its foreign keys once before the commit instead of row by row (ADR 0011).</summary>
public sealed class PostgresReferenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ImportReport> ImportAsync(JijuDbContext db, string path, ReferenceDeferral references) =>
        await new Importer(db) { ReferenceDeferral = references }.ImportAsync(path, null, null, Ct);

    [Fact]
    public async Task AnImport_ChecksItsForeignKeysOnceAtTheEnd_AndWritesEveryRow_IncludingRowsThatReferenceRowsOfTheSameFile()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        using var folder = new TempFolder();
        var path = WriteXlsx(folder.File("集聚区与企业.xlsx"), [
            ("clusters", "clusters", [Cluster()]),
            ("enterprises", "enterprises", Enumerable.Range(1, 2000).Select(i => Enterprise(CreditCode(i, "410182"))).ToList()),
        ]);
        bool? deferred = null;

        await using (var db = database.Context(Province))
        {
            ImportTests.AssertSucceeded(await ImportAsync(db, path, ReferenceDeferral.Default with { Decided = d => deferred = d }));
        }

        Assert.True(deferred);
        await using var check = database.Context();
        Assert.Equal(2000, await check.Enterprises.CountAsync(e => e.Cluster == Domain.Clusters.ClusterCode.Of("41018201"), Ct));
    }

    [Fact]
    public async Task AReferencedRowDeletedWhileTheImportRan_StopsTheImport_WhichWritesNothing()
    {
        using var folder = new TempFolder();
        await using var database = await ImportTests.WithClusterAsync(DatabaseProvider.Postgres, folder);
        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", Enumerable.Range(1, 500).Select(i => Enterprise(CreditCode(i, "410182"))).ToList());

        // Someone else deletes the cluster the rows belong to after the check found it and before the commit.
        async Task DeleteTheCluster()
        {
            await using var other = new NpgsqlConnection(database.Options.ConnectionString);
            await other.OpenAsync(Ct);
            await using var delete = new NpgsqlCommand("DELETE FROM clusters WHERE code = '41018201'", other);
            Assert.Equal(1, await delete.ExecuteNonQueryAsync(Ct));
        }

        await using (var db = database.Context(Province))
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ImportAsync(db, path, ReferenceDeferral.Default with { BeforeCheck = DeleteTheCluster }));
            Assert.Contains("41018201", error.Message, StringComparison.Ordinal);
            Assert.Contains("未写入任何数据", error.Message, StringComparison.Ordinal);
        }

        await using var check = database.Context();
        Assert.Equal(0, await check.Enterprises.CountAsync(Ct));
        Assert.Equal(0, await check.Clusters.CountAsync(Ct));

        // The setting lasted only for the import's transaction: a connection from the pool is back to normal.
        await using var pooled = new NpgsqlConnection(database.Options.ConnectionString);
        await pooled.OpenAsync(Ct);
        await using var show = new NpgsqlCommand("SHOW session_replication_role", pooled);
        Assert.Equal("origin", await show.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task AReferencedRowDeletedAfterTheCheck_WaitsForTheImport_AndIsThenRefused()
    {
        using var folder = new TempFolder();
        await using var database = await ImportTests.WithClusterAsync(DatabaseProvider.Postgres, folder);
        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", Enumerable.Range(1, 500).Select(i => Enterprise(CreditCode(i, "410182"))).ToList());
        Task<int>? delete = null;

        // Between the check and the commit, someone else tries to delete the cluster: the lock makes them wait.
        async Task DeleteTheClusterAndWait()
        {
            delete = Task.Run(async () =>
            {
                await using var other = new NpgsqlConnection(database.Options.ConnectionString);
                await other.OpenAsync(Ct);
                await using var command = new NpgsqlCommand("DELETE FROM clusters WHERE code = '41018201'", other);
                return await command.ExecuteNonQueryAsync(Ct);
            });
            await using var watcher = new NpgsqlConnection(database.Options.ConnectionString);
            await watcher.OpenAsync(Ct);
            await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'DELETE FROM clusters%'", watcher);
            while (Convert.ToInt64(await waiting.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                Assert.False(delete.IsCompleted, "the delete did not wait for the import's lock");
                await Task.Delay(20, Ct);
            }
        }

        await using (var db = database.Context(Province))
        {
            ImportTests.AssertSucceeded(await ImportAsync(db, path, ReferenceDeferral.Default with { AfterCheck = DeleteTheClusterAndWait }));
        }

        var refused = await Assert.ThrowsAsync<PostgresException>(() => delete!);
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        await using var check = database.Context();
        Assert.Equal(500, await check.Enterprises.CountAsync(Ct));
        Assert.Equal(1, await check.Clusters.CountAsync(Ct));
    }

    [Fact]
    public async Task AUserWithoutTheRightToTurnTriggersOff_ImportsWithThem_AndWritesEveryRow()
    {
        using var folder = new TempFolder();
        await using var database = await ImportTests.WithClusterAsync(DatabaseProvider.Postgres, folder);
        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", Enumerable.Range(1, 500).Select(i => Enterprise(CreditCode(i, "410182"))).ToList());
        var role = $"jiju_test_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(database.Options.ConnectionString);
        await ExecuteAsync(admin.ConnectionString, $"CREATE ROLE {role} LOGIN PASSWORD 'p'", $"GRANT ALL ON SCHEMA public TO {role}", $"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}", $"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}");
        try
        {
            var user = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Username = role, Password = "p" };
            var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = user.ConnectionString };
            bool? deferred = null;
            await using (var db = options.CreateContext(Province, database.Divisions))
            {
                ImportTests.AssertSucceeded(await ImportAsync(db, path, ReferenceDeferral.Default with { Decided = d => deferred = d }));
            }

            Assert.False(deferred);
            await using var check = database.Context();
            Assert.Equal(500, await check.Enterprises.CountAsync(Ct));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin.ConnectionString, $"DROP OWNED BY {role}", $"DROP ROLE {role}");
        }
    }

    [Fact]
    public async Task ATableWithATriggerOfItsOwn_ImportsWithTriggers_SoThatTriggerSeesEveryRow()
    {
        using var folder = new TempFolder();
        await using var database = await ImportTests.WithClusterAsync(DatabaseProvider.Postgres, folder);
        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", Enumerable.Range(1, 300).Select(i => Enterprise(CreditCode(i, "410182"))).ToList());
        await ExecuteAsync(
            database.Options.ConnectionString!,
            "CREATE TABLE seen (credit_code text)",
            "CREATE FUNCTION remember() RETURNS trigger AS $$ BEGIN INSERT INTO seen VALUES (NEW.credit_code); RETURN NEW; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER remember AFTER INSERT ON enterprises FOR EACH ROW EXECUTE FUNCTION remember()");
        bool? deferred = null;

        await using (var db = database.Context(Province))
        {
            ImportTests.AssertSucceeded(await ImportAsync(db, path, ReferenceDeferral.Default with { Decided = d => deferred = d }));
        }

        Assert.False(deferred);
        await using var check = database.Context();
        Assert.Equal(300, await check.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM seen").SingleAsync(Ct));
    }

    [Fact]
    public async Task AForeignKeyTheModelDoesNotKnow_KeepsTheTriggers()
    {
        // A key a database administrator added: the import could not check it itself, so the trigger must.
        using var folder = new TempFolder();
        await using var database = await ImportTests.WithClusterAsync(DatabaseProvider.Postgres, folder);
        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", Enumerable.Range(1, 100).Select(i => Enterprise(CreditCode(i, "410182"))).ToList());
        await ExecuteAsync(database.Options.ConnectionString!, "ALTER TABLE enterprises ADD COLUMN reviewed_in text REFERENCES clusters (code)");
        bool? deferred = null;

        await using (var db = database.Context(Province))
        {
            ImportTests.AssertSucceeded(await ImportAsync(db, path, ReferenceDeferral.Default with { Decided = d => deferred = d }));
        }

        Assert.False(deferred);
    }

    [Fact]
    public async Task TurnedOff_TheTriggersCheckEveryRow()
    {
        using var folder = new TempFolder();
        await using var database = await ImportTests.WithClusterAsync(DatabaseProvider.Postgres, folder);
        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", Enumerable.Range(1, 100).Select(i => Enterprise(CreditCode(i, "410182"))).ToList());
        bool? deferred = null;

        await using (var db = database.Context(Province))
        {
            ImportTests.AssertSucceeded(await ImportAsync(db, path, new ReferenceDeferral(Enabled: false) { Decided = d => deferred = d }));
        }

        Assert.False(deferred);
    }

    private static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(Ct);
        }
    }

    [Fact]
    public async Task ACancelWhileTheWritersCopyWaitsForTheTable_RollsBackCleanly_AndIsReportedAsACancel()
    {
        using var folder = new TempFolder();
        await using var database = await ImportTests.WithClusterAsync(DatabaseProvider.Postgres, folder);
        var path = WriteCsv(folder.File("enterprises.csv"), "enterprises", Enumerable.Range(1, 6000).Select(i => Enterprise(CreditCode(i, "410182"))).ToList());

        // Another session holds the table in SHARE mode, so the writer's COPY waits for it inside Npgsql when the cancel
        // comes; the lock goes a moment after the cancel. Cancelling that call would break the writer's connection, and the
        // rollback with it: the import would end in an ObjectDisposedException instead of a cancel.
        await using var other = new NpgsqlConnection(database.Options.EffectiveConnectionString);
        await other.OpenAsync(Ct);
        var holding = await other.BeginTransactionAsync(Ct);
        await using (var take = new NpgsqlCommand("LOCK TABLE enterprises IN SHARE MODE", other, holding))
        {
            await take.ExecuteNonQueryAsync(Ct);
        }

        using var cancel = new CancellationTokenSource();
        var released = Task.CompletedTask;
        var progress = new OnProgress(rows =>
        {
            if (rows >= 1000 && !cancel.IsCancellationRequested)
            {
                cancel.Cancel();
                released = Task.Run(async () =>
                {
                    await Task.Delay(300, Ct);
                    await holding.RollbackAsync(Ct);
                });
            }
        });

        await using (var db = database.Context(Province))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Importer(db).ImportAsync(path, null, progress, cancel.Token));
        }

        await released;
        Assert.True(cancel.IsCancellationRequested);
        Assert.Equal(0, await ImportTests.CountAsync(database, db => db.Enterprises));
        Assert.Equal(1, await ImportTests.CountAsync(database, db => db.AuditLog));
        ImportTests.AssertSucceeded(await ImportTests.ImportAsync(database, path));
        Assert.Equal(6000, await ImportTests.CountAsync(database, db => db.Enterprises));
    }

    private sealed class OnProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
