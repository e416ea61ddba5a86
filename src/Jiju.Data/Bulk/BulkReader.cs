using System.Data.Common;
using System.Globalization;
using System.Text;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Jiju.Data.Bulk;

/// <summary>
/// A part of a table by row id, for reading a table of millions of rows on several contexts at once: the rows whose
/// row id is at least <see cref="From"/> and below <see cref="To"/>, or the whole table (<see cref="All"/>). Row ids
/// are SQLite's; <see cref="BulkReader.Split{T}"/> makes parts only there.
/// </summary>
public sealed record TablePart(long? From, long? To)
{
    public static TablePart All { get; } = new(null, null);

    public override string ToString() => From is null && To is null ? "all" : $"rowid [{From}, {To})";
}

/// <summary>
/// Reads the rows of an EF Core query without EF Core's materialisation, for the few reads of millions of rows (a
/// sweep's parcels). The query is EF Core's own — its SQL, its parameters and so the caller's jurisdiction filter —
/// and only the reading is done here: on SQLite by stepping the statement directly (no per-value boxing, strings or
/// culture parsing), on other providers through the provider's data reader. Columns are found by the names of the
/// projected members (<see cref="Ordinal"/>) and read by position. Codes read back are the stored ones, which were checked when they were written; the division
/// and cluster codes of a read are made once each, not once per row.
/// </summary>
public abstract class BulkReader : IDisposable
{
    private readonly Dictionary<string, DivisionCode> _divisions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClusterCode> _clusters = new(StringComparer.Ordinal);

    /// <summary>The distinct values <see cref="RepeatedText"/> has given, each its own key.</summary>
    private protected readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>The context whose connection the read opened, closed again when the reader is disposed.</summary>
    private DbContext? _db;

    /// <summary>Opens <paramref name="query"/> (EF Core's SQL, parameters and filters) on its context's connection.</summary>
    public static BulkReader Open(DbContext db, IQueryable query)
    {
        var command = query.CreateDbCommand();
        if (db.Database.CurrentTransaction is { } transaction)
        {
            command.Transaction = transaction.GetDbTransaction();
        }

        // Opened through the context, so that it closes the connection again only if it opened it.
        db.Database.OpenConnection();
        try
        {
            return command is SqliteCommand sqlite ? new SqliteStatementReader(db, sqlite) : new ProviderReader(db, command);
        }
        catch
        {
            command.Dispose();
            db.Database.CloseConnection();
            throw;
        }
    }

    /// <summary>
    /// The rows of <typeparamref name="T"/>'s table in <paramref name="part"/>, as a query to compose with LINQ: EF Core
    /// applies its filters (the jurisdiction) and the caller's conditions on top, and SQLite reads the part as a range
    /// of the table itself, in the table's order.
    /// </summary>
    public static IQueryable<T> Rows<T>(DbContext db, TablePart part)
        where T : class
    {
        if (part.From is null && part.To is null)
        {
            return db.Set<T>();
        }

        // The table's name comes from the EF Core model, not from input; the bounds are parameters.
#pragma warning disable EF1002
        return db.Set<T>().FromSqlRaw($"SELECT * FROM \"{TableOf<T>(db)}\" WHERE rowid >= {{0}} AND rowid < {{1}}", part.From ?? long.MinValue, part.To ?? long.MaxValue);
#pragma warning restore EF1002
    }

    /// <summary>
    /// Splits <typeparamref name="T"/>'s table into at most <paramref name="parts"/> parts of at least
    /// <paramref name="minimumRowsPerPart"/> rows, by evenly spaced row ids (read in an instant: no count). Only on
    /// SQLite, outside a transaction (other connections would not see it) and for the province or above (a narrower
    /// jurisdiction reads from the owner-path index); otherwise, and for a small table, the whole table is one part.
    /// </summary>
    public static IReadOnlyList<TablePart> Split<T>(DbContext db, int parts, long minimumRowsPerPart)
        where T : class
    {
        if (parts <= 1 || db.Database.GetDbConnection() is not SqliteConnection || db.Database.CurrentTransaction is not null)
        {
            return [TablePart.All];
        }

        // A city, a county or a cluster reads its rows from the owner-path index, in one part: given a row-id range as
        // well, SQLite reads that range of the table instead, and the parts together would scan the whole table.
        if (db is JijuDbContext jiju && JijuDbContext.OwnerFilterOf(jiju.Scope) == OwnerFilterKind.Range)
        {
            return [TablePart.All];
        }

        db.Database.OpenConnection();
        long last;
        try
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT max(rowid) FROM \"{TableOf<T>(db)}\"";
            last = command.ExecuteScalar() is long max ? max : 0;
        }
        finally
        {
            db.Database.CloseConnection();
        }

