using Jiju.Data.Demo;
using Jiju.Data.Jurisdiction;
using Npgsql;

namespace Jiju.Data.Tests;

/// <summary>
/// A fresh, migrated database for one test: a temporary SQLite file, or a new PostgreSQL database
/// on the server named by JIJU_TEST_POSTGRES (an admin connection string). Without that variable
/// the PostgreSQL cases are skipped, unless JIJU_REQUIRE_POSTGRES=1 (as in CI), where they fail.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseOptions options, string? sqliteFile, string? postgresName)
    {
        Options = options;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
    }

    public DatabaseOptions Options { get; }

    public DivisionDirectory Divisions { get; } = new();

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    /// <summary>
    /// A fresh database. On PostgreSQL, <paramref name="postgresCollation"/> is the rest of <c>CREATE DATABASE</c> that
    /// sets its collation (e.g. an ICU locale); without it the database takes the server's.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true, string? postgresCollation = null)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"jiju-test-{Guid.NewGuid():N}.db");
            database = new TestDatabase(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, SqlitePath = file }, file, null);
        }
        else
        {
            var admin = Jiju.Tests.TestPostgres.AdminConnectionOrSkip();
            var name = $"jiju_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {name} {postgresCollation}", connection);
                await command.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            database = new TestDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = builder.ConnectionString }, null, name);
        }

        if (migrate)
        {
            await DatabaseMigrator.MigrateAsync(database.Options);
        }

        return database;
    }

    /// <summary>A fresh database holding the demo province (<see cref="DemoGenerator"/> with its default options).</summary>
    public static async Task<TestDatabase> CreateDemoAsync(DatabaseProvider provider, string? postgresCollation = null)
    {
        var database = await CreateAsync(provider, postgresCollation: postgresCollation);
        await using var db = database.Context();
        await new DemoGenerator(db).GenerateAsync(new DemoOptions());
        return database;
    }

    public JijuDbContext Context(JurisdictionScope? scope = null) =>
        Options.CreateContext(scope ?? JurisdictionScope.Province("test"), Divisions);

    /// <summary>A context acting for one node: a division code (410100) or a cluster code (41018201).</summary>
    public JijuDbContext ContextAs(string node)
    {
        using var province = Context();
        province.EnsureDivisionsLoaded();
        return Context(new JurisdictionScope("tester", province.DivisionDirectory.ScopePathOf(node)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            // Its own pool only: clearing every pool would close the idle connections of tests running alongside, and the
            // last connection to a database in WAL mode closes with a checkpoint that holds the file for a moment.
            using (var pooled = new Microsoft.Data.Sqlite.SqliteConnection(Options.EffectiveConnectionString))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearPool(pooled);
            }

            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(System.Environment.GetEnvironmentVariable("JIJU_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
