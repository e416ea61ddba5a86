using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using SQLitePCL;

namespace Jiju.Data.Bulk;

/// <summary>
/// Binds a whole row of values to a prepared statement for the bulk writer, storing what <see cref="SqliteValues"/>
/// (and so Microsoft.Data.Sqlite) stores. Text, and dates and decimals as text, are encoded as UTF-8 straight into a
/// pinned buffer of the binder's and bound without a copy (SQLITE_STATIC): SQLite reads them while the row is stepped,
/// and the buffer is written again only for the next row, after the reset. Through SQLitePCL each text value was
/// copied into a new array, or passed as UTF-16 for SQLite to copy and convert. The calls go straight to e_sqlite3
/// (without the SafeHandle's reference counting, as <see cref="NativeColumns"/> does); with another SQLite library the
/// binder falls back to <see cref="SqliteValues.Bind"/>.
/// </summary>
internal sealed unsafe partial class SqliteRowBinder
{
    private const string Library = "e_sqlite3";

    /// <summary>The most bytes a date, a decimal or a date with offset takes as text.</summary>
    private const int FormattedBytes = 64;

    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _handle;
    private byte[] _buffer = GC.AllocateUninitializedArray<byte>(1 << 12, pinned: true);

    public SqliteRowBinder(sqlite3_stmt statement)
    {
        _statement = statement;
        _handle = NativeColumns.Available ? statement.DangerousGetHandle() : IntPtr.Zero;
    }

    /// <summary>Binds <paramref name="values"/> to parameters 1, 2, …; null or <see cref="DBNull"/> is NULL.</summary>
    public void Bind(object?[] values)
    {
        if (_handle == IntPtr.Zero)
        {
            for (var i = 0; i < values.Length; i++)
            {
                SqliteValues.Bind(_statement, i + 1, values[i]);
            }

            return;
        }

        Reserve(values);
        var buffer = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_buffer));
        var used = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var index = i + 1;
            var free = new Span<byte>(buffer + used, _buffer.Length - used);
            int written;
            switch (values[i])
            {
                case null or DBNull:
                    Check(sqlite3_bind_null(_handle, index));
                    continue;
                case string s:
                    written = Encoding.UTF8.GetBytes(s, free);
                    break;
                case int n:
                    Check(sqlite3_bind_int64(_handle, index, n));
                    continue;
                case long n:
                    Check(sqlite3_bind_int64(_handle, index, n));
                    continue;
                case bool b:
                    Check(sqlite3_bind_int64(_handle, index, b ? 1 : 0));
                    continue;
                case DateOnly d:
                    Format(d.TryFormat(free, out written, SqliteValues.DateFormat, CultureInfo.InvariantCulture));
                    break;
                case decimal m:
                    Format(m.TryFormat(free, out written, SqliteValues.DecimalFormat, CultureInfo.InvariantCulture));
                    break;
                case DateTimeOffset t:
                    Format(t.TryFormat(free, out written, SqliteValues.DateTimeOffsetFormat, CultureInfo.InvariantCulture));
                    break;
                default:
                    SqliteValues.Bind(_statement, index, values[i]);
                    continue;
            }

            Check(sqlite3_bind_text(_handle, index, buffer + used, written, IntPtr.Zero));
            used += written;
        }
    }

    /// <summary>Makes the buffer large enough for the row's text at once: a pointer already bound must not move.</summary>
    private void Reserve(object?[] values)
    {
        var needed = 0;
        foreach (var value in values)
        {
            needed += value switch
            {
                string s => Encoding.UTF8.GetMaxByteCount(s.Length),
                DateOnly or decimal or DateTimeOffset => FormattedBytes,
                _ => 0,
            };
        }

        if (needed > _buffer.Length)
        {
            _buffer = GC.AllocateUninitializedArray<byte>(Math.Max(needed, _buffer.Length * 2), pinned: true);
        }
    }

    private static void Format(bool formatted)
    {
        if (!formatted)
        {
            throw new InvalidOperationException($"批量写入的值超过 {FormattedBytes} 字节");
        }
    }

    private void Check(int result) => SqliteValues.Check(_statement, result);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_null(IntPtr statement, int index);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_int64(IntPtr statement, int index, long value);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_text(IntPtr statement, int index, byte* text, int length, IntPtr destructor);
}
