using Jiju.Data.Jurisdiction;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Jiju.Data.Bulk;

/// <summary>
/// Writes many rows of one entity type fast, inside the caller's transaction: prepared INSERTs on
/// SQLite, binary COPY on PostgreSQL. Table, columns and value conversions come from the EF Core
/// model, so the writer cannot drift from the schema. Store-generated keys are left to the
/// database. Every row's owner path is checked against the caller's jurisdiction first.
/// </summary>
public sealed class BulkWriter(JijuDbContext db)
{
    /// <summary>Writes <paramref name="rows"/>; <paramref name="ownerPath"/> gives each jurisdiction-owned row its path.</summary>
    public async Task<long> WriteAsync<T>(IEnumerable<T> rows, Func<T, string>? ownerPath = null, CancellationToken cancellationToken = default)
        where T : class
    {
        var table = TableShape.Of<T>(db);
        if (table.HasOwnerPath && ownerPath is null)
        {
            throw new InvalidOperationException($"{typeof(T).Name} 须提供归属路径");
        }

        if (!table.HasOwnerPath)
        {
            // Reference data and divisions belong to no jurisdiction: only the province (or above) writes them.
            ownerPath = null;
            if (!db.Scope.IsProvince)
            {
                throw new JurisdictionViolationException($"只有省级用户可以写入 {typeof(T).Name}（参考数据）");
            }
        }

        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("批量写入须在事务中进行（全部成功或全部不变）");
        var connection = db.Database.GetDbConnection();
        return connection switch
        {
            SqliteConnection sqlite => WriteSqlite(sqlite, transaction, table, rows, ownerPath, cancellationToken),
            NpgsqlConnection npgsql => await WritePostgresAsync(npgsql, table, rows, ownerPath, cancellationToken),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };
    }

    private long WriteSqlite<T>(SqliteConnection connection, IDbContextTransaction transaction, TableShape table, IEnumerable<T> rows, Func<T, string>? ownerPath, CancellationToken ct)
        where T : class
    {
        using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction.GetDbTransaction();
        var names = table.Columns.Select(c => c.Name).ToList();
        var parameters = names.Select((_, i) => "$p" + i).ToList();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", names.Select(n => "\"" + n + "\""))}) VALUES ({string.Join(", ", parameters)})";
        var sqliteParameters = parameters.Select(p => command.Parameters.Add(new SqliteParameter { ParameterName = p })).ToArray();
        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            var values = table.Values(row, Owner(row, ownerPath));
            for (var i = 0; i < values.Length; i++)
            {
                sqliteParameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
            if (++count % 10_000 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }

        return count;
    }

    private async Task<long> WritePostgresAsync<T>(NpgsqlConnection connection, TableShape table, IEnumerable<T> rows, Func<T, string>? ownerPath, CancellationToken ct)
        where T : class
    {
        var columns = string.Join(", ", table.Columns.Select(c => "\"" + c.Name + "\""));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        long count = 0;
        foreach (var row in rows)
        {
            var values = table.Values(row, Owner(row, ownerPath));
            await importer.StartRowAsync(ct);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(values[i], table.Columns[i].PostgresType, ct);
                }
            }

            count++;
        }

        await importer.CompleteAsync(ct);
        return count;
    }

    private string? Owner<T>(T row, Func<T, string>? ownerPath)
    {
        if (ownerPath is null)
        {
            return null;
        }

        var path = ownerPath(row);
        return db.Scope.Covers(path)
            ? path
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
                if (property.ValueGenerated == ValueGenerated.OnAdd && property.IsPrimaryKey())
                {
                    continue;
                }

                var mapping = property.GetRelationalTypeMapping();
                var converter = property.GetValueConverter() ?? mapping.Converter;
                var providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? property.ClrType) ?? converter?.ProviderClrType ?? property.ClrType;
                if (property.IsShadowProperty())
                {
                    hasOwner = true;
                    columns.Add(new Column(property.GetColumnName(store)!, null, null, PostgresTypeOf(providerType)));
                    continue;
                }

                var getter = property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} 没有属性访问器");
                columns.Add(new Column(property.GetColumnName(store)!, getter, converter, PostgresTypeOf(providerType)));
            }

            return new TableShape(entity.GetTableName()!, columns, hasOwner);
        }

        public object?[] Values(object entity, string? ownerPath)
        {
            var values = new object?[Columns.Count];
            for (var i = 0; i < Columns.Count; i++)
            {
                var c = Columns[i];
                if (c.Getter is null)
                {
                    values[i] = ownerPath;
                    continue;
                }

                var model = c.Getter.GetValue(entity);
                values[i] = model is null ? null : c.Converter is null ? model : c.Converter.ConvertToProvider(model);
            }

            return values;
        }

        private static NpgsqlDbType PostgresTypeOf(Type t) =>
            t == typeof(string) ? NpgsqlDbType.Varchar
            : t == typeof(int) ? NpgsqlDbType.Integer
            : t == typeof(long) ? NpgsqlDbType.Bigint
            : t == typeof(double) ? NpgsqlDbType.Double
            : t == typeof(decimal) ? NpgsqlDbType.Numeric
            : t == typeof(bool) ? NpgsqlDbType.Boolean
            : t == typeof(DateOnly) ? NpgsqlDbType.Date
            : t == typeof(DateTimeOffset) ? NpgsqlDbType.TimestampTz
            : t == typeof(byte[]) ? NpgsqlDbType.Bytea
            : throw new NotSupportedException($"批量写入不支持类型 {t.Name}");
    }

    private sealed record Column(string Name, System.Reflection.PropertyInfo? Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, NpgsqlDbType PostgresType);
}