        parts = (int)Math.Clamp(last / Math.Max(1, minimumRowsPerPart), 1, parts);
        if (parts == 1)
        {
            return [TablePart.All];
        }

        // Row ids run from 1 to the largest; the first part starts below any, the last ends above all.
        return [.. Enumerable.Range(0, parts).Select(k => new TablePart(
            k == 0 ? null : (last * k / parts) + 1,
            k == parts - 1 ? null : (last * (k + 1) / parts) + 1))];
    }

    public abstract bool Read();

    /// <summary>
    /// The position of a column of the query's projection, by the name of the member projected (<c>AgreedStart</c>):
    /// EF Core names the column after the member or after the table's column (<c>agreed_start</c>), depending on the
    /// projection, so case and underscores are ignored. A name that matches no column, or two, is an error.
    /// </summary>
    public int Ordinal(string column)
    {
        var names = Enumerable.Range(0, ColumnCount).Select(ColumnName).ToList();
        var matches = names.Select((name, i) => (name, i)).Where(c => Normalized(c.name) == Normalized(column)).ToList();
        return matches.Count == 1
            ? matches[0].i
            : throw new ArgumentException($"查询结果中{(matches.Count == 0 ? "没有" : "有不止一个")}列 {column}（有：{string.Join("、", names)}）", nameof(column));

        static string Normalized(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
    }

    protected abstract int ColumnCount { get; }

    protected abstract string ColumnName(int ordinal);

    public abstract bool IsNull(int ordinal);

    public abstract long Whole(int ordinal);

    public abstract double Real(int ordinal);

    public abstract string Text(int ordinal);

    /// <summary>A date, stored as yyyy-MM-dd text on SQLite and as a date elsewhere.</summary>
    public abstract DateOnly Date(int ordinal);

    /// <summary>A decimal, stored as text on SQLite (read as Microsoft.Data.Sqlite reads it) and as a number elsewhere.</summary>
    public abstract decimal Number(int ordinal);

    /// <summary>
    /// A text of few distinct values (an industry code, a responsible unit): each distinct value is made once per read,
    /// and the rows that hold it share that string.
    /// </summary>
    public virtual string RepeatedText(int ordinal)
    {
        var text = Text(ordinal);
        if (_texts.TryGetValue(text, out var seen))
        {
            return seen;
        }

        _texts[text] = text;
        return text;
    }

    public DateOnly? NullableDate(int ordinal) => IsNull(ordinal) ? null : Date(ordinal);

    public string? NullableText(int ordinal) => IsNull(ordinal) ? null : Text(ordinal);

    /// <summary>Money, stored as whole fen (ADR 0001).</summary>
    public Money Money(int ordinal) => Conversions.FromFen(Whole(ordinal));

    /// <summary>An area, stored as square metres (ADR 0001).</summary>
    public Area Area(int ordinal) => StoredArea(Real(ordinal));

    /// <summary>An area from the square metres stored (ADR 0001), for a caller that read them with <see cref="Real"/> and needs few as areas.</summary>
    public static Area StoredArea(double squareMetres) => Conversions.FromSquareMetres(squareMetres);

    /// <summary>A stored division code, made once per distinct value of the read.</summary>
    public virtual DivisionCode Division(int ordinal)
    {
        var text = Text(ordinal);
        if (!_divisions.TryGetValue(text, out var code))
        {
            code = DivisionCode.Of(text);
            _divisions[text] = code;
        }

        return code;
    }

    /// <summary>A stored cluster code (null for none), made once per distinct value of the read.</summary>
    public virtual ClusterCode? Cluster(int ordinal)
    {
        if (IsNull(ordinal))
        {
            return null;
        }

        var text = Text(ordinal);
        if (!_clusters.TryGetValue(text, out var code))
        {
            code = ClusterCode.Of(text);
            _clusters[text] = code;
        }

        return code;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        _db?.Database.CloseConnection();
        _db = null;
    }

    /// <summary>The table the model maps <typeparamref name="T"/> to.</summary>
    internal static string TableOf<T>(DbContext db) =>
        db.Model.FindEntityType(typeof(T))?.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} 没有对应的表");

    /// <summary>Any provider: its own data reader.</summary>
    private sealed class ProviderReader : BulkReader
    {
        private readonly DbCommand _command;
        private readonly DbDataReader _reader;

        public ProviderReader(DbContext db, DbCommand command)
        {
            _command = command;
            _reader = command.ExecuteReader();
            _db = db;
        }

        public override bool Read() => _reader.Read();

        protected override int ColumnCount => _reader.FieldCount;

        protected override string ColumnName(int ordinal) => _reader.GetName(ordinal);

        public override bool IsNull(int ordinal) => _reader.IsDBNull(ordinal);

        public override long Whole(int ordinal) => Convert.ToInt64(_reader.GetValue(ordinal), CultureInfo.InvariantCulture);

        public override double Real(int ordinal) => _reader.GetDouble(ordinal);

        public override string Text(int ordinal) => _reader.GetString(ordinal);

        public override DateOnly Date(int ordinal) => _reader.GetFieldValue<DateOnly>(ordinal);

        public override decimal Number(int ordinal) => _reader.GetDecimal(ordinal);

        protected override void Dispose(bool disposing)
        {
            _reader.Dispose();
            _command.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// SQLite: the command's SQL prepared and stepped through SQLitePCL (the library under Microsoft.Data.Sqlite), its
    /// parameters bound as Microsoft.Data.Sqlite binds them. Text is read as UTF-8 bytes.
    /// </summary>
    private sealed class SqliteStatementReader : BulkReader
    {
        /// <summary>The longest text, in bytes, that <see cref="RepeatedText"/> decodes on the stack.</summary>
        private const int ShortText = 128;

        private readonly sqlite3_stmt _statement;
        private readonly DbCommand _command;
        private readonly IntPtr _handle;

        /// <summary>The command's timeout, and the time its prepare and first step have slept waiting for another connection's lock.</summary>
        private readonly int _timeoutSeconds;
        private int _waitedMilliseconds;
        private bool _stepped;
        private (int Ordinal, byte[] Bytes, DivisionCode Code) _lastDivision = (-1, [], default);
        private (int Ordinal, byte[]? Bytes, ClusterCode? Code) _lastCluster = (-1, null, null);

        public SqliteStatementReader(DbContext db, SqliteCommand command)
        {
            _command = command;
            var handle = ((SqliteConnection)command.Connection!).Handle!;
            _timeoutSeconds = command.CommandTimeout;
            _statement = SqliteValues.Prepare(handle, command.CommandText, _timeoutSeconds, ref _waitedMilliseconds, out var tail);
            try
            {
                if (!string.IsNullOrWhiteSpace(tail))
                {
                    throw new InvalidOperationException("批量读取只接受一条查询语句");
                }

                // As Microsoft.Data.Sqlite does: a name without its prefix matches @, $ or :, and a parameter of the SQL
                // left without a value is an error (unbound, it would read as NULL and silently match nothing).
                var bound = new bool[raw.sqlite3_bind_parameter_count(_statement) + 1];
                foreach (SqliteParameter parameter in command.Parameters)
                {
                    var index = IndexOf(parameter.ParameterName);
                    if (index > 0)
                    {
                        SqliteValues.Bind(_statement, index, parameter.Value);
                        bound[index] = true;
                    }
                }

                for (var i = 1; i < bound.Length; i++)
                {
                    if (!bound[i])
                    {
                        throw new InvalidOperationException($"批量读取的查询参数 {raw.sqlite3_bind_parameter_name(_statement, i).utf8_to_string()} 没有值");
                    }
                }
            }
            catch
            {
                _statement.Dispose();
                throw;
            }

            _handle = NativeColumns.Available ? _statement.DangerousGetHandle() : IntPtr.Zero;
            _db = db;
        }

        public override bool Read()
        {
            var result = _stepped ? raw.sqlite3_step(_statement) : SqliteValues.FirstStep(_statement, _timeoutSeconds, ref _waitedMilliseconds);
            _stepped = true;
            if (result == raw.SQLITE_ROW)
            {
                return true;
            }

            if (result != raw.SQLITE_DONE)
            {
                SqliteValues.Check(_statement, result);
            }

            return false;
        }

        protected override int ColumnCount => raw.sqlite3_column_count(_statement);

        protected override string ColumnName(int ordinal) => raw.sqlite3_column_name(_statement, ordinal).utf8_to_string();

        public override bool IsNull(int ordinal) =>
            (_handle != IntPtr.Zero ? NativeColumns.Type(_handle, ordinal) : raw.sqlite3_column_type(_statement, ordinal)) == raw.SQLITE_NULL;

        public override long Whole(int ordinal) =>
            _handle != IntPtr.Zero ? NativeColumns.Int64(_handle, ordinal) : raw.sqlite3_column_int64(_statement, ordinal);

        public override double Real(int ordinal) =>
            _handle != IntPtr.Zero ? NativeColumns.Double(_handle, ordinal) : raw.sqlite3_column_double(_statement, ordinal);

        /// <summary>The value's bytes (text as UTF-8), valid until the next read; empty for NULL.</summary>
        private ReadOnlySpan<byte> Bytes(int ordinal) =>
            _handle != IntPtr.Zero ? NativeColumns.Blob(_handle, ordinal) : raw.sqlite3_column_blob(_statement, ordinal);

        public override string Text(int ordinal) => Encoding.UTF8.GetString(Bytes(ordinal));

        /// <summary>Looked up by its characters, decoded on the stack: a value already seen allocates nothing.</summary>
        public override string RepeatedText(int ordinal)
        {
            var bytes = Bytes(ordinal);
            if (bytes.Length > ShortText)
            {
                return base.RepeatedText(ordinal);
            }

            // UTF-8 never decodes to more characters than it has bytes; invalid bytes decode as Text decodes them.
            Span<char> buffer = stackalloc char[ShortText];
            var chars = buffer[..Encoding.UTF8.GetChars(bytes, buffer)];
            var texts = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
            if (texts.TryGetValue(chars, out var seen))
            {
                return seen;
            }

            var text = new string(chars);
            _texts[text] = text;
            return text;
        }

        public override decimal Number(int ordinal) =>
            decimal.Parse(Bytes(ordinal), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

        /// <summary>The division code; rows of one county usually follow each other, so the last one read is tried first.</summary>
        public override DivisionCode Division(int ordinal)
        {
            var bytes = Bytes(ordinal);
            ref var last = ref _lastDivision;
            if (last.Ordinal == ordinal && bytes.SequenceEqual(last.Bytes))
            {
                return last.Code;
            }

            var code = base.Division(ordinal);
            last = (ordinal, bytes.ToArray(), code);
            return code;
        }

        public override ClusterCode? Cluster(int ordinal)
        {
            var bytes = Bytes(ordinal);
            ref var last = ref _lastCluster;
            if (last.Ordinal == ordinal && last.Bytes is { } seen && bytes.SequenceEqual(seen) && !IsNull(ordinal))
            {
                return last.Code;
            }

            var code = base.Cluster(ordinal);
            last = (ordinal, code is null ? null : bytes.ToArray(), code);
            return code;
        }

        public override DateOnly Date(int ordinal)
        {
            var bytes = Bytes(ordinal);
            return IsoDate(bytes) ?? DateOnly.Parse(Encoding.UTF8.GetString(bytes), CultureInfo.InvariantCulture);
        }

        protected override void Dispose(bool disposing)
        {
            _statement.Dispose();
            _command.Dispose();
            base.Dispose(disposing);
        }

        /// <summary>yyyy-MM-dd in ASCII digits, as Microsoft.Data.Sqlite writes a DateOnly; null for any other form.</summary>
        internal static DateOnly? IsoDate(ReadOnlySpan<byte> text)
        {
            if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-')
            {
                return null;
            }

            var year = Digits(text[..4]);
            var month = Digits(text[5..7]);
            var day = Digits(text[8..]);
            return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
                ? new DateOnly(year, month, day)
                : null;
        }

        private static int Digits(ReadOnlySpan<byte> text)
        {
            var n = 0;
            foreach (var c in text)
            {
                if (c is < (byte)'0' or > (byte)'9')
                {
                    return -1;
                }

                n = (n * 10) + (c - '0');
            }

            return n;
        }

        private int IndexOf(string name)
        {
            if (name.Length > 0 && name[0] is '@' or '$' or ':')
            {
                return raw.sqlite3_bind_parameter_index(_statement, name);
            }

            foreach (var prefix in "@$:")
            {
                if (raw.sqlite3_bind_parameter_index(_statement, prefix + name) is var index and > 0)
                {
                    return index;
                }
            }

            return 0;
        }

    }
}
