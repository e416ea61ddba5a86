using Jiju.Data.Bulk;
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

        string expected;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT quote($v) || ' ' || typeof($v)";
            command.Parameters.AddWithValue("$v", value ?? DBNull.Value);
            expected = (string)command.ExecuteScalar()!;
        }

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
}
