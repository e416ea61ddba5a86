using Microsoft.Data.Sqlite;

namespace Jiju.Data.Import;

/// <summary>
/// When an import into SQLite stops maintaining a table's secondary indexes row by row and builds them again after the
/// sheet's last row (ADR 0010): once it has written <see cref="MinimumRows"/> rows and at least twice as many as the
/// table held before, and, if <see cref="OnlyWhenWriterIsBehind"/>, while the writer is what holds the import up.
/// </summary>
internal sealed record IndexDeferral(long MinimumRows, bool OnlyWhenWriterIsBehind)
{
    /// <summary>Hears the table and the SQL of the indexes each time a writer drops them (tests watch it).</summary>
    public Action<string, IReadOnlyList<string>>? Dropped { get; init; }

    /// <summary>From 50,000 rows, while the check waits for the writer for at least half of its batches.</summary>
    public static readonly IndexDeferral Default = new(50_000, OnlyWhenWriterIsBehind: true);

    /// <summary>Whether the conditions that need no count of the table hold: enough rows written, and the writer behind if that is asked.</summary>
    public bool MayApply(long written, bool writerIsBehind) => written >= MinimumRows && (writerIsBehind || !OnlyWhenWriterIsBehind);

    /// <summary>
    /// Whether to stop maintaining the indexes, with <paramref name="written"/> rows of the sheet written into a table that
    /// held <paramref name="rowsBefore"/> before the import. Building an index again costs about as much per row of the
    /// whole table as maintaining it costs per row written, and runs after the check instead of alongside it.
    /// </summary>
    public bool Applies(long written, long rowsBefore, bool writerIsBehind) => MayApply(written, writerIsBehind) && written >= 2 * rowsBefore;
}

/// <summary>
/// A table's secondary indexes during a large import into SQLite: dropped, inside the import's transaction, once
/// <see cref="IndexDeferral"/> says so, and created again from their own SQL after the sheet's last row, before the
/// commit. Only plain indexes (<c>CREATE INDEX</c>, not unique) are dropped: the primary key and unique indexes keep
/// checking every row. The transaction holds it all, so a rollback (a bad row, a cancel, a crash) leaves the indexes as
/// they were, and readers, in write-ahead-log mode, keep reading the database as it was until the commit.
/// </summary>
internal sealed class DeferredIndexes(SqliteConnection connection, SqliteTransaction transaction, string table, IndexDeferral policy)
{
    private long? _rowsBefore;
    private List<string>? _dropped;

    /// <summary>The SQL of each index dropped, to create it again; empty while none is.</summary>
    public IReadOnlyList<string> Dropped => _dropped ?? [];

    /// <summary>
    /// Between two batches, with <paramref name="written"/> rows of the sheet written. The bulk writer's statement is reset
    /// between rows, so the schema may change here; SQLite prepares the statement again at its next step.
    /// </summary>
    public void BetweenBatches(long written, bool writerIsBehind)
    {
        if (_dropped is not null || !policy.MayApply(written, writerIsBehind))
        {
            return;
        }

        // The writer's connection sees the rows it has written: the table held the rest before the import.
        _rowsBefore ??= Convert.ToInt64(Scalar($"SELECT count(*) FROM {Quoted(table)}"), System.Globalization.CultureInfo.InvariantCulture) - written;
        if (!policy.Applies(written, _rowsBefore.Value, writerIsBehind))
        {
            return;
        }

        var indexes = new List<(string Name, string Sql)>();
        using (var command = Command("""
            SELECT m.name, m.sql FROM sqlite_master AS m JOIN pragma_index_list($table) AS l ON l.name = m.name
            WHERE m.type = 'index' AND m.sql IS NOT NULL AND l."unique" = 0 AND l.origin = 'c'
            ORDER BY m.rowid
            """))
        {
            command.Parameters.AddWithValue("$table", table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            Execute($"DROP INDEX {Quoted(name)}");
        }

        _dropped = indexes.ConvertAll(i => i.Sql);
        policy.Dropped?.Invoke(table, _dropped);
    }

    /// <summary>
    /// After the sheet's last row: the dropped indexes created again, over every row of the table. A stop in between
    /// (a problem found, a cancel) throws instead: the rollback brings the indexes back without building them.
    /// </summary>
    public void Restore(CancellationToken stop)
    {
        foreach (var sql in Dropped)
        {
            stop.ThrowIfCancellationRequested();
            Execute(sql);
        }
    }

    private static string Quoted(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private object? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }
}
