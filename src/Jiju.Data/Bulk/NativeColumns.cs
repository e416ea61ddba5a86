using System.Runtime.InteropServices;
using SQLitePCL;

namespace Jiju.Data.Bulk;

/// <summary>
/// SQLite's column accessors called directly, for <see cref="BulkReader"/>'s millions of values. SQLitePCL passes the
/// statement as a SafeHandle, which costs two interlocked operations on every call, and makes the full GC transition;
/// these accessors only read the current row, never block and never call back, which is what
/// <see cref="SuppressGCTransitionAttribute"/> requires. They are used only when SQLitePCL itself runs on the bundled
/// e_sqlite3 library (the one Microsoft.Data.Sqlite ships), so the statement belongs to the library they call, and
/// only while the reader holds the statement open.
/// </summary>
internal static partial class NativeColumns
{
    private const string Library = "e_sqlite3";

    /// <summary>Whether SQLitePCL runs on the library these accessors call.</summary>
    public static bool Available { get; } = string.Equals(raw.GetNativeLibraryName(), Library, StringComparison.Ordinal);

    public static int Type(IntPtr statement, int ordinal) => sqlite3_column_type(statement, ordinal);

    public static long Int64(IntPtr statement, int ordinal) => sqlite3_column_int64(statement, ordinal);

    public static double Double(IntPtr statement, int ordinal) => sqlite3_column_double(statement, ordinal);

    public static unsafe ReadOnlySpan<byte> Blob(IntPtr statement, int ordinal)
    {
        // As sqlite3_column_blob's documentation asks: the pointer first, then the length.
        var pointer = sqlite3_column_blob(statement, ordinal);
        return pointer == null ? [] : new ReadOnlySpan<byte>(pointer, sqlite3_column_bytes(statement, ordinal));
    }

    [LibraryImport(Library)]
    [SuppressGCTransition]
    private static partial int sqlite3_column_type(IntPtr statement, int ordinal);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    private static partial long sqlite3_column_int64(IntPtr statement, int ordinal);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    private static partial double sqlite3_column_double(IntPtr statement, int ordinal);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    private static unsafe partial byte* sqlite3_column_blob(IntPtr statement, int ordinal);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    private static partial int sqlite3_column_bytes(IntPtr statement, int ordinal);
}
