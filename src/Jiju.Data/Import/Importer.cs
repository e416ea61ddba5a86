using System.Globalization;
using Jiju.Domain.Audit;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using MiniExcelLibs;

namespace Jiju.Data.Import;

/// <summary>
/// Imports a CSV file (one record type) or an XLSX workbook (one sheet per record type), all or
/// nothing. The file is read once, as a stream: every problem is collected, located by sheet, row
/// and column, checking keys, references and the caller's jurisdiction against the database in
/// batches. While there is none, checked rows go to a writer on another connection and core
/// (<see cref="ImportWriting"/>), parents before children, in one transaction that commits, with one
/// audit entry, only once the whole file is checked; the first problem rolls it back. Memory holds
/// the keys seen so far (to find duplicates and references within the file) and a few batches of rows.
/// </summary>
public sealed class Importer(JijuDbContext db, TimeProvider? timeProvider = null)
{
    /// <summary>At most this many errors are listed in a report; all are counted.</summary>
    public const int MaxListedErrors = 1000;

    /// <summary>Rows checked against the database per query.</summary>
    internal const int BatchSize = 1000;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>When an import into SQLite builds a table's secondary indexes again after its last row (tests lower it).</summary>
    internal IndexDeferral IndexDeferral { get; init; } = IndexDeferral.Default;

    /// <summary>Whether an import into PostgreSQL checks foreign keys once at the end instead of row by row (tests turn it off).</summary>
    internal ReferenceDeferral ReferenceDeferral { get; init; } = ReferenceDeferral.Default;

