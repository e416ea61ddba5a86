using System.Linq.Expressions;
using System.Reflection;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Data.Import;

/// <summary>
/// Writes one record type to CSV or XLSX, streaming from the database in key order, with the
/// template's headers and values in the form the importer reads back exactly (money in yuan with
/// two decimals, areas in m², dates yyyy-MM-dd, options by their Chinese label, geometry as WKT).
/// Only rows in the context's jurisdiction are exported: its query filter applies as to any query.
/// </summary>
public sealed class Exporter(JijuDbContext db)
{
    private static readonly MethodInfo ExportMethod = typeof(Exporter).GetMethod(nameof(ExportCoreAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>Exports <paramref name="entityKey"/> (key or Chinese name) to <paramref name="path"/>, replacing it; returns the rows written.</summary>
    public Task<long> ExportAsync(string entityKey, string path, ExportFormat format, CancellationToken cancellationToken = default)
    {
        var entity = ImportCatalog.Find(entityKey)
            ?? throw new ArgumentException($"未知的数据类别“{entityKey}”；可导出：{string.Join("、", ImportCatalog.All.Select(e => $"{e.Key}（{e.ZhName}）"))}", nameof(entityKey));
        return FileWriting.WriteReplacingAsync(path, temporary =>
            (Task<long>)ExportMethod.MakeGenericMethod(entity.ClrType).Invoke(this, [entity, temporary, format, cancellationToken])!);
    }

    private async Task<long> ExportCoreAsync<T>(ImportEntity entity, string path, ExportFormat format, CancellationToken cancellationToken)
        where T : class
    {
        var rows = OrderedByKey(db.Set<T>().AsNoTracking());
        long count = 0;
        if (format == ExportFormat.Csv)
        {
            await using var writer = new StreamWriter(path, append: false, FileWriting.CsvEncoding, bufferSize: 1 << 16);
            await writer.WriteAsync(FileWriting.CsvLine(entity.Columns.Select(c => c.Header)));
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(FileWriting.CsvLine(entity.Columns.Select(c => c.Get(row) is { } value ? c.Codec.Format(value) : string.Empty)));
                count++;
            }

            return count;
        }

        IEnumerable<Dictionary<string, object?>> Cells()
        {
            yield return FileWriting.HeaderRow(entity);
            foreach (var row in rows.AsEnumerable())
            {
                cancellationToken.ThrowIfCancellationRequested();
                count++;
                yield return entity.Columns.ToDictionary(c => c.Key, c => c.Get(row) is { } value ? c.Codec.ToCell(value) : null, StringComparer.Ordinal);
            }
        }

        await using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        await MiniExcel.SaveAsAsync(stream, Cells(), printHeader: false, sheetName: entity.Key, excelType: ExcelType.XLSX, configuration: FileWriting.XlsxConfiguration(entity), cancellationToken: cancellationToken);
        return count;
    }

    /// <summary>Ordered by the primary key as the model defines it (a code, a composite key, or the generated id).</summary>
    private IQueryable<T> OrderedByKey<T>(IQueryable<T> query)
        where T : class
    {
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!;
        var first = true;
        foreach (var property in key.Properties)
        {
            var e = Expression.Parameter(typeof(T), "e");
            var access = Expression.Call(typeof(EF), nameof(EF.Property), [property.ClrType], e, Expression.Constant(property.Name));
            var lambda = Expression.Lambda(access, e);
            var method = first ? nameof(Queryable.OrderBy) : nameof(Queryable.ThenBy);
            query = (IQueryable<T>)query.Provider.CreateQuery(
                Expression.Call(typeof(Queryable), method, [typeof(T), property.ClrType], query.Expression, Expression.Quote(lambda)));
            first = false;
        }

        return query;
    }
}
