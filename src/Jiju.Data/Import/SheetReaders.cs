using System.Text;
using System.Text.Unicode;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace Jiju.Data.Import;

/// <summary>
/// Reads one sheet row by row without holding it in memory: its header, then data rows numbered as
/// a spreadsheet user sees them (the header is row 1). Cells are strings (CSV) or native values (XLSX).
/// </summary>
internal abstract class SheetReader : IDisposable
{
    /// <summary>Header text by column position; empty for a column without one.</summary>
    public abstract IReadOnlyList<string> Headers { get; }

    /// <summary>The current row's number: 2 for the first data row.</summary>
    public long Row { get; protected set; } = 1;

    public abstract bool Read();

    /// <summary>The cell under header position <paramref name="column"/> of the current row; null when empty.</summary>
    public abstract object? Cell(int column);

    /// <summary>
    /// For a file of text cells: the characters of the cell under header position <paramref name="column"/> (empty when
    /// there is none), valid until the next <see cref="Read"/>, without making a string of them. False for a reader
    /// whose cells are values (<see cref="Cell"/>).
    /// </summary>
    public virtual bool TryGetText(int column, out ReadOnlySpan<char> text)
    {
        text = default;
        return false;
    }

    /// <summary>The 1-based position of a cell beyond the headers that holds data, or 0 when there is none.</summary>
    public abstract int StrayCell();

    public abstract void Dispose();

    public virtual bool IsBlankRow()
    {
        for (var i = 0; i < Headers.Count; i++)
        {
            if (!IsEmpty(Cell(i)))
            {
                return false;
            }
        }

        return StrayCell() == 0;
    }

    public static bool IsEmpty(object? cell) => cell is null || (cell is string s && string.IsNullOrWhiteSpace(s));

    /// <summary>Spreadsheet column letters for a 1-based position: 1 → A, 27 → AA.</summary>
    public static string ColumnLetters(int position)
    {
        var letters = string.Empty;
        for (var n = position; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}

/// <summary>A CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 as Chinese Excel saves it.</summary>
internal sealed class CsvSheetReader : SheetReader
{
    private readonly FileStream _stream;
    private readonly StreamReader _text;
    private readonly CsvDataReader _csv;
    private readonly string[] _headers;

    static CsvSheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public CsvSheetReader(string path)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            var encoding = DetectEncoding(_stream);
            _stream.Position = 0;
            _text = new StreamReader(_stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

            // A record must fit in the buffer; let it grow for long WKT polygons.
            _csv = CsvDataReader.Create(_text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', MaxBufferSize = 64 * 1024 * 1024 });
            _headers = Enumerable.Range(0, _csv.FieldCount).Select(i => _csv.GetName(i).Trim()).ToArray();
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    public override IReadOnlyList<string> Headers => _headers;

    public override bool Read()
    {
        if (!_csv.Read())
        {
            return false;
        }

        Row++;
        return true;
    }

    public override object? Cell(int column) =>
        column < _csv.RowFieldCount && _csv.GetString(column) is { Length: > 0 } text ? text : null;

    public override bool TryGetText(int column, out ReadOnlySpan<char> text)
    {
        text = column < _csv.RowFieldCount ? _csv.GetFieldSpan(column) : default;
        return true;
    }

    public override bool IsBlankRow()
    {
        for (var i = 0; i < _headers.Length && i < _csv.RowFieldCount; i++)
        {
            if (!_csv.GetFieldSpan(i).IsWhiteSpace())
            {
                return false;
            }
        }

        return StrayCell() == 0;
    }

    public override int StrayCell()
    {
        for (var i = _headers.Length; i < _csv.RowFieldCount; i++)
        {
            if (!string.IsNullOrWhiteSpace(_csv.GetString(i)))
            {
                return i + 1;
            }
        }

        return 0;
    }

    public override void Dispose()
    {
        _csv.Dispose();
        _text.Dispose();
        _stream.Dispose();
    }

    /// <summary>A BOM decides; otherwise valid UTF-8 in the first 64 KiB means UTF-8, anything else GB18030.</summary>
    private static Encoding DetectEncoding(Stream stream)
    {
        var buffer = new byte[1 << 16];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var span = buffer.AsSpan(0, length);
        if (span.StartsWith("\uFEFF"u8) || span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new UTF8Encoding(false); // StreamReader follows the BOM.
        }

        // Do not judge a character cut off at the end of the sample.
        var end = length == buffer.Length ? span.LastIndexOfAnyInRange((byte)0, (byte)0x7F) + 1 : length;
        return Utf8.IsValid(span[..end]) ? new UTF8Encoding(false) : Encoding.GetEncoding("GB18030");
    }
}

/// <summary>One worksheet of an XLSX workbook, read lazily by MiniExcel; missing rows come back empty, so numbering holds.</summary>
internal sealed class XlsxSheetReader : SheetReader
{
    private readonly IEnumerator<object> _rows;
    private readonly List<string> _headers = [];
    private readonly List<string> _letters = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private IDictionary<string, object?> _current = new Dictionary<string, object?>();

    public XlsxSheetReader(string path, string sheetName)
    {
        _rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheetName).Cast<object>().GetEnumerator();
        if (_rows.MoveNext())
        {
            // Trailing empty header cells are not columns.
            var header = ((IDictionary<string, object?>)_rows.Current).ToList();
            var last = header.FindLastIndex(kv => !IsEmpty(kv.Value));
            foreach (var (letter, value) in header.Take(last + 1))
            {
                _letters.Add(letter);
                _headers.Add(ImportText.CellText(value));
                _known.Add(letter);
            }
        }
    }

    public override IReadOnlyList<string> Headers => _headers;

    public override bool Read()
    {
        if (!_rows.MoveNext())
        {
            return false;
        }

        _current = (IDictionary<string, object?>)_rows.Current;
        Row++;
        return true;
    }

    public override object? Cell(int column) =>
        _current.TryGetValue(_letters[column], out var value) && !IsEmpty(value) ? value : null;

    public override int StrayCell()
    {
        if (_current.Count <= _known.Count)
        {
            return 0;
        }

        var position = 0;
        foreach (var (letter, value) in _current)
        {
            position++;
            if (!_known.Contains(letter) && !IsEmpty(value))
            {
                return position;
            }
        }

        return 0;
    }

    public override void Dispose() => _rows.Dispose();

    /// <summary>Whether a sheet holds anything at all (an unknown empty "Sheet2" is not worth an error).</summary>
    public static bool HasContent(string path, string sheetName) =>
        MiniExcel.Query(path, useHeaderRow: false, sheetName: sheetName)
            .Cast<IDictionary<string, object?>>()
            .Any(row => row.Values.Any(v => !IsEmpty(v)));
}
