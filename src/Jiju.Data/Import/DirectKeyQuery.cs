using System.Buffers;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Jiju.Data.Import;

/// <summary>
/// <see cref="KeyLookup"/>'s question asked of the database directly: the SQL Entity Framework Core generates for it,
/// without the query pipeline around it. An import asks it a thousand times for a million rows; EF Core's handling of
/// each (the expression tree, the parameter through the converters, the shaper) cost about as much as the database's
/// own look-ups. Each filter's values go as one parameter, as EF Core sends them:
/// <list type="bullet">
/// <item>SQLite: <c>column IN (SELECT value FROM json_each($v0))</c>, the values as one JSON array;</item>
/// <item>PostgreSQL: <c>column = ANY ($1)</c>, the values as one array.</item>
/// </list>
/// Only for columns stored as text or integers, as nearly every key and reference of Jiju's is; for others (a date in the
/// key of exchange rates or land-use standards), null, and the question goes through EF Core.
/// </summary>
internal sealed class DirectKeyQuery
{
    /// <summary>The statement built for each question, by model and shape; null for a question this cannot ask.</summary>
    private static readonly ConcurrentDictionary<(IModel Model, string Shape), DirectKeyQuery?> Built = new();

    /// <summary>By connection string, whether Npgsql may prepare on it (not with multiplexing): read once, not per batch.</summary>
    private static readonly ConcurrentDictionary<string, bool> CanPrepare = new(StringComparer.Ordinal);

    private readonly string _sql;
    private readonly bool _postgres;
    private readonly Column[] _filters;
    private readonly Column[] _select;

    private DirectKeyQuery(string sql, bool postgres, Column[] filters, Column[] select)
    {
        _sql = sql;
        _postgres = postgres;
        _filters = filters;
        _select = select;
    }

    /// <summary>The statement for rows of <paramref name="entityType"/> filtered by <paramref name="filters"/>' properties, returning <paramref name="select"/>.</summary>
    public static DirectKeyQuery? For(JijuDbContext db, Type entityType, IReadOnlyList<string> filters, IReadOnlyList<string> select) =>
        Built.GetOrAdd((db.Model, string.Join('|', [entityType.FullName, .. filters, "→", .. select])), _ => Build(db, entityType, filters, select));

    public async Task<List<object?[]>> FindAsync(JijuDbContext db, IReadOnlyList<KeyFilter> filters, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = _sql;
            if (db.Database.CurrentTransaction is { } transaction)
            {
                command.Transaction = transaction.GetDbTransaction();
            }

            for (var i = 0; i < _filters.Length; i++)
            {
                var parameter = command.CreateParameter();
                if (_postgres)
                {
                    parameter.Value = _filters[i].StoredArray(filters[i].Values);
                }
                else
                {
                    parameter.ParameterName = "$v" + i.ToString(CultureInfo.InvariantCulture);
                    parameter.Value = _filters[i].Json(filters[i].Values);
                }

                command.Parameters.Add(parameter);
            }

            if (_postgres && CanPrepare.GetOrAdd(command.Connection!.ConnectionString, c => !new NpgsqlConnectionStringBuilder(c).Multiplexing))
            {
                // Parsed and planned once per connection: Npgsql keeps the prepared statement with the physical connection
                // (not with multiplexing, which cannot prepare).
                await command.PrepareAsync(cancellationToken);
            }

            var rows = new List<object?[]>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new object?[_select.Length];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : _select[i].Read(reader, i);
                }

                rows.Add(row);
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DirectKeyQuery? Build(JijuDbContext db, Type entityType, IReadOnlyList<string> filters, IReadOnlyList<string> select)
    {
        var postgres = db.Database.IsNpgsql();
        if (filters.Count == 0 || (!postgres && !db.Database.IsSqlite()))
        {
            return null;
        }

        var entity = db.Model.FindEntityType(entityType) ?? throw new InvalidOperationException($"{entityType.Name} 不在数据模型中");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        Column? ColumnOf(string name)
        {
            var property = entity.FindProperty(name) ?? throw new InvalidOperationException($"{entityType.Name} 没有属性 {name}");
            var (converter, stored) = Conversions.StoredAs(property);
            return stored == typeof(string) || stored == typeof(int) || stored == typeof(long)
                ? new Column(sql.DelimitIdentifier(property.GetColumnName(table)!), stored, converter)
                : null;
        }

        var filterColumns = filters.Select(ColumnOf).ToArray();
        var selectColumns = select.Select(ColumnOf).ToArray();
        if (filterColumns.Contains(null) || selectColumns.Contains(null))
        {
            return null;
        }

        var where = filterColumns.Select((c, i) => postgres
            ? string.Create(CultureInfo.InvariantCulture, $"{c!.Name} = ANY (${i + 1})")
            : string.Create(CultureInfo.InvariantCulture, $"{c!.Name} IN (SELECT value FROM json_each($v{i}))"));
        return new DirectKeyQuery(
            $"SELECT {string.Join(", ", selectColumns.Select(c => c!.Name))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {string.Join(" AND ", where)}",
            postgres,
            filterColumns!,
            selectColumns!);
    }

    /// <summary>A column as the database stores it: text or an integer, from and to the model's value through its converter.</summary>
    private sealed record Column(string Name, Type Stored, ValueConverter? Converter)
    {
        /// <summary>The values as stored, as one JSON array (SQLite).</summary>
        public string Json(IReadOnlyCollection<object> values)
        {
            var buffer = new ArrayBufferWriter<byte>(values.Count * 24);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                foreach (var value in values)
                {
                    switch (AsStored(value))
                    {
                        case string s:
                            json.WriteStringValue(s);
                            break;
                        case int n:
                            json.WriteNumberValue(n);
                            break;
                        case long n:
                            json.WriteNumberValue(n);
                            break;
                    }
                }

                json.WriteEndArray();
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        /// <summary>The values as stored, as one array of the stored type (PostgreSQL: text[], integer[] or bigint[]).</summary>
        public object StoredArray(IReadOnlyCollection<object> values) =>
            Stored == typeof(string) ? values.Select(v => (string)AsStored(v)).ToArray()
            : Stored == typeof(int) ? values.Select(v => (int)AsStored(v)).ToArray()
            : values.Select(v => (long)AsStored(v)).ToArray();

        /// <summary>The model's value of a column that is not NULL.</summary>
        public object? Read(DbDataReader reader, int ordinal)
        {
            var stored = Stored == typeof(string) ? reader.GetString(ordinal)
                : Stored == typeof(int) ? (object)reader.GetInt32(ordinal)
                : reader.GetInt64(ordinal);
            return Converter is null ? stored : Converter.ConvertFromProvider(stored);
        }

        /// <summary>A model value as stored: text or an integer of the column's stored type.</summary>
        private object AsStored(object value) => (Converter is null ? value : Converter.ConvertToProvider(value)) switch
        {
            string s when Stored == typeof(string) => s,
            int n when Stored == typeof(int) => n,
            long n when Stored == typeof(long) => n,
            var other => throw new InvalidOperationException($"{Name} 的值“{other}”不是 {Stored.Name}"),
        };
    }
}
