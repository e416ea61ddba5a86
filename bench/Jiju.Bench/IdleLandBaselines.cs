using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using Jiju.Domain.Land;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;
using Microsoft.Data.Sqlite;

namespace Jiju.Bench;

/// <summary>
/// Baselines for art. 7 (idle land) over the same parcels the sweep reads: the rule written as SQL in
/// DuckDB (loaded through its appender, no extension needed, load timed apart from the query), and the
/// idle-land columns held in plain arrays — scanned once (the memory-bandwidth floor) and run through a
/// hand-written loop with the same arithmetic (what the work costs without the rule engine's traces).
/// All three report the same check figures as the sweep (fees, recoveries, total fee) so the suite can
/// say whether they agree.
/// </summary>
public static class IdleLandBaselines
{
    private const string ParcelColumns = "SELECT code, county, cluster, grant_type, price, granted_on, agreed_start, actual_start FROM parcels";
    private const string ExtensionColumns = "SELECT parcel, approved_on, new_agreed_start, reason FROM parcel_extensions";

    /// <summary>The rule's parameters on the date, from the same parameter files the rule reads.</summary>
    private static (int FeeYears, int RecoverYears, decimal Rate) Parameters(DateOnly asOf)
    {
        decimal Number(string id) => ParameterSet.Shipped.Get(id).At(asOf)?.AsDecimal
            ?? throw new InvalidOperationException($"{id} has no value on {asOf:yyyy-MM-dd}");
        return ((int)Number("land.idle.fee-after-years"), (int)Number("land.idle.recover-after-years"), Number("land.idle.fee-rate"));
    }

    /// <summary>The rule as SQL: latest approved extension, government delay, full years late as the Civil Code counts them, fee or recovery.</summary>
    public static string Sql(DateOnly asOf)
    {
        var (fee, recover, rate) = Parameters(asOf);
        var date = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var government = (int)DelayReason.Government;
        return string.Create(CultureInfo.InvariantCulture, $"""
            WITH ext AS (
                SELECT parcel, arg_max(new_agreed_start, approved_on) AS new_start, arg_max(reason, approved_on) AS reason
                FROM parcel_extensions WHERE approved_on <= DATE '{date}' GROUP BY parcel
            ),
            p AS (
                SELECT p.code, p.county, p.cluster, p.price,
                       coalesce(e.new_start, p.agreed_start) AS start_on,
                       coalesce(CASE WHEN p.actual_start <= DATE '{date}' THEN p.actual_start - 1 END, DATE '{date}') AS idle_until
                FROM parcels p LEFT JOIN ext e ON e.parcel = p.code
                WHERE p.granted_on <= DATE '{date}' AND coalesce(e.reason, 0) <> {government}
            ),
            y AS (
                SELECT *, year(idle_until) - year(start_on) AS n FROM p
            ),
            late AS (
                SELECT code, county, cluster, price,
                       CASE WHEN idle_until <= start_on THEN 0
                            WHEN idle_until > CAST(start_on + to_years(n) AS DATE) THEN n
                            ELSE n - 1 END AS years
                FROM y
            )
            SELECT code, county, cluster, years,
                   CASE WHEN years >= {recover} THEN 'Recover' ELSE 'Fee' END AS kind,
                   CASE WHEN years >= {recover} THEN NULL ELSE CAST(round(price * {rate}::DECIMAL(18,6)) AS BIGINT) END AS fee_fen
            FROM late
            WHERE years >= {fee}
            """);
    }

