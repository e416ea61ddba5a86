using System.Globalization;
using System.Text;
using Jiju.Data.Bulk;
using Jiju.Domain.Fees;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Jiju.Data.Tests;

/// <summary>
/// Rows encoded for binary COPY by <see cref="PostgresCopyRows"/> are stored exactly as Npgsql's own
/// <see cref="NpgsqlBinaryImporter"/> stores the same values: each pair of columns is compared by its text in PostgreSQL,
/// so that a numeric's display scale (0.10 against 0.1) or a date's infinity counts.
/// </summary>
public sealed class PostgresCopyRowsTests
{
    /// <summary>Each PostgreSQL type the bulk writer uses, with the values it must store as Npgsql does.</summary>
    public static TheoryData<string, string> Types => new()
    {
        { "varchar", nameof(Strings) },
        { "integer", nameof(Integers) },
        { "bigint", nameof(Longs) },
        { "double precision", nameof(Doubles) },
        { "numeric", nameof(Decimals) },
        { "numeric(18,2)", nameof(Amounts) },
        { "boolean", nameof(Booleans) },
        { "date", nameof(Dates) },
        { "timestamptz", nameof(Instants) },
        { "bytea", nameof(Bytes) },
    };

    private static object?[] Strings => [string.Empty, "荥阳市产业集聚区", "a'b\"c\n\t\\", "😀 emoji", new string('集', 30_000), null];

    private static object?[] Integers => [0, -1, 1, int.MinValue, int.MaxValue, 41010201, null];

    private static object?[] Longs => [0L, -1L, long.MinValue, long.MaxValue, 9_007_199_254_740_993L, null];

    private static object?[] Doubles => [0.0, -0.0, 1.5, -2.25, 1e300, 5e-324, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 0.1 + 0.2, null];

    private static object?[] Decimals =>
    [
        0m, 0.00m, -0.0m, 1m, -1m, 0.10m, 0.5m, -0.5m, 100m, 10000m, 10000.0000m, 99999999m, 100000000m,
        1234567.89m, 9007407.35m, 0.05m, 0.00005m, 0.0001m, 12.3456789m, -98765.4321m,
        0.0000000000000000000000000001m, -0.0000000000000000000000000001m, 1.0000000000000000000000000001m,
        decimal.MaxValue, decimal.MinValue, 7922816251426433759354395.0335m, 0.1000000000000000000000000000m,
        null,
    ];

    /// <summary>Amounts for a column with a scale of its own, which PostgreSQL rounds them to.</summary>
    private static object?[] Amounts => [0m, 0.10m, 0.005m, -0.005m, 1234567.899m, 9999999999999999.99m, 0.0000000000000000000000000001m, null];

    private static object?[] Booleans => [true, false, null];

    private static object?[] Dates => [new DateOnly(2015, 12, 31), new DateOnly(2000, 1, 1), new DateOnly(1999, 12, 31), new DateOnly(2012, 2, 29), new DateOnly(1, 1, 2), new DateOnly(9999, 12, 30), DateOnly.MinValue, DateOnly.MaxValue, null];

