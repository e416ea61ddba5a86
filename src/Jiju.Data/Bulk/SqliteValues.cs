using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Jiju.Data.Bulk;

/// <summary>
/// Binds a provider value to a prepared SQLite statement by position, storing exactly what Microsoft.Data.Sqlite
/// stores for the same value in a parameter without a declared type (its text formats for dates and decimals
/// included), so that rows written or keys read through SQLitePCL directly compare equal to those EF Core writes.
/// Binding by name through <see cref="SqliteParameter"/> looked the name up on every row: a third of a bulk write.
/// </summary>
internal static class SqliteValues
{
    /// <summary>How long Microsoft.Data.Sqlite sleeps before it tries a busy command again.</summary>
    private const int RetryMilliseconds = 150;

    /// <summary>Microsoft.Data.Sqlite's text for a date.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Microsoft.Data.Sqlite's text for a decimal.</summary>
    public const string DecimalFormat = "0.0###########################";

    /// <summary>Microsoft.Data.Sqlite's text for a date with offset.</summary>
    public const string DateTimeOffsetFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz";

    /// <summary>The provider types <see cref="Bind"/> takes; a table with a column of another type is not written in bulk.</summary>
    public static bool Supports(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(byte[]) || type == typeof(DateOnly)
        || type == typeof(DateTimeOffset) || type == typeof(decimal) || type == typeof(double) || type == typeof(float)
        || type == typeof(byte) || type == typeof(sbyte) || type == typeof(short) || type == typeof(ushort)
        || type == typeof(int) || type == typeof(uint) || type == typeof(long) || type.IsEnum;

    /// <summary>Binds <paramref name="value"/> (null or <see cref="DBNull"/> for NULL) to the 1-based parameter <paramref name="index"/>.</summary>
    public static void Bind(sqlite3_stmt statement, int index, object? value)
    {
        var result = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            string s => raw.sqlite3_bind_text16(statement, index, s),
            int i => raw.sqlite3_bind_int64(statement, index, i),
            long l => raw.sqlite3_bind_int64(statement, index, l),
            bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
            DateOnly d => raw.sqlite3_bind_text(statement, index, d.ToString(DateFormat, CultureInfo.InvariantCulture)),
            decimal m => raw.sqlite3_bind_text(statement, index, m.ToString(DecimalFormat, CultureInfo.InvariantCulture)),
            DateTimeOffset t => raw.sqlite3_bind_text(statement, index, t.ToString(DateTimeOffsetFormat, CultureInfo.InvariantCulture)),
            byte or sbyte or short or ushort or uint => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            Enum e => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(e, CultureInfo.InvariantCulture)),
            double d when double.IsNaN(d) => throw new InvalidOperationException($"不能写入 NaN（第{index}个参数）"),
            double or float => raw.sqlite3_bind_double(statement, index, Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            byte[] blob => raw.sqlite3_bind_blob(statement, index, blob),
            _ => throw new NotSupportedException($"SQLite 批量读写不支持 {value.GetType().Name} 类型的值（第{index}个参数）"),
        };
        Check(statement, result);
    }

    /// <summary>
    /// Prepares <paramref name="sql"/> on <paramref name="db"/>. While another connection holds the database (SQLite answers
    /// busy or locked) it tries again every 150 ms until <paramref name="timeoutSeconds"/> have passed (0: no limit), as
    /// Microsoft.Data.Sqlite does for every command it prepares; then it throws SQLite's error. <paramref name="waitedMilliseconds"/>
    /// counts the time one command has slept so.
    /// </summary>
    public static sqlite3_stmt Prepare(sqlite3 db, string sql, int timeoutSeconds, ref int waitedMilliseconds, out string tail)
    {
        int result;
        sqlite3_stmt statement;
        while (IsBusy(result = raw.sqlite3_prepare_v2(db, sql, out statement, out tail)) && WaitAgain(timeoutSeconds, ref waitedMilliseconds))
        {
            statement.Dispose();
        }

        if (result != raw.SQLITE_OK)
        {
            using (statement)
            {
                Check(db, result);
            }
        }

        return statement;
    }

    /// <summary>
    /// The first step of <paramref name="statement"/> (one that has given no row since it was reset). While another connection
    /// holds the database it resets the statement and tries again every 150 ms until <paramref name="timeoutSeconds"/> have
    /// passed (0: no limit), as Microsoft.Data.Sqlite does for a command's first step; SQLite's answer is returned, busy
    /// included once the time is up. A later step must not be retried so: the reset would give the rows again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FirstStep(sqlite3_stmt statement, int timeoutSeconds, ref int waitedMilliseconds)
    {
        var result = raw.sqlite3_step(statement);
        return IsBusy(result) ? StepWhileBusy(statement, result, timeoutSeconds, ref waitedMilliseconds) : result;
    }

    private static int StepWhileBusy(sqlite3_stmt statement, int result, int timeoutSeconds, ref int waitedMilliseconds)
    {
        while (IsBusy(result) && WaitAgain(timeoutSeconds, ref waitedMilliseconds))
        {
            raw.sqlite3_reset(statement);
            result = raw.sqlite3_step(statement);
        }

        return result;
    }

    private static bool IsBusy(int result) =>
        result is raw.SQLITE_BUSY or raw.SQLITE_LOCKED or raw.SQLITE_LOCKED_SHAREDCACHE;

    /// <summary>
    /// Sleeps before the next try and says so, unless one command's sleeps (<paramref name="waitedMilliseconds"/>) have
    /// reached <paramref name="timeoutSeconds"/>.
    /// </summary>
    private static bool WaitAgain(int timeoutSeconds, ref int waitedMilliseconds)
    {
        if (timeoutSeconds != 0 && waitedMilliseconds >= timeoutSeconds * 1000L)
        {
            return false;
        }

        Thread.Sleep(RetryMilliseconds);
        waitedMilliseconds += RetryMilliseconds;
        return true;
    }

    /// <summary>Throws the error SQLite reports for a call on <paramref name="statement"/>, unless <paramref name="result"/> is OK.</summary>
    public static void Check(sqlite3_stmt statement, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            Check(raw.sqlite3_db_handle(statement), result);
        }
    }

    /// <summary>Throws the error SQLite reports for <paramref name="result"/>, as Microsoft.Data.Sqlite would, unless it is OK.</summary>
    public static void Check(sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, db);
        }
    }
}
