using System.Linq.Expressions;
using System.Reflection;
using Jiju.Data.Jurisdiction;
using Jiju.Domain.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using SQLitePCL;

namespace Jiju.Data.Bulk;

/// <summary>
/// Writes many rows of one entity type fast, inside the caller's transaction: prepared INSERTs on
/// SQLite, binary COPY on PostgreSQL (<see cref="PostgresCopyRows"/>). Table, columns and value conversions come from the EF Core
/// model, so the writer cannot drift from the schema. Store-generated keys are left to the
/// database. Every row's owner path is checked against the caller's jurisdiction first.
/// </summary>
public sealed class BulkWriter(JijuDbContext db)
{
    /// <summary>Writes <paramref name="rows"/>; <paramref name="ownerPath"/> gives each jurisdiction-owned row its path.</summary>
    public Task<long> WriteAsync<T>(IEnumerable<T> rows, Func<T, string>? ownerPath = null, CancellationToken cancellationToken = default)
        where T : class =>
        WriteOwnedAsync(ownerPath is null ? rows.Select(r => (r, (string?)null)) : rows.Select(r => (r, (string?)ownerPath(r))), cancellationToken);

    /// <summary>Writes <paramref name="rows"/>, each with its owner path (null for a table without one), as a caller that already knows them.</summary>
    public async Task<long> WriteOwnedAsync<T>(IEnumerable<(T Row, string? OwnerPath)> rows, CancellationToken cancellationToken = default)
        where T : class
    {
        var table = TableShape.Of<T>(db);
        if (!table.HasOwnerPath && !db.Scope.IsProvince)
        {
            // Reference data and divisions belong to no jurisdiction: only the province (or above) writes them.
            throw new JurisdictionViolationException($"只有省级用户可以写入 {typeof(T).Name}（参考数据）");
        }

        return await WriteAsync(table, rows, cancellationToken);
    }

    /// <summary>
    /// Appends <paramref name="entry"/> to the audit log, which no jurisdiction owns and every user appends to, as the
    /// context's <c>SaveChanges</c> would; without its first-use cost in a process (a tenth of a second after an import).
    /// </summary>
    internal Task<long> AppendToAuditLogAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        WriteAsync(TableShape.Of<AuditEntry>(db), [(entry, (string?)null)], cancellationToken);

    private async Task<long> WriteAsync<T>(TableShape table, IEnumerable<(T Row, string? OwnerPath)> rows, CancellationToken cancellationToken)
        where T : class
    {
        _ = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("批量写入须在事务中进行（全部成功或全部不变）");
        var connection = db.Database.GetDbConnection();
        return connection switch
        {
            SqliteConnection sqlite => WriteSqlite(sqlite, table, rows, cancellationToken),
            NpgsqlConnection npgsql => await WritePostgresAsync(npgsql, table, rows, cancellationToken),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };
    }