    /// <summary>
    /// Imports <paramref name="path"/>: a .csv of the record type <paramref name="entityKey"/> (or the
    /// one its file name names, "parcels.csv" or "宗地.csv"), or an .xlsx whose sheets are named by
    /// record type (key or Chinese name; <paramref name="entityKey"/> then names the type of a sheet
    /// with another name, e.g. "Sheet1"). <paramref name="rowsRead"/> hears how many data rows the
    /// check has read.
    /// </summary>
    public async Task<ImportReport> ImportAsync(string path, string? entityKey = null, IProgress<long>? rowsRead = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"找不到导入文件“{path}”", path);
        }

        db.EnsureDivisionsLoaded();
        var run = new ImportRun(db, Path.GetFileName(path), rowsRead);
        var sheets = Plan(run, path, entityKey);
        if (sheets.Count == 0 && run.TotalErrors == 0)
        {
            run.AddError(run.FileName, 0, string.Empty, "文件中没有可导入的工作表：工作表应以数据类别命名，如 parcels 或 宗地");
        }

        foreach (var sheet in sheets)
        {
            run.CheckHeader(sheet);
        }

        if (run.TotalErrors > 0)
        {
            return run.Report();
        }

        await using var writing = await ImportWriting.StartAsync(db, sheets, IndexDeferral, ReferenceDeferral, cancellationToken);
        foreach (var sheet in sheets)
        {
            await run.CheckRowsAsync(sheet, sheets, writing, cancellationToken);
            writing.EndSheet(sheet);
        }

        run.ReportProgress();
        if (run.TotalErrors > 0)
        {
            return run.Report(); // Disposing the writing rolls back what it wrote before the first problem.
        }

        var written = await writing.CommitAsync(w => Audit(run.FileName, w), cancellationToken);
        return run.Report(written);
    }

    /// <summary>The sheets to import, in dependency order; problems with the file as a whole go into the run.</summary>
    private static List<Sheet> Plan(ImportRun run, string path, string? entityKey)
    {
        var fileName = Path.GetFileName(path);
        var named = entityKey is null ? null : ImportCatalog.Find(entityKey);
        if (entityKey is not null && named is null)
        {
            run.AddError(fileName, 0, string.Empty, $"未知的数据类别“{entityKey}”；可导入：{string.Join("、", ImportCatalog.All.Select(e => $"{e.Key}（{e.ZhName}）"))}");
            return [];
        }

        var extension = Path.GetExtension(path).ToUpperInvariant();
        var sheets = new List<Sheet>();
        if (extension == ".CSV")
        {
            var entity = named ?? ImportCatalog.Find(Path.GetFileNameWithoutExtension(path));
            if (entity is null)
            {
                run.AddError(fileName, 0, string.Empty, $"无法从文件名“{fileName}”判断数据类别：请把文件命名为数据类别（如 parcels.csv 或 宗地.csv），或指定数据类别");
                return [];
            }

            sheets.Add(new Sheet(entity, fileName, () => new CsvSheetReader(path)));
        }
        else if (extension == ".XLSX")
        {
            List<string> names;
            try
            {
                names = MiniExcel.GetSheetNames(path);
            }
            catch (InvalidDataException)
            {
                run.AddError(fileName, 0, string.Empty, "无法读取该 .xlsx 文件：文件已损坏，或并非 Excel 工作簿");
                return [];
            }

            foreach (var name in names)
            {
                if (ImportText.Normalize(name) == ImportText.Normalize(ImportText.InstructionsSheet))
                {
                    continue;
                }

                var entity = ImportCatalog.Find(name) ?? named;
                if (entity is null)
                {
                    if (XlsxSheetReader.HasContent(path, name))
                    {
                        run.AddError(name, 0, string.Empty, $"无法识别工作表“{name}”：工作表应以数据类别命名，如 parcels 或 宗地；可导入：{string.Join("、", ImportCatalog.All.Select(e => e.ZhName))}");
                    }

                    continue;
                }

                if (sheets.FirstOrDefault(s => s.Entity == entity) is { } other)
                {
                    run.AddError(name, 0, string.Empty, $"工作表“{name}”与“{other.Name}”都是{entity.ZhName}，请合并为一张工作表");
                    continue;
                }

                var sheetName = name;
                sheets.Add(new Sheet(entity, name, () => new XlsxSheetReader(path, sheetName)));
            }
        }
        else
        {
            run.AddError(fileName, 0, string.Empty, extension == ".XLS"
                ? "不支持旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入"
                : $"不支持的文件类型“{Path.GetExtension(path)}”：请使用 .csv 或 .xlsx");
        }

        return sheets.OrderBy(s => s.Entity.Order).ToList();
    }

    private AuditEntry Audit(string fileName, Dictionary<string, long> written) => new()
    {
        At = _time.GetUtcNow(),
        Actor = db.Scope.Actor,
        Scope = db.Scope.Path,
        Action = "import",
        Subject = ImportText.Excerpt(fileName, 190),
        Details = string.Join("；", written.Select(w => string.Create(CultureInfo.InvariantCulture, $"{ImportCatalog.Find(w.Key)!.ZhName}（{w.Key}）{w.Value}行"))),
    };
}

/// <summary>One sheet (or CSV file) of one record type, and where each column sits in it.</summary>
internal sealed class Sheet(ImportEntity entity, string name, Func<SheetReader> open)
{
    public ImportEntity Entity { get; } = entity;

    public string Name { get; } = name;

    public Func<SheetReader> Open { get; } = open;

    /// <summary>By column index: the position in the file, or −1 when the file lacks the column.</summary>
    public int[] Positions { get; set; } = [];

    /// <summary>By column index: the header as the file spells it (what errors name).</summary>
    public string[] FileHeaders { get; set; } = [];

    /// <summary>By column index: what the column's cells parsed to, for columns worth remembering (<see cref="CellMemo"/>).</summary>
    public CellMemo?[] Memos { get; set; } = [];
}

