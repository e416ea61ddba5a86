using System.Globalization;
using System.Text;
using Jiju.Data.Jurisdiction;
using Jiju.Domain.Divisions;

namespace Jiju.Data.Import;

/// <summary>Text helpers shared by import, export and templates.</summary>
internal static class ImportText
{
    public const string InstructionsSheet = "说明";

    /// <summary>
    /// A header or name as compared: NFKC (full-width brackets and letters become ASCII), no
    /// whitespace, no required-field asterisks, lower case; so "宗地面积 (平方米)" matches "宗地面积（平方米）".
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c) && c != '*' && c != '\uFEFF')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>PascalCase to snake_case: CreditCode → credit_code, HasBackPressureChp → has_back_pressure_chp.</summary>
    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var endsAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previousIsLowerOrDigit || endsAcronym)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>An owner path with names, e.g. "河南省/郑州市/荥阳市/41018201", for messages.</summary>
    public static string DescribePath(DivisionDirectory divisions, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => DivisionCode.Parse(part) is { IsValid: true } code && divisions.Find(code.Value) is { } division ? division.Name : part);
        return string.Join("/", parts);
    }

    /// <summary>The text of a number as typed, without float noise or exponent: 1234.5, 410182100201.</summary>
    public static string NumberText(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.OrdinalIgnoreCase)
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return exact.ToString(CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <summary>A spreadsheet cell as text: strings trimmed; numbers, dates and booleans as a user would type them.</summary>
    public static string CellText(object? cell) => cell switch
    {
        null => string.Empty,
        string s => s.Trim(),
        double d => NumberText(d),
        float f => NumberText(f),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => cell.ToString()?.Trim() ?? string.Empty,
    };

    /// <summary>A value cut short for a message, so that a long WKT does not swamp the report.</summary>
    public static string Excerpt(string text, int max = 60) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
