using System.Globalization;
using Jiju.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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
}

/// <summary>
/// An import's foreign keys on PostgreSQL, checked once for the whole import instead of by a trigger for every row
/// (ADR 0011). The importer has already checked every reference against the database and the file; the writer's
/// transaction turns the row-by-row triggers off (<c>session_replication_role = replica</c>, for this transaction only)
/// and, before the commit, does what they would have done, once per foreign key instead of once per row: it locks the
/// referenced rows (<c>FOR KEY SHARE</c>, so nobody deletes them or changes their keys until the commit) and then looks
/// for a reference without its row. One found (a row deleted by someone else while the import ran) stops the import,
/// which then writes nothing.
/// </summary>
internal static class PostgresReferences
{
    /// <summary>
    /// Turns the triggers off for the rest of the writer's transaction, if the database lets this user (a superuser, or
    /// one granted <c>SET</c> on <c>session_replication_role</c>, PostgreSQL 15 and later) and if the tables to be written
    /// have no triggers but their foreign keys' own (a deployment's own trigger, an audit say, must see every row);
    /// whether it did.
    /// </summary>
    public static async Task<bool> TryDeferAsync(DbContext writer, IEnumerable<Type> tables, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)writer.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = connection.PostgreSqlVersion.Major >= 15
            ? "SELECT has_parameter_privilege('session_replication_role', 'SET')"
            : "SELECT current_setting('is_superuser') = 'on'";
        if (await command.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return false;
        }

        // A foreign key's triggers are internal; any other trigger is someone's own.
        command.CommandText = "SELECT NOT EXISTS (SELECT 1 FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN (SELECT unnest($1)::regclass))";
        command.Parameters.Add(new NpgsqlParameter { Value = tables.Distinct().Select(t => Columns(Entity(writer, t), []).Table).ToArray() });
        if (await command.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return false;
        }

        command.Parameters.Clear();
        command.CommandText = "SET LOCAL session_replication_role = replica";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Locks the rows that <paramref name="tables"/>' foreign keys reference and checks that each reference has its row;
    /// then turns the triggers on again for the rest of the transaction (the audit entry).
    /// </summary>
    public static async Task CheckAsync(DbContext writer, IEnumerable<Type> tables, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)writer.Database.GetDbConnection();
        foreach (var entity in tables.Distinct().Select(t => Entity(writer, t)))
        {
            foreach (var key in entity.GetForeignKeys())
            {
                await CheckAsync(connection, key, cancellationToken);
            }
        }

        await using var restore = connection.CreateCommand();
        restore.CommandText = "SET LOCAL session_replication_role = origin";
        await restore.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CheckAsync(NpgsqlConnection connection, IForeignKey key, CancellationToken cancellationToken)
    {
        var (dependent, dependentColumns) = Columns(key.DeclaringEntityType, key.Properties);
        var (principal, principalColumns) = Columns(key.PrincipalEntityType, key.PrincipalKey.Properties);
        var present = string.Join(" AND ", dependentColumns.Select(c => $"d.{c} IS NOT NULL"));
        var matches = string.Join(" AND ", principalColumns.Zip(dependentColumns, (p, d) => $"p.{p} = d.{d}"));

        // A reference with a null column refers to nothing (MATCH SIMPLE, as the constraint reads it).
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT count(*) FROM (
                SELECT 1 FROM {principal} AS p
                WHERE ({string.Join(", ", principalColumns.Select(c => "p." + c))}) IN (SELECT {string.Join(", ", dependentColumns.Select(c => "d." + c))} FROM {dependent} AS d WHERE {present})
                FOR KEY SHARE OF p) AS locked
            """;
        await command.ExecuteScalarAsync(cancellationToken);

        command.CommandText = $"SELECT {string.Join(", ", dependentColumns.Select(c => $"d.{c}::text"))} FROM {dependent} AS d WHERE {present} AND NOT EXISTS (SELECT 1 FROM {principal} AS p WHERE {matches}) LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            var value = string.Join("、", Enumerable.Range(0, reader.FieldCount).Select(reader.GetString));
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"导入期间，{Term(key.DeclaringEntityType)}的 {string.Join("、", key.Properties.Select(p => p.Name))} 所引用的{Term(key.PrincipalEntityType)}“{value}”已不存在（可能被他人同时删除）：本次导入未写入任何数据，请核对后重新导入"));
        }
    }

    private static IEntityType Entity(DbContext db, Type type) =>
        db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} 不在数据模型中");

    private static (string Table, List<string> Columns) Columns(IEntityType entity, IReadOnlyList<IProperty> properties)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return (Quoted(table.Name), properties.Select(p => Quoted(p.GetColumnName(table)!)).ToList());
    }

    private static string Term(IEntityType entity) =>
        entity.ClrType.GetCustomAttributes(typeof(ZhAttribute), false).OfType<ZhAttribute>().FirstOrDefault()?.Term ?? entity.ClrType.Name;

    private static string Quoted(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
