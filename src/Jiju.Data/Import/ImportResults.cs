namespace Jiju.Data.Import;

/// <summary>
/// One problem with an import file, located as a spreadsheet user sees it: the sheet (or CSV file
/// name), the row (the header is row 1, the first data row is row 2; 0 for the file as a whole),
/// the column header and the reason in Chinese.
/// </summary>
public sealed record ImportError(string Sheet, long Row, string Column, string Message);

/// <summary>
/// The outcome of an import. <see cref="Errors"/> holds at most the first 1,000 problems;
/// <see cref="TotalErrors"/> counts all of them. Nothing is written unless there are none.
/// </summary>
public sealed record ImportReport(IReadOnlyList<ImportError> Errors, long TotalErrors, IReadOnlyDictionary<string, long> RowsWritten)
{
    public bool Succeeded => TotalErrors == 0;
}

public enum ExportFormat
{
    Csv = 1,
    Xlsx = 2,
}