/// <summary>The state of one import: errors found, keys seen, owners computed.</summary>
internal sealed class ImportRun(JijuDbContext db, string fileName, IProgress<long>? progress)
{
    private readonly List<(ImportError Error, int Sheet, int Column)> _errors = [];
    private readonly Dictionary<ImportKey, KeysInFile> _keysInFile = [];
    private readonly Dictionary<ImportEntity, Dictionary<string, string>> _ownerPathsInFile = [];
    private readonly Dictionary<ImportEntity, Dictionary<string, string>> _ownerPathsInDatabase = [];
    private readonly Dictionary<ImportReference, HashSet<string>> _referencesFound = [];
    private readonly Dictionary<string, int> _latestVersions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _versionsInFile = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string?), string> _paths = [];
    private readonly List<(ImportColumn Column, string Message)> _cellErrors = [];
    private long _rowsRead;

    public string FileName { get; } = fileName;

    public long TotalErrors { get; private set; }

    public void AddError(string sheet, long row, string column, string message, int sheetOrder = -1, int columnOrder = -1)
    {
        TotalErrors++;
        if (_errors.Count < Importer.MaxListedErrors)
        {
            _errors.Add((new ImportError(sheet, row, column, message), sheetOrder, columnOrder));
        }
    }

    private void AddError(Sheet sheet, long row, ImportColumn? column, string message) =>
        AddError(sheet.Name, row, column is null ? string.Empty : sheet.FileHeaders[column.Index], message, sheet.Entity.Order, column?.Index ?? -1);

    public ImportReport Report(IReadOnlyDictionary<string, long>? written = null)
    {
        var errors = _errors.OrderBy(e => e.Sheet).ThenBy(e => e.Error.Row).ThenBy(e => e.Column).Select(e => e.Error).ToList();
        return new ImportReport(errors, TotalErrors, written ?? new Dictionary<string, long>());
    }

    public void ReportProgress() => progress?.Report(_rowsRead);

    /// <summary>Binds the header to the record type's columns: unknown, repeated and missing required columns are errors.</summary>
    public void CheckHeader(Sheet sheet)
    {
        var entity = sheet.Entity;
        sheet.Positions = Enumerable.Repeat(-1, entity.Columns.Count).ToArray();
        sheet.FileHeaders = entity.Columns.Select(c => c.Header).ToArray();
        sheet.Memos = entity.Columns.Select(c => c.Codec.Shareable ? new CellMemo() : null).ToArray();
        using var reader = sheet.Open();
        var headers = reader.Headers;
        if (headers.All(string.IsNullOrWhiteSpace))
        {
            AddError(sheet, 1, null, $"缺少表头：第1行应为列名（可先下载{entity.ZhName}的导入模板）");
            return;
        }

        for (var i = 0; i < headers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(headers[i]))
            {
                continue;
            }

            var column = entity.ColumnFor(headers[i]);
            if (column is null)
            {
                AddError(sheet.Name, 1, headers[i], $"未知的列“{headers[i]}”（第{SheetReader.ColumnLetters(i + 1)}列）：{entity.ZhName}没有这一列。请检查拼写，或删除该列；可用的列见导入模板的“说明”", entity.Order, -1);
            }
            else if (sheet.Positions[column.Index] >= 0)
            {
                AddError(sheet.Name, 1, headers[i], $"列“{column.Header}”出现了两次（第{SheetReader.ColumnLetters(sheet.Positions[column.Index] + 1)}列和第{SheetReader.ColumnLetters(i + 1)}列）", entity.Order, column.Index);
            }
            else
            {
                sheet.Positions[column.Index] = i;
                sheet.FileHeaders[column.Index] = headers[i];
            }
        }

        foreach (var column in entity.Columns.Where(c => c.Required && sheet.Positions[c.Index] < 0))
        {
            AddError(sheet, 1, column, $"缺少必填列“{column.Header}”");
        }

        if (entity.Kind == OwnerKind.ReferenceData && !db.Scope.IsProvince)
        {
            AddError(sheet, 1, null, $"{entity.ZhName}是全省参考数据，只有省级用户可以导入（本用户管辖范围：{ImportText.DescribePath(db.DivisionDirectory, db.Scope.Path)}）");
        }
    }

    /// <summary>One sheet: every row parsed and validated, then checked against the database in batches, and handed to the writer while no problem has been found.</summary>
    public async Task CheckRowsAsync(Sheet sheet, IReadOnlyList<Sheet> sheets, ImportWriting writing, CancellationToken cancellationToken)
    {
        var entity = sheet.Entity;
        foreach (var key in entity.Keys)
        {
            _keysInFile[key] = new KeysInFile();
        }

        // Owners are kept by key only for rows that a sheet of this import may name as their parent: a file of a million
        // enterprises alone needs none of them.
        if (sheets.Any(s => s.Entity.Parent?.Principal == entity))
        {
            _ownerPathsInFile[entity] = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        using var reader = sheet.Open();
        var batch = new List<PendingRow>(Importer.BatchSize);
        var strayReported = false;
        while (reader.Read())
        {
            if (++_rowsRead % Importer.BatchSize == 0)
            {
                ReportProgress();
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (reader.IsBlankRow())
            {
                continue;
            }

            if (!strayReported && reader.StrayCell() is > 0 and var stray)
            {
                strayReported = true;
                AddError(sheet.Name, reader.Row, $"第{SheetReader.ColumnLetters(stray)}列", "该列没有列名，但有数据：请补上列名，或删除该列的数据", entity.Order, int.MaxValue);
            }

            var row = new PendingRow(reader.Row, new object?[entity.Columns.Count], entity.Keys.Count);
            row.Complete = ParseCells(sheet, reader, row.Values, _cellErrors);
            foreach (var (column, message) in _cellErrors)
            {
                AddError(sheet, row.Row, column, message);
            }

            CheckKeysInFile(sheet, row);
            batch.Add(row);
            if (batch.Count >= Importer.BatchSize)
            {
                await CheckBatchAsync(sheet, batch, writing, cancellationToken);
                batch.Clear();
            }
        }

        await CheckBatchAsync(sheet, batch, writing, cancellationToken);
    }

    /// <summary>Reads the cells of the current row into <paramref name="values"/> (by column index); false if any is missing or wrong.</summary>
    private static bool ParseCells(Sheet sheet, SheetReader reader, object?[] values, List<(ImportColumn Column, string Message)> errors)
    {
        errors.Clear();
        var columns = sheet.Entity.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            values[column.Index] = null;
            var position = sheet.Positions[column.Index];
            Parsed? parsed = null;
            if (position < 0)
            {
                // Not in the file: empty.
            }
            else if (reader.TryGetText(position, out var characters))
            {
                parsed = ParseText(sheet, column, characters.Trim());
            }
            else if (reader.Cell(position) is { } cell && !SheetReader.IsEmpty(cell))
            {
                parsed = column.Codec.Parse(cell);
            }

            if (parsed is not { } result)
            {
                if (column.Required)
                {
                    errors.Add((column, $"“{column.Header}”为必填项，不能为空"));
                }
            }
            else if (result.IsValid)
            {
                values[column.Index] = result.Value;
            }
            else
            {
                errors.Add((column, result.Error!));
            }
        }

        return errors.Count == 0;
    }

    /// <summary>A text cell, trimmed: null when empty; else parsed, or found in the column's memo.</summary>
    private static Parsed? ParseText(Sheet sheet, ImportColumn column, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        var memo = sheet.Memos[column.Index];
        if (memo is not null && memo.TryGet(text, out var known))
        {
            return known;
        }

        var cell = text.ToString();
        var parsed = column.Codec.Parse(cell);
        if (memo is not null && !memo.Add(cell, parsed))
        {
            sheet.Memos[column.Index] = null;
        }

        return parsed;
    }

    private static object Build(ImportEntity entity, object?[] values)
    {
        var instance = entity.Create();
        var columns = entity.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            if (values[column.Index] is { } value)
            {
                column.Set(instance, value);
            }
        }

        return instance;
    }

    /// <summary>Duplicates within the file, found in row order; the version ordinal of a versioned row.</summary>
    private void CheckKeysInFile(Sheet sheet, PendingRow row)
    {
        var entity = sheet.Entity;
        for (var k = 0; k < entity.Keys.Count; k++)
        {
            var key = entity.Keys[k];
            if ((key.IsPrimary && entity.Versioning is not null) || !KeyLookup.HasAll(key.Columns, row.Values))
            {
                continue;
            }

            var text = KeyLookup.KeyText(key.Columns, row.Values);
            row.KeyTexts[k] = text;
            if (!_keysInFile[key].TryAdd(text, row.Row, out var firstRow))
            {
                AddError(sheet, row.Row, key.Columns[0], $"{DescribeKey(key, row.Values)}与第{firstRow}行重复");
            }
        }

        if (entity.Versioning is { } versioning && KeyLookup.HasAll(versioning.Group, row.Values))
        {
            row.Group = KeyLookup.KeyText(versioning.Group, row.Values);
            row.Ordinal = _versionsInFile[row.Group] = _versionsInFile.GetValueOrDefault(row.Group) + 1;
        }
    }

    /// <summary>A batch checked against the database; while no problem has been found anywhere, its rows go to the writer.</summary>
    private async Task CheckBatchAsync(Sheet sheet, List<PendingRow> batch, ImportWriting writing, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var entity = sheet.Entity;
        if (entity.Versioning is { } versioning)
        {
            await LoadLatestVersionsAsync(entity, versioning, batch, cancellationToken);
        }

        await CheckKeysInDatabaseAsync(sheet, batch, cancellationToken);
        await CheckReferencesAsync(sheet, batch, cancellationToken);
        foreach (var row in batch.Where(r => r.Complete))
        {
            CheckRecord(sheet, row);
        }

        if (TotalErrors > 0)
        {
            writing.Stop();
        }
        else
        {
            writing.Add(sheet, batch.ConvertAll(r => (r.Record!, r.OwnerPath)));
        }
    }

    /// <summary>Keys are never overwritten: a key that exists anywhere (in any jurisdiction) is an error.</summary>
    private async Task CheckKeysInDatabaseAsync(Sheet sheet, List<PendingRow> batch, CancellationToken cancellationToken)
    {
        var entity = sheet.Entity;
        for (var k = 0; k < entity.Keys.Count; k++)
        {
            var key = entity.Keys[k];
            var rows = batch.Where(r => r.KeyTexts[k] is not null).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var filters = key.Columns.Select(c => new KeyFilter(c.PropertyName, rows.Select(r => r.Values[c.Index]!).Distinct().ToList())).ToList();
            var found = await KeyLookup.FindAsync(db, entity.ClrType, filters, key.Columns.Select(c => c.PropertyName).ToList(), cancellationToken);
            var existing = found.Select(KeyLookup.KeyText).ToHashSet(StringComparer.Ordinal);
            foreach (var row in rows.Where(r => existing.Contains(r.KeyTexts[k]!)))
            {
                AddError(sheet, row.Row, key.Columns[0], $"{DescribeKey(key, row.Values)}已存在，导入只新增数据、不修改已有数据；更正已有数据请联系系统管理员，本行无需导入的请从文件中删去");
            }
        }
    }

    /// <summary>Every reference must resolve: to a row earlier in this import, or to one in the database.</summary>
    private async Task CheckReferencesAsync(Sheet sheet, List<PendingRow> batch, CancellationToken cancellationToken)
    {
        var entity = sheet.Entity;
        foreach (var reference in entity.References)
        {
            var column = reference.Column;
            var principal = reference.Principal;
            var unresolved = new List<PendingRow>();

            // Rows mostly point at a few parents (one cluster, a handful of projects): look each up once per import.
            var found = _referencesFound.TryGetValue(reference, out var known) ? known : _referencesFound[reference] = new(StringComparer.Ordinal);
            var keysInFile = principal?.PrimaryKey is { } primary && _keysInFile.TryGetValue(primary, out var keys) ? keys : null;
            foreach (var row in batch)
            {
                if (row.Values[column.Index] is not { } value)
                {
                    continue;
                }

                if (principal is null)
                {
                    if (value is DivisionCode division && !db.DivisionDirectory.Contains(division))
                    {
                        row.ReferenceFailed = true;
                        AddError(sheet, row.Row, column, $"行政区划代码“{division}”不存在（不是河南省现行的行政区划）");
                    }

                    continue;
                }

                var text = KeyLookup.KeyText(value);
                if (keysInFile?.Contains(text) != true && !found.Contains(text))
                {
                    unresolved.Add(row);
                }
            }

            if (unresolved.Count == 0 || principal is null)
            {
                continue;
            }

            var isParent = entity.Parent == reference;
            var select = isParent ? new[] { reference.PrincipalProperty, JijuDbContext.OwnerPath } : [reference.PrincipalProperty];
            var values = unresolved.Select(r => r.Values[column.Index]!).Distinct().ToList();
            var rows = await KeyLookup.FindAsync(db, reference.PrincipalType, [new KeyFilter(reference.PrincipalProperty, values)], select, cancellationToken);
            foreach (var r in rows)
            {
                found.Add(KeyLookup.KeyText(r[0]));
            }

            if (isParent)
            {
                var paths = _ownerPathsInDatabase.TryGetValue(principal, out var knownPaths) ? knownPaths : _ownerPathsInDatabase[principal] = new(StringComparer.Ordinal);
                foreach (var r in rows)
                {
                    paths[KeyLookup.KeyText(r[0])] = (string)r[1]!;
                }
            }

            foreach (var row in unresolved.Where(r => !found.Contains(KeyLookup.KeyText(r.Values[column.Index]))))
            {
                row.ReferenceFailed = true;
                AddError(sheet, row.Row, column, $"{column.Header.Split('（')[0]}“{column.Codec.Format(row.Values[column.Index]!)}”不存在：数据库中没有这条{principal.ZhName}，本次导入的文件中也没有");
            }
        }
    }

    /// <summary>A complete row as a record: its version, its own checks, and whether its owner is in the caller's jurisdiction.</summary>
    private void CheckRecord(Sheet sheet, PendingRow row)
    {
        var entity = sheet.Entity;
        var record = row.Record = Build(entity, row.Values);
        if (entity.Versioning is { } versioning && row.Group is not null)
        {
            var latest = _latestVersions.GetValueOrDefault(row.Group);
            var version = latest + row.Ordinal;
            if (row.Values[versioning.Version.Index] is int given && given != version)
            {
                AddError(sheet, row.Row, versioning.Version, $"版本号由系统顺序编号：数据库中已有{latest}个版本，本文件此前另有{row.Ordinal - 1}行，本行应为第{version}版；请留空或填{version}");
            }

            versioning.Version.Set(record, version);
        }

        if (record is ISelfValidating validating)
        {
            foreach (var error in validating.Validate())
            {
                AddError(sheet, row.Row, entity.ColumnForProperty(error.Field), error.Message);
            }
        }

        if (row.ReferenceFailed)
        {
            return;
        }

        var scope = db.Scope;
        string? path;

        // Found only for an error: comparing boxed codes cell by cell cost more than the rest of the row's checks.
        var owned = record as IJurisdictionOwned;
        ImportColumn? OwnerColumnOfRow() => owned is null ? entity.Parent?.Column : OwnerColumn(entity, row.Values, owned);
        if (owned is not null)
        {
            try
            {
                path = OwnerPathOf(owned);
            }
            catch (KeyNotFoundException e)
            {
                AddError(sheet, row.Row, OwnerColumnOfRow(), $"无法确定本行的归属：{e.Message}");
                return;
            }
        }
        else if (entity.Parent is { } parent)
        {
            path = ParentPath(entity, row.Values[parent.Column.Index]);
            if (path is null)
            {
                return; // The parent row in this file has errors of its own.
            }

            if (!scope.Covers(path))
            {
                AddError(sheet, row.Row, parent.Column, $"{parent.Principal!.ZhName}“{parent.Column.Codec.Format(row.Values[parent.Column.Index]!)}”不存在或不在本用户的管辖范围（{ImportText.DescribePath(db.DivisionDirectory, scope.Path)}）内");
                return;
            }
        }
        else
        {
            return;
        }

        if (!scope.Covers(path))
        {
            AddError(sheet, row.Row, OwnerColumnOfRow(), $"本行属于{ImportText.DescribePath(db.DivisionDirectory, path)}，不在本用户的管辖范围（{ImportText.DescribePath(db.DivisionDirectory, scope.Path)}）内，不能导入");
            return;
        }

        row.OwnerPath = path;
        if (_ownerPathsInFile.TryGetValue(entity, out var paths) && entity.PrimaryKey is { } primary)
        {
            paths[KeyLookup.KeyText(primary.Columns, row.Values)] = path;
        }
    }

    /// <summary>The column that decides a row's owner: the cluster code if it has one, else the division code.</summary>
    private static ImportColumn? OwnerColumn(ImportEntity entity, object?[] values, IJurisdictionOwned owned)
    {
        object? owner = owned.OwnerCluster is { } cluster ? cluster : owned.OwnerDivision;
        return entity.Columns.FirstOrDefault(c => Equals(values[c.Index], owner))
            ?? entity.Columns.FirstOrDefault(c => values[c.Index] is ClusterCode or DivisionCode);
    }

    private async Task LoadLatestVersionsAsync(ImportEntity entity, VersionRule versioning, List<PendingRow> batch, CancellationToken cancellationToken)
    {
        var rows = batch.Where(r => r.Group is not null && !_latestVersions.ContainsKey(r.Group)).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var filters = versioning.Group.Select(c => new KeyFilter(c.PropertyName, rows.Select(r => r.Values[c.Index]!).Distinct().ToList())).ToList();
        var select = versioning.Group.Select(c => c.PropertyName).Append(versioning.Version.PropertyName).ToList();
        var found = await KeyLookup.FindAsync(db, entity.ClrType, filters, select, cancellationToken);
        foreach (var row in rows)
        {
            _latestVersions[row.Group!] = 0;
        }

        foreach (var f in found)
        {
            var group = KeyLookup.KeyText(f.Take(versioning.Group.Count));
            if (_latestVersions.TryGetValue(group, out var latest))
            {
                _latestVersions[group] = Math.Max(latest, (int)f[^1]!);
            }
        }
    }

    private string OwnerPathOf(IJurisdictionOwned owned)
    {
        var key = (owned.OwnerDivision.Value, owned.OwnerCluster?.Value);
        if (!_paths.TryGetValue(key, out var path))
        {
            path = db.DivisionDirectory.PathOf(owned);
            _paths[key] = path;
        }

        return path;
    }

    private string? ParentPath(ImportEntity entity, object? parentKey)
    {
        var principal = entity.Parent!.Principal!;
        var text = KeyLookup.KeyText(parentKey);
        return _ownerPathsInFile.TryGetValue(principal, out var inFile) && inFile.TryGetValue(text, out var path) ? path
            : _ownerPathsInDatabase.TryGetValue(principal, out var inDatabase) && inDatabase.TryGetValue(text, out path) ? path
            : null;
    }

    private static string DescribeKey(ImportKey key, object?[] values) =>
        $"{string.Join("+", key.Columns.Select(c => c.Header))}“{string.Join("、", key.Columns.Select(c => c.Codec.Format(values[c.Index]!)))}”";

    private sealed class PendingRow(long row, object?[] values, int keyCount)
    {
        public long Row { get; } = row;

        public object?[] Values { get; } = values;

        /// <summary>By key index: the key's text, or null when a key cell is missing (or the key is versioned).</summary>
        public string?[] KeyTexts { get; } = new string?[keyCount];

        public bool Complete { get; set; }

        public bool ReferenceFailed { get; set; }

        public string? Group { get; set; }

        public int Ordinal { get; set; }

        /// <summary>The row as a record, once its cells parsed: what the writer writes.</summary>
        public object? Record { get; set; }

        /// <summary>The owner path of a checked row in a table that has one.</summary>
        public string? OwnerPath { get; set; }
    }
}
