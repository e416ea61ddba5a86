using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Jiju.Data.Bulk;
using Jiju.Domain.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Jiju.Data.Import;

/// <summary>
/// The write side of an import: rows that passed every check are written while the check goes on, by a writer on
/// a connection of its own, in one transaction that commits only when the whole file has been checked without a
/// problem (ADR 0008). The check reads the database through the caller's connection, which does not see this
/// transaction, so it judges keys and references against the database as it was before the import, as if the two
/// ran one after the other. The first problem stops the writing and the transaction is rolled back: nothing is
/// written. Each sheet has a queue of a few batches, so memory does not grow with the file.
/// </summary>
internal sealed class ImportWriting : IAsyncDisposable
{
    /// <summary>Batches a sheet's queue holds before the check waits for the writer.</summary>
    private const int QueuedBatches = 4;

    /// <summary>The page cache an import into SQLite gives its writer: room for the primary-key index of about two million enterprises.</summary>
    internal const long WriterCacheKiB = 64 * 1024;

    private static readonly MethodInfo WriteSheetMethod = typeof(ImportWriting).GetMethod(nameof(WriteSheetAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly JijuDbContext _writer;
    private readonly IDbContextTransaction _transaction;
    private readonly IReadOnlyList<Sheet> _sheets;
    private readonly Dictionary<Sheet, SheetQueue> _queues;
    private readonly IndexDeferral _indexDeferral;

    /// <summary>Set on PostgreSQL when the foreign keys are checked once before the commit instead of row by row (ADR 0011).</summary>
    private readonly (ReferenceDeferral Deferral, PostgresReferences References)? _referencesAtTheEnd;
    private readonly CancellationTokenSource _stop;
    private readonly CancellationToken _cancellation;
    private readonly Task<Dictionary<string, long>> _writing;
    private bool _stopped;
    private bool _committed;

    /// <summary>On SQLite, the writer's page cache before the import enlarged it (<see cref="EnlargeCacheAsync"/>), to put back.</summary>
    private readonly long? _cacheBefore;

    private ImportWriting(JijuDbContext writer, IDbContextTransaction transaction, IReadOnlyList<Sheet> sheets, IndexDeferral indexDeferral, (ReferenceDeferral Deferral, PostgresReferences References)? referencesAtTheEnd, long? cacheBefore, CancellationToken cancellationToken)
    {
        _referencesAtTheEnd = referencesAtTheEnd;
        _cacheBefore = cacheBefore;
        _writer = writer;
        _transaction = transaction;
        _sheets = sheets;
        _indexDeferral = indexDeferral;
        _queues = sheets.ToDictionary(s => s, _ => new SheetQueue());
        _cancellation = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _writing = Task.Factory.StartNew(WriteAllAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Opens the writer's connection and transaction and starts it waiting for rows.</summary>
    public static async Task<ImportWriting> StartAsync(JijuDbContext db, IReadOnlyList<Sheet> sheets, IndexDeferral indexDeferral, ReferenceDeferral referenceDeferral, CancellationToken cancellationToken)
    {
        var writer = db.CreateSibling();
        long? cacheBefore = null;
        try
        {
            await writer.Database.OpenConnectionAsync(cancellationToken);
            if (writer.Database.GetDbConnection() is SqliteConnection sqlite)
            {
                await EnsureWriteAheadLogAsync(sqlite, cancellationToken);
                cacheBefore = await EnlargeCacheAsync(sqlite, cancellationToken);
            }

            var transaction = await writer.Database.BeginTransactionAsync(cancellationToken);
            PostgresReferences? references = null;
            if (writer.Database.GetDbConnection() is NpgsqlConnection)
            {
                references = referenceDeferral.Enabled ? await PostgresReferences.TryDeferAsync(writer, sheets.Select(s => s.Entity.ClrType), cancellationToken) : null;
                referenceDeferral.Decided?.Invoke(references is not null);
            }

            return new ImportWriting(writer, transaction, sheets, indexDeferral, references is null ? null : (referenceDeferral, references), cacheBefore, cancellationToken);
        }
        catch
        {
            if (cacheBefore is { } cache && writer.Database.GetDbConnection() is SqliteConnection { State: System.Data.ConnectionState.Open } sqlite)
            {
                await SetCacheSizeAsync(sqlite, cache, CancellationToken.None);
            }

            await writer.DisposeAsync();
            throw;
        }
    }

    /// <summary>Hands the writer rows of <paramref name="sheet"/> that passed every check; ignored once writing has stopped.</summary>
    public void Add(Sheet sheet, List<(object Record, string? OwnerPath)> rows)
    {
        if (_stopped || rows.Count == 0)
        {
            return;
        }

        if (_writing.IsFaulted)
        {
            // The writer failed: say so now, not after the rest of the file has been checked.
            _writing.GetAwaiter().GetResult();
        }

        try
        {
            var queue = _queues[sheet];
            Interlocked.Increment(ref queue.Batches);
            if (!queue.Rows.TryAdd(rows))
            {
                // The writer is behind: the check waits for room.
                Interlocked.Increment(ref queue.Waits);
                queue.Rows.Add(rows, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (!_cancellation.IsCancellationRequested)
        {
            // Not stopped, not cancelled: the writer failed and woke this; its exception is what the caller should see.
            _writing.GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>No more rows of <paramref name="sheet"/> will come.</summary>
    public void EndSheet(Sheet sheet) => _queues[sheet].Rows.CompleteAdding();

    /// <summary>A problem was found: nothing more is written, and what was is rolled back when this is disposed.</summary>
    public void Stop()
    {
        if (!_stopped)
        {
            _stopped = true;
            _stop.Cancel();
        }
    }

    /// <summary>
    /// Waits for the writer to write every row handed to it, adds the audit entry and commits; the rows written by record
    /// type. A cancel is heard before the end's work and again just before the commit, never in the middle of a
    /// database call on the writer's connection: Npgsql gives up on a connection whose call it cancels, and the rollback
    /// would fail with it; and a commit cut off half-way would leave the user not knowing whether it happened.
    /// </summary>
    public async Task<Dictionary<string, long>> CommitAsync(Func<Dictionary<string, long>, AuditEntry> audit, CancellationToken cancellationToken)
    {
        var written = await _writing;
        cancellationToken.ThrowIfCancellationRequested();
        if (_referencesAtTheEnd is var (deferral, references))
        {
            if (deferral.BeforeCheck is { } beforeCheck)
            {
                await beforeCheck();
            }

            await references.CheckAsync(_writer, CancellationToken.None);
            if (deferral.AfterCheck is { } afterCheck)
            {
                await afterCheck();
            }
        }

        await new BulkWriter(_writer).AppendToAuditLogAsync(audit(written), CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        await _transaction.CommitAsync(CancellationToken.None);
        _committed = true;
        return written;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            Stop();
            foreach (var queue in _queues.Values)
            {
                queue.Rows.CompleteAdding();
            }

            try
            {
                await _writing;
            }
            catch (Exception)
            {
                // Stopped, cancelled or failed: the rollback below undoes whatever it wrote.
            }

            await _transaction.RollbackAsync(CancellationToken.None);
        }

        await _transaction.DisposeAsync();
        if (_cacheBefore is { } cache && _writer.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            // The connection goes back to the pool: with its own cache size, which frees what the import's held.
            await SetCacheSizeAsync(sqlite, cache, CancellationToken.None);
        }

        await _writer.DisposeAsync();
        _stop.Dispose();
        foreach (var queue in _queues.Values)
        {
            queue.Dispose();
        }
    }

    /// <summary>
    /// The check reads through another connection while this one writes: in SQLite's rollback-journal mode a writer that
    /// spills its cache locks readers out until it commits, and the import would wait on itself. Jiju's databases are
    /// created in write-ahead-log mode (EF Core does so); one switched back is switched again, which lasts.
    /// </summary>
    private static async Task EnsureWriteAheadLogAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) || string.Equals(mode, "memory", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        command.CommandText = "PRAGMA journal_mode = WAL";
        mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"导入需要 SQLite 数据库处于 WAL 日志模式，但无法从“{mode}”模式切换（数据库可能正被其他程序以独占方式打开）"));
        }
    }

    /// <summary>
    /// Gives the writer's connection a page cache of <see cref="WriterCacheKiB"/> for the import, when its own is smaller;
    /// returns the cache size to put back, or null when it is left as it was. Rows that come in no order of their key
    /// (a file from elsewhere, not an export) go all over the primary key's index: with SQLite's default of 2,000 pages
    /// (8 MiB), most of those inserts read a page back from the file, and a million shuffled enterprises took 9.6–10.1 s
    /// to import, against 7.8–8.3 s with 64 MiB. Rows in key order, as exports are, do not need it.
    /// </summary>
    internal static async Task<long?> EnlargeCacheAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var before = Convert.ToInt64(await PragmaAsync(connection, "PRAGMA cache_size", cancellationToken), CultureInfo.InvariantCulture);
        var pageSize = Convert.ToInt64(await PragmaAsync(connection, "PRAGMA page_size", cancellationToken), CultureInfo.InvariantCulture);
        var bytes = before < 0 ? -before * 1024 : before * pageSize;
        if (bytes >= WriterCacheKiB * 1024)
        {
            return null;
        }

        await SetCacheSizeAsync(connection, -WriterCacheKiB, cancellationToken);
        return before;
    }

    /// <summary>SQLite's <c>cache_size</c>: pages when positive, KiB when negative.</summary>
    private static Task<object?> SetCacheSizeAsync(SqliteConnection connection, long size, CancellationToken cancellationToken) =>
        PragmaAsync(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {size}"), cancellationToken);

    private static async Task<object?> PragmaAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task<Dictionary<string, long>> WriteAllAsync()
    {
        try
        {
            var written = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var sheet in _sheets)
            {
                var write = (Task<long>)WriteSheetMethod.MakeGenericMethod(sheet.Entity.ClrType).Invoke(this, [sheet])!;
                written[sheet.Entity.Key] = await write;
            }

            return written;
        }
        catch
        {
            // Wakes a check waiting to hand over rows.
            _stop.Cancel();
            throw;
        }
    }

    /// <summary>
    /// The sheet's rows as they come. A stop or a cancel ends the rows (the queue's enumeration throws), not the database
    /// call in flight, which is given no token: cancelling Npgsql's COPY mid-call, even while it starts, breaks the
    /// connection, and with it the rollback. On SQLite, a large
    /// sheet's secondary indexes may be built again after its last row instead of row by row (<see cref="DeferredIndexes"/>).
    /// </summary>
    private async Task<long> WriteSheetAsync<T>(Sheet sheet)
        where T : class
    {
        var indexes = _writer.Database.GetDbConnection() is SqliteConnection sqlite
            ? new DeferredIndexes(sqlite, (SqliteTransaction)_transaction.GetDbTransaction(), BulkReader.TableOf<T>(_writer), _indexDeferral)
            : null;
        var noteReferences = _referencesAtTheEnd?.References.NoterOf(typeof(T));
        var written = await new BulkWriter(_writer).WriteOwnedAsync(
            Batches(_queues[sheet], indexes).SelectMany(batch => batch).Select(row =>
            {
                noteReferences?.Invoke(row.Record);
                return ((T)row.Record, row.OwnerPath);
            }),
            CancellationToken.None);
        indexes?.Restore(_stop.Token);
        return written;
    }

    /// <summary>The batches of a sheet's queue; between two, the indexes are offered the rows written so far.</summary>
    private IEnumerable<List<(object Record, string? OwnerPath)>> Batches(SheetQueue queue, DeferredIndexes? indexes)
    {
        long written = 0;
        foreach (var batch in queue.Rows.GetConsumingEnumerable(_stop.Token))
        {
            indexes?.BetweenBatches(written, writerIsBehind: 2 * Volatile.Read(ref queue.Waits) >= Volatile.Read(ref queue.Batches));
            yield return batch;
            written += batch.Count;
        }
    }

    /// <summary>A sheet's checked rows on their way to the writer, and how often the check had to wait for room.</summary>
    private sealed class SheetQueue : IDisposable
    {
        public readonly BlockingCollection<List<(object Record, string? OwnerPath)>> Rows = new(QueuedBatches);

        /// <summary>Batches handed over.</summary>
        public int Batches;

        /// <summary>Batches the check had to wait to hand over, as the queue was full.</summary>
        public int Waits;

        public void Dispose() => Rows.Dispose();
    }
}
