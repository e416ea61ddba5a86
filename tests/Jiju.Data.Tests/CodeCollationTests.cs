using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Jiju.Data.Tests;

/// <summary>Codes compare in byte order on both databases, whatever a PostgreSQL database's own collation (ADR 0012).</summary>
public sealed class CodeCollationTests
{
    /// <summary>ICU's numeric ordering compares runs of digits as numbers: "9141010070…" after "91410100MA…", unlike their bytes.</summary>
    private const string NumericIcu = "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US-u-kn-true'";

    [Fact]
    public async Task OnPostgres_EveryCodeColumnHasTheCollationC_AndNoOtherTextColumnDoes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = database.Context();
        var collations = await db.Database.SqlQueryRaw<ColumnCollation>(
            "SELECT table_name AS \"Table\", column_name AS \"Column\", collation_name AS \"Collation\" FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('character varying', 'text')")
            .ToListAsync(TestContext.Current.CancellationToken);
        var byColumn = collations.ToDictionary(c => (c.Table, c.Column), c => c.Collation);

        // A code, found without Conversions.Codes: a value type of the domain's that the database stores as text.
        static bool IsCode(Microsoft.EntityFrameworkCore.Metadata.IProperty property)
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            return type.IsValueType && type.Assembly == typeof(Domain.Clusters.ClusterCode).Assembly && Conversions.StoredAs(property).Stored == typeof(string);
        }

        var codeTypes = new HashSet<Type>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties().Where(p => byColumn.ContainsKey((table.Name, p.GetColumnName(table)!))))
            {
                var expected = IsCode(property) || property.Name == JijuDbContext.OwnerPath ? "C" : null;
                Assert.True(expected == byColumn[(table.Name, property.GetColumnName(table)!)], $"{table.Name}.{property.GetColumnName(table)} ({property.ClrType.Name})");
                if (IsCode(property))
                {
                    codeTypes.Add(Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType);
                }
            }
        }

        Assert.Equal(codeTypes.OrderBy(t => t.Name), Conversions.Codes.OrderBy(t => t.Name));

        // Every foreign key joins two columns of the same collation.
        var mismatched = await db.Database.SqlQueryRaw<string>(
            """
            SELECT c.conname AS "Value" FROM pg_constraint AS c
            JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            JOIN pg_attribute AS r ON r.attrelid = c.confrelid AND r.attnum = c.confkey[1]
            WHERE c.contype = 'f' AND a.attcollation <> r.attcollation
            """).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Empty(mismatched);
    }

    [Fact]
    public void OnSqlite_NoColumnNamesACollation_SoEveryTextComparesAsBinary()
    {
        using var db = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, SqlitePath = ":memory:" }.CreateContext(Jurisdiction.JurisdictionScope.Province("省级用户"));
        var model = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;

        Assert.Empty(model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.GetCollation() is not null).Select(p => p.Name));
    }

    [Fact]
    public async Task OnPostgres_CodesSortInByteOrder_InADatabaseWhoseCollationSortsDigitsAsNumbers()
    {
        await using var database = await TestDatabase.CreateDemoAsync(DatabaseProvider.Postgres, NumericIcu);
        await using var db = database.Context();
        var ct = TestContext.Current.CancellationToken;

        // The premise: the database's own collation orders these two credit codes otherwise than their bytes.
        Assert.True(await db.Database.SqlQueryRaw<bool>("SELECT '9141010070' > '91410100MA' AS \"Value\"").SingleAsync(ct));

        var codes = (await db.Enterprises.OrderBy(e => e.CreditCode).Select(e => e.CreditCode).ToListAsync(ct)).Select(c => c.Value).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);

        // And the demo's codes are ones the database's collation would have put in another order.
        var byTheDatabasesCollation = await db.Database.SqlQueryRaw<string>("SELECT credit_code AS \"Value\" FROM enterprises ORDER BY credit_code COLLATE \"default\"").ToListAsync(ct);
        Assert.NotEqual(codes, byTheDatabasesCollation);

        var parcels = (await db.Parcels.OrderBy(p => p.Code).Select(p => p.Code).ToListAsync(ct)).Select(c => c.Value).ToList();
        Assert.Equal(parcels.Order(StringComparer.Ordinal), parcels);
    }

    [Fact]
    public async Task OnPostgres_ADatabaseFilledBeforeCodesByteOrder_KeepsEveryRow_AndItsCodesTakeTheCollationC()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, migrate: false, NumericIcu);
        await using (var db = database.Context())
        {
            // The schema as it was before this migration, filled with the demo province.
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_CodesByteOrder", StringComparison.Ordinal)) - 1];
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(before, ct);
        }

        await using (var db = database.Context())
        {
            db.Divisions.AddRange(Reference.ReferenceData.HenanDivisions());
            await db.SaveChangesAsync(ct);
            await new Demo.DemoGenerator(db).GenerateAsync(new Demo.DemoOptions(), cancellationToken: ct);
        }

        async Task<(int Enterprises, int Parcels, int Projects, int ParcelsWithTheirCluster)> CountAsync()
        {
            await using var db = database.Context();
            return (await db.Enterprises.CountAsync(ct), await db.Parcels.CountAsync(ct), await db.Projects.CountAsync(ct),
                await db.Parcels.CountAsync(p => db.Clusters.Any(c => c.Code == p.Cluster), ct));
        }

        var filled = await CountAsync();
        Assert.Equal("default", await CollationOfAsync("enterprises", "credit_code"));

        var report = await DatabaseMigrator.MigrateAsync(database.Options, ct);

        Assert.Contains(report.AppliedMigrations, m => m.EndsWith("_CodesByteOrder", StringComparison.Ordinal));
        Assert.Equal(filled, await CountAsync());
        Assert.Equal("C", await CollationOfAsync("enterprises", "credit_code"));
        Assert.Equal("C", await CollationOfAsync("parcels", "cluster"));

        async Task<string> CollationOfAsync(string table, string column)
        {
            await using var db = database.Context();
            return await db.Database.SqlQuery<string>(
                $"SELECT coalesce(collation_name, 'default') AS \"Value\" FROM information_schema.columns WHERE table_name = {table} AND column_name = {column}").SingleAsync(ct);
        }
    }

    private sealed record ColumnCollation(string Table, string Column, string? Collation);
}