    public static async Task DuckDbAsync(ChildArgs a, ChildResult r)
    {
        var asOf = Children.AsOf(a);
        await using var duck = new DuckDBConnection("DataSource=:memory:");
        await duck.OpenAsync();
        await using (var create = duck.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE parcels (code VARCHAR, county VARCHAR, cluster VARCHAR, grant_type INTEGER, price BIGINT, granted_on DATE, agreed_start DATE, actual_start DATE);
                CREATE TABLE parcel_extensions (parcel VARCHAR, approved_on DATE, new_agreed_start DATE, reason INTEGER);
                """;
            await create.ExecuteNonQueryAsync();
        }

        // Load: straight from the SQLite file through the appender (DuckDB's sqlite extension cannot be downloaded here).
        var load = Stopwatch.StartNew();
        long parcels = 0;
        await using (var sqlite = new SqliteConnection($"Data Source={a["db"]};Mode=ReadOnly"))
        {
            await sqlite.OpenAsync();
            using (var appender = duck.CreateAppender("parcels"))
            {
                await using var command = sqlite.CreateCommand();
                command.CommandText = ParcelColumns;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    appender.CreateRow()
                        .AppendValue(reader.GetString(0))
                        .AppendValue(reader.GetString(1))
                        .AppendValue(reader.IsDBNull(2) ? null : reader.GetString(2))
                        .AppendValue((int?)reader.GetInt32(3))
                        .AppendValue((long?)reader.GetInt64(4))
                        .AppendValue((DateOnly?)Date(reader.GetString(5)))
                        .AppendValue((DateOnly?)Date(reader.GetString(6)))
                        .AppendValue(reader.IsDBNull(7) ? null : (DateOnly?)Date(reader.GetString(7)))
                        .EndRow();
                    parcels++;
                }
            }

            using (var appender = duck.CreateAppender("parcel_extensions"))
            {
                await using var command = sqlite.CreateCommand();
                command.CommandText = ExtensionColumns;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    appender.CreateRow()
                        .AppendValue(reader.GetString(0))
                        .AppendValue((DateOnly?)Date(reader.GetString(1)))
                        .AppendValue((DateOnly?)Date(reader.GetString(2)))
                        .AppendValue((int?)reader.GetInt32(3))
                        .EndRow();
                }
            }
        }

        load.Stop();
        r["load_seconds"] = load.Elapsed.TotalSeconds;
        r["parcels"] = parcels;
        r["load_peak_bytes"] = ProcessMemory.PeakWorkingSet() ?? double.NaN;
        Children.Say($"loaded {parcels:N0} parcels into DuckDB in {load.Elapsed.TotalSeconds:0.00} s");
        if (ProcessMemory.ResetPeak())
        {
            r["query_peak_from_bytes"] = ProcessMemory.WorkingSet() ?? double.NaN;
        }

        await using (var settings = duck.CreateCommand())
        {
            settings.CommandText = "SELECT current_setting('threads'), version()";
            await using var reader = await settings.ExecuteReaderAsync();
            await reader.ReadAsync();
            r["threads"] = Convert.ToDouble(reader.GetValue(0), CultureInfo.InvariantCulture);
            r.Notes["duckdb_version"] = reader.GetValue(1).ToString() ?? string.Empty;
        }

        var sql = Sql(asOf);
        var times = new List<double>();
        for (var i = 0; i < Math.Max(3, a.Count("repeat", 1)); i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await using var query = duck.CreateCommand();
            query.CommandText = sql;
            await using var reader = await query.ExecuteReaderAsync();
            long fee = 0, recover = 0, feeFen = 0, rows = 0;
            var keys = new List<(string Code, string County, string? Cluster, long? FeeFen)>();
            while (await reader.ReadAsync())
            {
                rows++;
                var feeValue = reader.IsDBNull(5) ? (long?)null : reader.GetInt64(5);
                keys.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), feeValue));
                if (reader.GetString(4) == "Fee")
                {
                    fee++;
                    feeFen += feeValue ?? 0;
                }
                else
                {
                    recover++;
                }
            }

            stopwatch.Stop();
            times.Add(stopwatch.Elapsed.TotalSeconds);
            r["findings"] = rows;
            r["idle.fee"] = fee;
            r["idle.recover"] = recover;
            r["idle.fee_fen"] = feeFen;
            Children.Say($"query {i + 1}: {rows:N0} findings in {stopwatch.Elapsed.TotalSeconds:0.000} s");
        }

        r["query_seconds"] = Children.Median(times);
        r["query_seconds_first"] = times[0];
        r["seconds"] = r["load_seconds"] + r["query_seconds"];
        r.Notes["sql"] = sql;
    }

    /// <summary>
    /// The idle-land columns in arrays: one timed scan of their bytes (the floor), then the rule's arithmetic
    /// by hand over them, with the Civil Code year count from <see cref="StatutePeriods"/> and no traces.
    /// </summary>
    public static async Task ColumnsAsync(ChildArgs a, ChildResult r)
    {
        var asOf = Children.AsOf(a);
        var load = Stopwatch.StartNew();
        var code = new List<string>();
        var grantType = new List<byte>();
        var price = new List<long>();
        var granted = new List<int>();
        var agreed = new List<int>();
        var actual = new List<int>();
        var extensions = new Dictionary<string, (int ApprovedOn, int NewStart, int Reason)>(StringComparer.Ordinal);
        await using (var sqlite = new SqliteConnection($"Data Source={a["db"]};Mode=ReadOnly"))
        {
            await sqlite.OpenAsync();
            await using (var command = sqlite.CreateCommand())
            {
                command.CommandText = ParcelColumns;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    code.Add(reader.GetString(0));
                    grantType.Add((byte)reader.GetInt32(3));
                    price.Add(reader.GetInt64(4));
                    granted.Add(Date(reader.GetString(5)).DayNumber);
                    agreed.Add(Date(reader.GetString(6)).DayNumber);
                    actual.Add(reader.IsDBNull(7) ? int.MaxValue : Date(reader.GetString(7)).DayNumber);
                }
            }

            await using (var command = sqlite.CreateCommand())
            {
                command.CommandText = ExtensionColumns;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var approved = Date(reader.GetString(1)).DayNumber;
                    if (approved > asOf.DayNumber || (extensions.TryGetValue(reader.GetString(0), out var seen) && seen.ApprovedOn >= approved))
                    {
                        continue;
                    }

                    extensions[reader.GetString(0)] = (approved, Date(reader.GetString(2)).DayNumber, reader.GetInt32(3));
                }
            }
        }

        load.Stop();
        r["load_seconds"] = load.Elapsed.TotalSeconds;
        r["parcels"] = code.Count;
        var grantArray = grantType.ToArray();
        var priceArray = price.ToArray();
        var grantedArray = granted.ToArray();
        var agreedArray = agreed.ToArray();
        var actualArray = actual.ToArray();
        grantType.Clear();
        price.Clear();
        granted.Clear();
        agreed.Clear();
        actual.Clear();

        // The floor: read each byte of the numeric columns once (the best of three passes).
        var bytes = (long)grantArray.Length + (priceArray.Length * 8L) + ((grantedArray.Length + agreedArray.Length + actualArray.Length) * 4L);
        var best = double.MaxValue;
        ulong checksum = 0;
        for (var pass = 0; pass < 3; pass++)
        {
            var stopwatch = Stopwatch.StartNew();
            checksum = Floors.Sum(grantArray) + Floors.Sum(MemoryMarshal.AsBytes(priceArray.AsSpan())) + Floors.Sum(MemoryMarshal.AsBytes(grantedArray.AsSpan()))
                + Floors.Sum(MemoryMarshal.AsBytes(agreedArray.AsSpan())) + Floors.Sum(MemoryMarshal.AsBytes(actualArray.AsSpan()));
            best = Math.Min(best, stopwatch.Elapsed.TotalSeconds);
        }

        r["floor_seconds"] = best;
        r["floor_bytes"] = bytes;
        r["floor_bytes_per_second"] = bytes / best;
        r["checksum"] = checksum % 1_000_000;
        Children.Say($"scanned {bytes / 1e6:N0} MB of idle-land columns in {best * 1000:0.0} ms");

        // The hand-written rule over the arrays.
        var (feeYears, recoverYears, rate) = Parameters(asOf);
        var government = (int)DelayReason.Government;
        var times = new List<double>();
        for (var pass = 0; pass < Math.Max(3, a.Count("repeat", 1)); pass++)
        {
            var stopwatch = Stopwatch.StartNew();
            var findings = new List<(int Parcel, bool Recover, long FeeFen)>();
            for (var i = 0; i < code.Count; i++)
            {
                if (grantedArray[i] > asOf.DayNumber)
                {
                    continue;
                }

                var start = agreedArray[i];
                if (extensions.Count > 0 && extensions.TryGetValue(code[i], out var extension))
                {
                    if (extension.Reason == government)
                    {
                        continue;
                    }

                    start = extension.NewStart;
                }

                var idleUntil = actualArray[i] <= asOf.DayNumber ? actualArray[i] - 1 : asOf.DayNumber;
                var late = StatutePeriods.FullYears(DateOnly.FromDayNumber(start), DateOnly.FromDayNumber(idleUntil));
                if (late < feeYears)
                {
                    continue;
                }

                findings.Add(late >= recoverYears
                    ? (i, true, 0)
                    : (i, false, (long)decimal.Round(priceArray[i] * rate, 0, MidpointRounding.AwayFromZero)));
            }

            stopwatch.Stop();
            times.Add(stopwatch.Elapsed.TotalSeconds);
            r["findings"] = findings.Count;
            r["idle.fee"] = findings.Count(f => !f.Recover);
            r["idle.recover"] = findings.Count(f => f.Recover);
            r["idle.fee_fen"] = findings.Sum(f => f.FeeFen);
        }

        r["loop_seconds"] = Children.Median(times);
        Children.Say($"hand-written loop: {r["findings"]:N0} findings in {r["loop_seconds"] * 1000:0.0} ms");
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