    /// <summary>
    /// One statement prepared through SQLitePCL on the context's connection (so inside its transaction), each row's values
    /// bound by position as Microsoft.Data.Sqlite would store them (<see cref="SqliteRowBinder"/>).
    /// </summary>
    private long WriteSqlite<T>(SqliteConnection connection, TableShape table, IEnumerable<(T Row, string? OwnerPath)> rows, CancellationToken ct)
        where T : class
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("SQLite 连接未打开");
        var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => "\"" + c.Name + "\""))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "?" + (i + 1)))})";
        // A lock another connection holds is waited for as Microsoft.Data.Sqlite waits for it, each row's insert a command of its own.
        var timeout = connection.DefaultTimeout;
        var waited = 0;
        var statement = SqliteValues.Prepare(handle, sql, timeout, ref waited, out _);
        using (statement)
        {
            long count = 0;
            var values = new object?[table.Columns.Count];
            var binder = new SqliteRowBinder(statement);
            foreach (var row in rows)
            {
                table.Fill(row.Row, Owner(table, row.OwnerPath), values);
                binder.Bind(values);

                waited = 0;
                var result = SqliteValues.FirstStep(statement, timeout, ref waited);
                raw.sqlite3_reset(statement);
                if (result != raw.SQLITE_DONE)
                {
                    SqliteValues.Check(handle, result);
                }

                if (++count % 10_000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
            }

            return count;
        }
    }

    private async Task<long> WritePostgresAsync<T>(NpgsqlConnection connection, TableShape table, IEnumerable<(T Row, string? OwnerPath)> rows, CancellationToken ct)
        where T : class
    {
        // The rows' text is encoded as UTF-8; under another client encoding the server would read those bytes as that one.
        if (connection.PostgresParameters.TryGetValue("client_encoding", out var encoding) && !string.Equals(encoding, "UTF8", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"批量写入要求 PostgreSQL 连接的客户端编码为 UTF8（当前为 {encoding}），请去掉连接字符串中的 Client Encoding 设置");
        }

        var columns = string.Join(", ", table.Columns.Select(c => "\"" + c.Name + "\""));
        var copy = await connection.BeginRawBinaryCopyAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        long count = 0;
        var values = new object?[table.Columns.Count];
        try
        {
            // Synchronous writes into the rows' buffer, which goes out when full: an await per cell cost more than the cell.
            using var encoded = new PostgresCopyRows(copy, values.Length);
            foreach (var row in rows)
            {
                table.Fill(row.Row, Owner(table, row.OwnerPath), values);
                encoded.StartRow();
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] is null)
                    {
                        encoded.WriteNull();
                    }
                    else
                    {
                        table.Columns[i].WritePostgres(encoded, values[i]!);
                    }
                }

                if (++count % 10_000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
            }

            encoded.Complete();
        }
        catch
        {
            await AbandonAsync(copy);
            throw;
        }

        // Disposing the stream ends the COPY: the server's error, if the rows broke a key, is thrown from here.
        await copy.DisposeAsync();
        return count;
    }

    /// <summary>
    /// Abandons a COPY whose rows did not all come, so that ending it does not insert those sent so far. When that fails,
    /// the connection is already broken (Npgsql ends the COPY when a write fails) and the server rolls the transaction
    /// back with it: the caller's error, not Npgsql's about the dead COPY, is what the caller needs to see.
    /// </summary>
    private static async Task AbandonAsync(NpgsqlRawCopyStream copy)
    {
        try
        {
            await copy.CancelAsync();
            await copy.DisposeAsync();
        }
        catch (Exception)
        {
        }
    }

    /// <summary>The owner path to store: none for a table without one; else the given path, which must lie in the caller's jurisdiction.</summary>
    private string? Owner(TableShape table, string? path)
    {
        if (!table.HasOwnerPath)
        {
            return null;
        }

        return path is null ? throw new InvalidOperationException($"{table.Name} 须提供归属路径")
            : db.Scope.Covers(path) ? path
            : throw new JurisdictionViolationException($"{db.Scope.Actor} 无权写入归属 {path} 的数据（本用户管辖 {db.Scope.Path}）");
    }

    /// <summary>A table as the EF model maps it: column names and how to get each provider value from an entity.</summary>
    private sealed class TableShape
    {
        private TableShape(string name, IReadOnlyList<Column> columns, bool hasOwnerPath)
        {
            Name = name;
            Columns = columns;
            HasOwnerPath = hasOwnerPath;
        }

        public string Name { get; }

        public IReadOnlyList<Column> Columns { get; }

        public bool HasOwnerPath { get; }

        public static TableShape Of<T>(JijuDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} 不在数据模型中");
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = new List<Column>();
            var hasOwner = false;
            foreach (var property in entity.GetProperties())
            {
                // Keys the database numbers, and columns it computes (a parcel's start delay), are not written.
                if ((property.ValueGenerated == ValueGenerated.OnAdd && property.IsPrimaryKey()) || property.GetComputedColumnSql() is not null)
                {
                    continue;
                }

                var (converter, providerType) = Conversions.StoredAs(property);
                if (property.Name == JijuDbContext.OwnerPath)
                {
                    hasOwner = true;
                    columns.Add(new Column(property.GetColumnName(store)!, null, PostgresCopyRows.EncoderFor(providerType)));
                    continue;
                }

                var getter = property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} 没有属性访问器");
                columns.Add(new Column(property.GetColumnName(store)!, ProviderValue(typeof(T), getter, converter), PostgresCopyRows.EncoderFor(providerType)));
            }

            return new TableShape(entity.GetTableName()!, columns, hasOwner);
        }

        /// <summary>Puts each column's provider value of <paramref name="entity"/> into <paramref name="values"/>.</summary>
        public void Fill(object entity, string? ownerPath, object?[] values)
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                var read = Columns[i].Read;
                values[i] = read is null ? ownerPath : read(entity);
            }
        }

        /// <summary>
        /// The property read and converted to its provider value by one compiled delegate, built once per table and
        /// write: reading by reflection and converting through the boxed converter cost microseconds a row.
        /// </summary>
        private static Func<object, object?> ProviderValue(Type entityType, PropertyInfo property, ValueConverter? converter)
        {
            var entity = Expression.Parameter(typeof(object), "entity");
            var value = Expression.Variable(property.PropertyType, "value");
            Expression provider = value;
            if (converter is not null)
            {
                var model = property.PropertyType == converter.ModelClrType ? (Expression)value : Expression.Convert(value, converter.ModelClrType);
                provider = ParameterReplacer.Replace(converter.ConvertToProviderExpression, model);
            }

            Expression boxed = Expression.Convert(provider, typeof(object));
            var canBeNull = !property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null;
            if (canBeNull && converter is not null)
            {
                boxed = Expression.Condition(Expression.Equal(value, Expression.Constant(null, property.PropertyType)), Expression.Constant(null, typeof(object)), boxed);
            }

            var body = Expression.Block(
                [value],
                Expression.Assign(value, Expression.Property(Expression.Convert(entity, entityType), property)),
                boxed);
            return Expression.Lambda<Func<object, object?>>(body, entity).Compile();
        }
    }

    /// <summary>A column: its name, its provider value from an entity (null for the owner path, which the caller gives) and how binary COPY encodes a value of it.</summary>
    private sealed record Column(string Name, Func<object, object?>? Read, Action<PostgresCopyRows, object> WritePostgres);

    /// <summary>Inlines a converter's lambda on another expression.</summary>
    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        public static Expression Replace(LambdaExpression lambda, Expression argument) =>
            new ParameterReplacer(lambda.Parameters[0], argument).Visit(lambda.Body);

        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
