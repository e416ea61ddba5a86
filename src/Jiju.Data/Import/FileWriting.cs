using System.Text;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Jiju.Data.Import;

/// <summary>What exports and templates share: CSV lines and the XLSX header and column settings.</summary>
internal static class FileWriting
{
    /// <summary>UTF-8 with a BOM, so that Excel opens Chinese text correctly.</summary>
    public static readonly Encoding CsvEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>One CSV record (RFC 4180), ending in CRLF.</summary>
    public static string CsvLine(IEnumerable<string> fields)
    {
        var line = new StringBuilder();
        foreach (var field in fields)
        {
            if (line.Length > 0)
            {
                line.Append(',');
            }

            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]))))
            {
                line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(field);
            }
        }

        return line.Append("\r\n").ToString();
    }

    /// <summary>The header row as a data row (headers are written by hand so that an empty sheet still has them).</summary>
    public static Dictionary<string, object?> HeaderRow(ImportEntity entity) =>
        entity.Columns.ToDictionary(c => c.Key, c => (object?)c.Header, StringComparer.Ordinal);

    /// <summary>Column widths that fit the Chinese headers, and number formats for dates and money.</summary>
    public static OpenXmlConfiguration XlsxConfiguration(IEnumerable<(string Key, string Header, string? Format)> columns) => new()
    {
        FreezeRowCount = 1,
        DynamicColumns = columns
            .Select(c => new DynamicExcelColumn(c.Key) { Format = c.Format, Width = Math.Clamp((c.Header.Length * 2) + 2, 10, 60) })
            .ToArray(),
    };

    public static OpenXmlConfiguration XlsxConfiguration(ImportEntity entity) =>
        XlsxConfiguration(entity.Columns.Select(c => (c.Key, c.Header, c.Codec.ExcelFormat)));

    /// <summary>Writes through a temporary file beside <paramref name="path"/>, so that a failed write leaves no half file.</summary>
    public static async Task<T> WriteReplacingAsync<T>(string path, Func<string, Task<T>> write)
    {
        var (full, temporary) = Prepare(path);
        try
        {
            var result = await write(temporary);
            File.Move(temporary, full, overwrite: true);
            return result;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <inheritdoc cref="WriteReplacingAsync"/>
    public static void WriteReplacing(string path, Action<string> write)
    {
        var (full, temporary) = Prepare(path);
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static (string Full, string Temporary) Prepare(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return (full, full + ".part");
    }
}
