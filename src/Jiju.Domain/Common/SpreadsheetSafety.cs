namespace Jiju.Domain.Common;

/// <summary>
/// Text that a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return in front)
/// is refused at input: officials open exports in Excel, and a name such as
/// <c>=HYPERLINK("http://…")</c> entered by one user must never act on another's machine.
/// </summary>
public static class SpreadsheetSafety
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string? Check(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0])
            ? $"文本不能以“{Visible(text[0])}”开头（在电子表格中会被当作公式执行）"
            : null;

    private static string Visible(char c) => c switch
    {
        '\t' => "制表符",
        '\r' => "回车符",
        _ => c.ToString(),
    };
}