    private static object?[] Instants =>
    [
        new DateTimeOffset(2026, 11, 29, 17, 45, 12, TimeSpan.Zero),
        new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2013, 1, 1, 8, 0, 0, 123, TimeSpan.Zero).AddTicks(4567),
        new DateTimeOffset(1999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero).AddTicks(9999),
        new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-3),
        DateTimeOffset.MinValue,
        DateTimeOffset.MaxValue,
        null,
    ];

    private static object?[] Bytes => [Array.Empty<byte>(), new byte[] { 0, 1, 254, 255 }, Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray(), null];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task ValuesEncodedForBinaryCopy_AreStoredAsNpgsqlStoresThem(string postgresType, string valuesName)
    {
        var values = (object?[])typeof(PostgresCopyRowsTests).GetProperty(valuesName, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, migrate: false);
        await using var connection = new NpgsqlConnection(database.Options.EffectiveConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"CREATE TABLE by_npgsql (id integer, v {postgresType}); CREATE TABLE by_jiju (id integer, v {postgresType})");

        // Many rows, so that the buffer goes out mid-row more than once.
        var rows = Enumerable.Range(0, 3_000).Select(i => (Id: i, Value: values[i % values.Length])).ToList();
        var type = values.First(v => v is not null)!.GetType();
        await using (var importer = await connection.BeginBinaryImportAsync("COPY by_npgsql (id, v) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, value) in rows)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(id, NpgsqlDbType.Integer);
                if (value is null)
                {
                    await importer.WriteNullAsync();
                }
                else
                {
                    await importer.WriteAsync(value, NpgsqlTypeOf(type));
                }
            }

            await importer.CompleteAsync();
        }

        var encodeId = PostgresCopyRows.EncoderFor(typeof(int));
        var encodeValue = PostgresCopyRows.EncoderFor(type);
        await using (var copy = await connection.BeginRawBinaryCopyAsync("COPY by_jiju (id, v) FROM STDIN (FORMAT BINARY)"))
        {
            using var encoded = new PostgresCopyRows(copy, 2);
            foreach (var (id, value) in rows)
            {
                encoded.StartRow();
                encodeId(encoded, id);
                if (value is null)
                {
                    encoded.WriteNull();
                }
                else
                {
                    encodeValue(encoded, value);
                }
            }

            encoded.Complete();
        }

        Assert.Equal(rows.Count, await ScalarAsync(connection, "SELECT count(*) FROM by_jiju"));
        Assert.Equal(
            0,
            await ScalarAsync(connection, "SELECT count(*) FROM by_npgsql n FULL JOIN by_jiju j USING (id) WHERE n.id IS NULL OR j.id IS NULL OR n.v::text IS DISTINCT FROM j.v::text"));
        Assert.Equal(values.Any(v => v is null), await ScalarAsync(connection, "SELECT count(*) FROM by_jiju WHERE v IS NULL") > 0);
    }

    [Fact]
    public async Task ADecimal_KeepsItsScale_AsPostgresShowsIt()
    {
        // The text PostgreSQL gives back, written out by hand: the comparison above cannot fail on a shared mistake here.
        var expected = new Dictionary<decimal, string>
        {
            [0.10m] = "0.10",
            [0.00005m] = "0.00005",
            [10000.0000m] = "10000.0000",
            [-98765.4321m] = "-98765.4321",
            [decimal.MaxValue] = "79228162514264337593543950335",
            [0.0000000000000000000000000001m] = "0.0000000000000000000000000001",
            [-0.0m] = "0.0",
        };
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, migrate: false);
        await using var connection = new NpgsqlConnection(database.Options.EffectiveConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "CREATE TABLE amounts (id integer, v numeric)");
        var pairs = expected.ToList();
        await using (var copy = await connection.BeginRawBinaryCopyAsync("COPY amounts (id, v) FROM STDIN (FORMAT BINARY)"))
        {
            using var encoded = new PostgresCopyRows(copy, 2);
            for (var i = 0; i < pairs.Count; i++)
            {
                encoded.StartRow();
                encoded.WriteInt32(i);
                encoded.WriteNumeric(pairs[i].Key);
            }

            encoded.Complete();
        }

        await using var command = new NpgsqlCommand("SELECT id, v::text FROM amounts ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new List<string>();
        while (await reader.ReadAsync())
        {
            stored.Add(reader.GetString(1));
        }

        Assert.Equal(pairs.Select(p => p.Value), stored);
    }

    [Fact]
    public async Task ABulkWriteThatFailsMidway_StoresNoneOfItsRows_EvenWhenTheCallerCommitsAfterwards()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = database.Context();
        var before = await db.FeeWaivers.CountAsync();

        // 5,000 rows of about 100 bytes went out to the server before the failure, in more than one buffer.
        static IEnumerable<FeeWaiver> Waivers()
        {
            for (var i = 0; i < 5_000; i++)
            {
                yield return Waiver($"X-{i:D5}");
            }

            throw new InvalidOperationException("第 5001 行读取失败");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new BulkWriter(db).WriteAsync(Waivers()));
            Assert.Equal("第 5001 行读取失败", error.Message);
            await transaction.CommitAsync();
        }

        await using var after = database.Context();
        Assert.Equal(before, await after.FeeWaivers.CountAsync());
    }

    [Fact]
    public async Task ABulkWriteThatBreaksAKey_ThrowsTheServersError_AndItsTransactionStillRollsBack()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = database.Context();
        var before = await db.FeeWaivers.CountAsync();
        var waivers = new List<FeeWaiver> { Waiver("X-1"), Waiver("X-2"), Waiver("X-1") };

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => new BulkWriter(db).WriteAsync(waivers));
            Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await db.FeeWaivers.CountAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABulkWriteWhoseConnectionDies_ShowsTheCallerTheFirstError_AndStoresNothing(bool rowsFailAtOnce)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = database.Context();
        var before = await db.FeeWaivers.CountAsync();
        var admin = Jiju.Tests.TestPostgres.AdminConnectionOrSkip();

        IEnumerable<FeeWaiver> Waivers(int backend)
        {
            for (var i = 0; i < 2_000; i++)
            {
                yield return Waiver($"X-{i:D5}");
            }

            // The server's process is gone mid-COPY; then either the rows fail too, or more of them go to a dead socket.
            using (var connection = new NpgsqlConnection(admin))
            {
                connection.Open();
                using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({backend}, 5000)", connection);
                kill.ExecuteScalar();
            }

            if (rowsFailAtOnce)
            {
                throw new InvalidOperationException("第 2001 行读取失败");
            }

            for (var i = 2_000; i < 50_000; i++)
            {
                yield return Waiver($"X-{i:D5}");
            }
        }

        var transaction = await db.Database.BeginTransactionAsync();
        var backend = await ScalarAsync((NpgsqlConnection)db.Database.GetDbConnection(), "SELECT pg_backend_pid()");
        var error = await Record.ExceptionAsync(() => new BulkWriter(db).WriteAsync(Waivers((int)backend)));
        if (rowsFailAtOnce)
        {
            Assert.Equal("第 2001 行读取失败", Assert.IsType<InvalidOperationException>(error).Message);
        }
        else
        {
            // Npgsql's own error about writing to the dead connection, not one about abandoning the COPY.
            Assert.IsType<NpgsqlException>(error);
        }

        await Assert.ThrowsAnyAsync<Exception>(() => transaction.RollbackAsync());
        await using var after = database.Context();
        Assert.Equal(before, await after.FeeWaivers.CountAsync());
    }

    [Fact]
    public async Task ABulkWriteOnAConnectionWithAnotherClientEncoding_IsRefused_BeforeAnyRowIsSent()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var builder = new NpgsqlConnectionStringBuilder(database.Options.EffectiveConnectionString) { ClientEncoding = "LATIN1" };
        var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = builder.ConnectionString };
        await using var db = options.CreateContext(Jurisdiction.JurisdictionScope.Province("test"), database.Divisions);

        await using var transaction = await db.Database.BeginTransactionAsync();
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => new BulkWriter(db).WriteAsync([Waiver("X-1")]));
        Assert.Contains("LATIN1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStringWithALoneSurrogate_IsRefused_NotStoredAsAReplacementCharacter()
    {
        using var stream = new MemoryStream();
        using var encoded = new PostgresCopyRows(stream, 1);
        encoded.StartRow();

        Assert.Throws<EncoderFallbackException>(() => encoded.WriteString("集\uD800聚"));
    }

    [Fact]
    public void AnInstantWithAnOffset_IsRefused_AsNpgsqlRefusesIt()
    {
        using var stream = new MemoryStream();
        using var encoded = new PostgresCopyRows(stream, 1);
        encoded.StartRow();

        var error = Assert.Throws<ArgumentException>(() => encoded.WriteTimestampTz(new DateTimeOffset(2013, 1, 1, 8, 0, 0, TimeSpan.FromHours(8))));
        Assert.Contains("08:00:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStream_IsTheBinaryCopyFormat_HeaderRowsAndTrailer()
    {
        using var stream = new MemoryStream();
        using (var encoded = new PostgresCopyRows(stream, 2))
        {
            encoded.StartRow();
            encoded.WriteInt32(1);
            encoded.WriteNull();
            encoded.Complete();
        }

        var expected = Convert.FromHexString(
            "5047434F50590AFF0D0A00" + "00000000" + "00000000" // signature, flags, header extension
            + "0002" + "00000004" + "00000001" + "FFFFFFFF" // a row of two fields: 1 and null
            + "FFFF"); // trailer
        Assert.Equal(expected, stream.ToArray());
    }

    private static FeeWaiver Waiver(string code) =>
        new() { Code = code, Name = "某项行政事业性收费", Authority = "某部门", Kind = WaiverKind.Full, Basis = "某文件", ValidFrom = new DateOnly(2013, 1, 1) };

    private static NpgsqlDbType NpgsqlTypeOf(Type type) =>
        type == typeof(string) ? NpgsqlDbType.Varchar
        : type == typeof(int) ? NpgsqlDbType.Integer
        : type == typeof(long) ? NpgsqlDbType.Bigint
        : type == typeof(double) ? NpgsqlDbType.Double
        : type == typeof(decimal) ? NpgsqlDbType.Numeric
        : type == typeof(bool) ? NpgsqlDbType.Boolean
        : type == typeof(DateOnly) ? NpgsqlDbType.Date
        : type == typeof(DateTimeOffset) ? NpgsqlDbType.TimestampTz
        : type == typeof(byte[]) ? NpgsqlDbType.Bytea
        : throw new NotSupportedException(type.Name);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
