using Jiju.Data.Bulk;
using Jiju.Domain.Fees;
using Jiju.Domain.Land;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Jiju.Data.Tests;

/// <summary>Values bound by position through SQLitePCL are stored exactly as Microsoft.Data.Sqlite stores them.</summary>
public sealed class SqliteValuesTests
{
    public static TheoryData<object?> Values =>
    [
        DBNull.Value,
        string.Empty,
        "荥阳市产业集聚区",
        "a'b\"c\n",
        0,
        -1,
        int.MaxValue,
        long.MinValue,
        true,
        false,
        new DateOnly(2015, 12, 31),
        DateOnly.MinValue,
        DateOnly.MaxValue,
        0m,
        -0.5m,
        100m,
        0.10m,
        1234567.89m,
        9007407.35m,
        0.0000000000000000000000000001m,
        decimal.MaxValue,
        decimal.MinValue,
        new DateTimeOffset(2026, 11, 29, 17, 45, 12, TimeSpan.Zero),
        new DateTimeOffset(2013, 1, 1, 8, 0, 0, 123, TimeSpan.FromHours(8)).AddTicks(4567),
        new DateTimeOffset(2012, 2, 29, 23, 59, 59, TimeSpan.FromHours(-5.5)),
        1.5,
        -0.0,
        1e300,
        double.PositiveInfinity,
        2.5f,
        (short)-7,
        (byte)200,
        GrantType.Transfer,
        new byte[] { 0, 1, 254, 255 },
        Array.Empty<byte>(),
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void AValueBoundByPosition_IsStoredAsMicrosoftDataSqliteStoresIt(object? value)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();

        var expected = Stored(connection, value);

        var handle = connection.Handle!;
        SqliteValues.Check(handle, raw.sqlite3_prepare_v2(handle, "SELECT quote(?1) || ' ' || typeof(?1)", out var statement));
        using (statement)
        {
            SqliteValues.Bind(statement, 1, value);
            Assert.Equal(raw.SQLITE_ROW, raw.sqlite3_step(statement));
            Assert.Equal(expected, raw.sqlite3_column_text(statement, 0).utf8_to_string());
        }
    }

    [Fact]
    public void ARowBoundAtOnce_IsStoredAsMicrosoftDataSqliteStoresEachValue()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var values = Values.Select(row => row.Data).Append(new string('集', 20_000)).Append("末").ToArray();
        var expected = values.Select(value => Stored(connection, value)).ToList();

        var handle = connection.Handle!;
        var sql = "SELECT " + string.Join(", ", values.Select((_, i) => $"quote(?{i + 1}) || ' ' || typeof(?{i + 1})"));
        SqliteValues.Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            var binder = new SqliteRowBinder(statement);

            // A short row first, so that the long text of the second makes the binder's buffer grow.
            binder.Bind(values.Select(v => v is string ? (object)"短" : DBNull.Value).ToArray());
            Assert.Equal(raw.SQLITE_ROW, raw.sqlite3_step(statement));
            raw.sqlite3_reset(statement);

            binder.Bind(values);
            Assert.Equal(raw.SQLITE_ROW, raw.sqlite3_step(statement));
            for (var i = 0; i < values.Length; i++)
            {
                Assert.Equal(expected[i], raw.sqlite3_column_text(statement, i).utf8_to_string());
            }
        }
    }

    [Fact]
    public void AValueOfAnUnsupportedType_IsRefusedByName()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var handle = connection.Handle!;
        SqliteValues.Check(handle, raw.sqlite3_prepare_v2(handle, "SELECT ?1", out var statement));
        using (statement)
        {
            var error = Assert.Throws<NotSupportedException>(() => SqliteValues.Bind(statement, 1, Guid.Empty));
            Assert.Contains("Guid", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryColumnOfTheModel_HasAProviderTypeTheBulkBinderTakes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var db = database.Context();

        var unsupported = (
            from entity in db.Model.GetEntityTypes()
            from property in entity.GetProperties()
            let converter = property.GetValueConverter() ?? property.GetRelationalTypeMapping().Converter
            let provider = converter?.ProviderClrType ?? property.ClrType
            let type = Nullable.GetUnderlyingType(provider) ?? provider
            where !SqliteValues.Supports(type)
            select $"{entity.DisplayName()}.{property.Name}: {type.Name}").ToList();

        Assert.Empty(unsupported);
    }

    [Fact]
    public async Task ABulkWriteThatFindsAnotherWriterHoldingTheDatabase_WaitsUntilItCommits_AsEfCoresOwnWritesDo()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        await db.Database.OpenConnectionAsync();
        // A transaction that takes the write lock with its first write, as SQLite's plain BEGIN does.
        await using var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction);
        await using var other = new SqliteConnection(database.Options.EffectiveConnectionString);
        await other.OpenAsync();
        await Execute(other, "BEGIN IMMEDIATE");

        var write = Task.Run(() => new BulkWriter(db).WriteAsync(Enumerable.Range(1, 3).Select(i => Waiver($"X-{i}"))));
        await Task.Delay(600);
        var waited = !write.IsCompleted;
        await Execute(other, "COMMIT");

        Assert.Equal(3, await write);
        await transaction.CommitAsync();
        await using var after = database.Context();
        Assert.Equal(3, await after.FeeWaivers.CountAsync());
        Assert.True(waited, "the write ended while another connection held the write lock");
    }

    private static FeeWaiver Waiver(string code) =>
        new() { Code = code, Name = "某项行政事业性收费", Authority = "某部门", Kind = WaiverKind.Full, Basis = "某文件", ValidFrom = new DateOnly(2013, 1, 1) };

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What Microsoft.Data.Sqlite stores for <paramref name="value"/> in a parameter: its SQL literal and storage class.</summary>
    private static string Stored(SqliteConnection connection, object? value)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT quote($v) || ' ' || typeof($v)";
        command.Parameters.AddWithValue("$v", value ?? DBNull.Value);
        return (string)command.ExecuteScalar()!;
    }
}
