using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Jiju.Data.Import;

/// <summary>
/// Whether an import into PostgreSQL checks its rows' foreign keys once, after the last row, instead of row by row
/// (ADR 0011). Tests turn it off, or hear whether it applied, or change the database just before the check.
/// </summary>
internal sealed record ReferenceDeferral(bool Enabled)
{
    public static readonly ReferenceDeferral Default = new(Enabled: true);

    /// <summary>Hears, once the writer's transaction has begun on PostgreSQL, whether the foreign keys are checked at the end.</summary>
    public Action<bool>? Decided { get; init; }

    /// <summary>Runs after the last row is written, before the referenced rows are locked and the references checked.</summary>
    public Func<Task>? BeforeCheck { get; init; }

    /// <summary>Runs after the referenced rows are locked and checked, before the audit entry and the commit.</summary>
    public Func<Task>? AfterCheck { get; init; }
}

/// <summary>
/// An import's foreign keys on PostgreSQL, checked once per referenced key instead of by a trigger for every row (ADR
/// 0011). The importer has already checked every reference against the database and the file. The writer's transaction
/// turns the row-by-row triggers off (<c>session_replication_role = replica</c>, for this transaction only), collects
/// the keys its rows reference as it writes them (<see cref="NoterOf"/>), and before the commit does what the triggers would
/// have done, once per distinct key instead of once per row (<see cref="CheckAsync"/>): it locks the referenced rows
/// (<c>FOR KEY SHARE</c>, so nobody deletes them or changes their keys until the commit), and a key whose row is gone (a
/// row deleted by someone else while the import ran) stops the import, which then writes nothing.
/// </summary>
internal sealed class PostgresReferences
{
    private readonly Dictionary<Type, List<Reference>> _byType;

    private PostgresReferences(Dictionary<Type, List<Reference>> byType) => _byType = byType;

    /// <summary>
    /// Turns the triggers off for the rest of the writer's transaction, and returns what collects and checks the
    /// references, when all of these hold; otherwise null, and the triggers stay:
    /// <list type="bullet">
    /// <item>the database lets this user (a superuser, or one granted <c>SET</c> on <c>session_replication_role</c>,
    /// PostgreSQL 15 and later);</item>
    /// <item>every trigger on the tables to be written belongs to a foreign key (a deployment's own trigger, an audit
    /// say, must see every row, and so must a deferrable unique key's);</item>
    /// <item>every foreign key the database declares on them has one column, which the model maps.</item>
    /// </list>
    /// </summary>
    public static async Task<PostgresReferences?> TryDeferAsync(DbContext writer, IEnumerable<Type> tables, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)writer.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = connection.PostgreSqlVersion.Major >= 15
            ? "SELECT has_parameter_privilege('session_replication_role', 'SET')"
            : "SELECT current_setting('is_superuser') = 'on'";
        if (await command.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return null;
        }

        var sql = writer.GetService<ISqlGenerationHelper>();
        var byType = new Dictionary<Type, List<Reference>>();
        foreach (var type in tables.Distinct())
        {
            var entity = writer.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} 不在数据模型中");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            command.Parameters.Clear();
            command.Parameters.Add(new NpgsqlParameter { Value = sql.DelimitIdentifier(table.Name, table.Schema) });
            command.CommandText = """
                SELECT count(*) FROM pg_trigger AS t LEFT JOIN pg_constraint AS c ON c.oid = t.tgconstraint
                WHERE t.tgrelid = $1::regclass AND c.contype IS DISTINCT FROM 'f'
                """;
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
            {
                return null;
            }

            // Each foreign key: its column, and the referenced table and column, as the database declares them.
            command.CommandText = """
                SELECT cardinality(c.conkey),
                       (SELECT a.attname FROM pg_attribute AS a WHERE a.attrelid = c.conrelid AND a.attnum = c.conkey[1]),
                       format('%I.%I', n.nspname, r.relname),
                       (SELECT quote_ident(a.attname) FROM pg_attribute AS a WHERE a.attrelid = c.confrelid AND a.attnum = c.confkey[1])
                FROM pg_constraint AS c JOIN pg_class AS r ON r.oid = c.confrelid JOIN pg_namespace AS n ON n.oid = r.relnamespace
                WHERE c.conrelid = $1::regclass AND c.contype = 'f'
                """;
            var references = new List<Reference>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var column = reader.GetString(1);
                    var property = entity.GetProperties().FirstOrDefault(p => p.GetColumnName(table) == column);
                    if (reader.GetInt32(0) != 1 || property is null)
                    {
                        return null;
                    }

                    var principal = entity.GetForeignKeys().FirstOrDefault(k => k.Properties.Count == 1 && k.Properties[0] == property)?.PrincipalEntityType;
                    references.Add(new Reference(JijuDbContext.TermOf(entity.ClrType), property, principal is null ? reader.GetString(2) : JijuDbContext.TermOf(principal.ClrType), reader.GetString(2), reader.GetString(3)));
                }
            }

            byType[type] = references;
        }

        command.Parameters.Clear();
        command.CommandText = "SET LOCAL session_replication_role = replica";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new PostgresReferences(byType);
    }

    /// <summary>
    /// What notes the keys a row of <paramref name="type"/> about to be written references (on the writer's thread),
    /// found once per sheet; null when its table has no foreign key.
    /// </summary>
    public Action<object>? NoterOf(Type type) => _byType[type] switch
    {
        [] => null,
        [var only] => only.Add,
        var references => row => references.ForEach(r => r.Add(row)),
    };

    /// <summary>
    /// Locks the rows the written rows reference and checks that each is there; then turns the triggers on again for the
    /// rest of the transaction (the audit entry).
    /// </summary>
    public async Task CheckAsync(DbContext writer, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)writer.Database.GetDbConnection();
        foreach (var reference in _byType.Values.SelectMany(r => r).Where(r => r.Keys.Count > 0))
        {
            await reference.CheckAsync(connection, cancellationToken);
        }

        await using var restore = connection.CreateCommand();
        restore.CommandText = "SET LOCAL session_replication_role = origin";
        await restore.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One foreign key of a table written: the keys its rows reference, as the database stores them.</summary>
    private sealed class Reference(string term, IProperty property, string principalTerm, string principal, string principalColumn)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();
        private readonly ValueConverter? _converter = Conversions.StoredAs(property).Converter;

        public HashSet<object> Keys { get; } = [];

        /// <summary>A reference with a null column refers to nothing (MATCH SIMPLE, as the constraint reads it).</summary>
        public void Add(object row)
        {
            if (_getter.GetClrValue(row) is { } value && (_converter is null ? value : _converter.ConvertToProvider(value)) is { } stored)
            {
                Keys.Add(stored);
            }
        }

        public async Task CheckAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            var keys = Keys.ToList();
            var array = Array.CreateInstance(keys[0].GetType(), keys.Count);
            for (var i = 0; i < keys.Count; i++)
            {
                array.SetValue(keys[i], i);
            }

            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT p.{principalColumn} FROM {principal} AS p WHERE p.{principalColumn} = ANY($1) FOR KEY SHARE OF p";
            command.Parameters.Add(new NpgsqlParameter { Value = array });
            var found = new HashSet<object>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(reader.GetValue(0));
                }
            }

            var missing = keys.Where(k => !found.Contains(k)).Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"导入期间，{term}的 {property.Name} 所引用的{principalTerm}“{string.Join("、", missing.Take(5))}”已不存在（可能被他人同时删除）：本次导入未写入任何数据，请核对后重新导入"));
            }
        }
    }
}
