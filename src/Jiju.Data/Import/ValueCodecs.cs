using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Industries;
using Jiju.Domain.Land;
using Jiju.Domain.Projects;
using Jiju.Domain.Relocation;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Jiju.Data.Import;

/// <summary>A cell parsed into a property value, or the reason (in Chinese) it could not be.</summary>
internal readonly record struct Parsed(object? Value, string? Error)
{
    public bool IsValid => Error is null;

    public static Parsed Ok(object? value) => new(value, null);

    public static Parsed Fail(string error) => new(null, error);
}

/// <summary>
/// How one property type travels through a file: parsed from a non-empty cell (text from CSV,
/// or a native value — number, date, boolean — from XLSX), formatted for CSV, written as an
/// XLSX cell, and described in Chinese for the template.
/// </summary>
internal sealed class ValueCodec(
    string description,
    Func<string, Parsed> parseText,
    Func<object, string> format,
    Func<object, Parsed?>? parseNative = null,
    Func<object, object>? toCell = null,
    string? excelFormat = null)
{
    public string Description { get; } = description;

    /// <summary>
    /// Whether rows may share one parsed value (<see cref="CellMemo"/>): true for values that cannot change — numbers,
    /// dates, codes, choices, text — and false for geometries and lists. <see cref="ValueCodecs.For"/> sets it.
    /// </summary>
    public bool Shareable { get; set; }

    /// <summary>The XLSX number format of exported cells (dates, money), or null for General.</summary>
    public string? ExcelFormat { get; } = excelFormat;

    /// <summary>Parses a cell that is not empty; strings are trimmed first.</summary>
    public Parsed Parse(object cell) =>
        cell is string text ? parseText(text.Trim()) : parseNative?.Invoke(cell) ?? parseText(ImportText.CellText(cell));

    public string Format(object value) => format(value);

    public object ToCell(object value) => toCell is null ? format(value) : toCell(value);
}

internal static partial class ValueCodecs
{
    private static readonly char[] ListSeparators = [',', '，', ';', '；', '、'];

    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy年M月d日", "yyyy.M.d", "yyyyMMdd",
        "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss",
    ];

    private static readonly NtsGeometryServices GeometryServices = new(PrecisionModel.Floating.Value, Geometries.Cgcs2000);

    /// <summary>What each code type is, for templates; the type's own Parse gives the detailed errors.</summary>
    private static readonly Dictionary<Type, string> CodeDescriptions = new()
    {
        [typeof(DivisionCode)] = "行政区划代码（6位数字，GB/T 2260，如 410182）",
        [typeof(ClusterCode)] = "集聚区代码（8位数字：县级行政区划代码+2位序号，如 41018201）",
        [typeof(UnifiedSocialCreditCode)] = "统一社会信用代码（18位，GB 32100）",
        [typeof(IndustryCode)] = "行业代码（GB/T 4754-2017 门类字母或2–4位数字，如 C3612）",
        [typeof(LandUseClass)] = "土地用途分类代码（GB/T 21010-2017，如 0601）",
        [typeof(ParcelCode)] = "宗地代码（19位，如 410182001002GB00017）",
        [typeof(ProjectCode)] = "项目代码（年份-行政区划-行业大类-类型-序号，如 2012-410182-36-03-000123）",
        [typeof(VillageCode)] = "村庄代码（12位统计用区划代码）",
        [typeof(CurrencyCode)] = "币种（ISO 4217 代码，如 CNY、USD）",
    };

    /// <summary>The codec for a property type (nullable or not); throws for a type import does not know.</summary>
    public static ValueCodec For(Type propertyType, string? unit)
    {
        var type = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        var codec = Create(type, unit);
        codec.Shareable = type.IsValueType || type == typeof(string);
        return codec;
    }

    private static ValueCodec Create(Type type, string? unit)
    {
        var unitNote = unit is null ? string.Empty : $"（单位：{unit}）";
        if (type == typeof(string))
        {
            return new ValueCodec("文本" + unitNote, text => SpreadsheetSafety.Check(text) is { } unsafeText ? Parsed.Fail(unsafeText) : Parsed.Ok(text), value => (string)value);
        }

        if (type == typeof(int))
        {
            return new ValueCodec("整数" + unitNote, ParseInt, value => ((int)value).ToString(CultureInfo.InvariantCulture), toCell: value => value);
        }

        if (type == typeof(decimal))
        {
            return new ValueCodec("数字" + unitNote, ParseDecimal, value => ((decimal)value).ToString(CultureInfo.InvariantCulture), toCell: value => value);
        }

        if (type == typeof(bool))
        {
            return new ValueCodec("是/否", ParseBool, value => (bool)value ? "是" : "否", parseNative: cell => cell is bool b ? Parsed.Ok(b) : null);
        }

        if (type == typeof(DateOnly))
        {
            return new ValueCodec(
                "日期（yyyy-MM-dd，如 2024-03-15）",
                ParseDate,
                value => ((DateOnly)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                parseNative: ParseNativeDate,
                toCell: value => ((DateOnly)value).ToDateTime(TimeOnly.MinValue),
                excelFormat: "yyyy-mm-dd");
        }

        if (type.IsEnum)
        {
            return EnumCodec(type);
        }

        if (type == typeof(Money))
        {
            return new ValueCodec(
                "金额（元，最多两位小数）",
                text => FromResult(Money.Parse(text)),
                value => ((Money)value).Yuan.ToString("0.00", CultureInfo.InvariantCulture),
                toCell: value => decimal.Round(((Money)value).Yuan, 2),
                excelFormat: "0.00");
        }

        if (type == typeof(Area))
        {
            return new ValueCodec(
                $"面积（{unit ?? "平方米"}；数字后加“亩”则按亩换算）",
                text => FromResult(Area.Parse(text)),
                value => ((Area)value).SquareMetres.ToString(CultureInfo.InvariantCulture),
                toCell: value => ((Area)value).SquareMetres);
        }

        if (typeof(Geometry).IsAssignableFrom(type))
        {
            return new ValueCodec(
                "几何图形（WKT，CGCS2000 经纬度，如 POLYGON((113.30 34.70, 113.40 34.70, 113.40 34.80, 113.30 34.70))）",
                ParseGeometry,
                value => new WKTWriter().Write((Geometry)value));
        }

        if (type == typeof(IReadOnlyList<LandUseClass>))
        {
            return new ValueCodec(
                "土地用途分类代码列表（GB/T 21010-2017，以“、”或逗号分隔，如 0601、0604）",
                ParseLandUseList,
                value => string.Join("、", ((IReadOnlyList<LandUseClass>)value).Select(c => c.Value)));
        }

        if (ParseMethodOf(type) is { } parse)
        {
            var make = typeof(ValueCodecs).GetMethod(nameof(CodeCodec), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
            var description = CodeDescriptions.GetValueOrDefault(type, "代码") + unitNote;
            return (ValueCodec)make.Invoke(null, [parse, description])!;
        }

        throw new NotSupportedException($"导入不支持属性类型 {type.Name}");
    }

    /// <summary>A value object's <c>static ParseResult&lt;T&gt; Parse(string?)</c>, if it has one.</summary>
    private static MethodInfo? ParseMethodOf(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(m =>
            m.Name == "Parse"
            && m.ReturnType == typeof(ParseResult<>).MakeGenericType(type)
            && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(string));

    private static ValueCodec CodeCodec<T>(MethodInfo parseMethod, string description)
        where T : struct
    {
        var parse = parseMethod.CreateDelegate<Func<string?, ParseResult<T>>>();
        return new ValueCodec(description, text => FromResult(parse(text)), value => value.ToString() ?? string.Empty);
    }

    private static Parsed FromResult<T>(ParseResult<T> result) => result.IsValid ? Parsed.Ok(result.Value) : Parsed.Fail(result.Error!);

    private static string WithoutThousands(string text) =>
        text.Replace(",", string.Empty, StringComparison.Ordinal).Replace("，", string.Empty, StringComparison.Ordinal);

    private static Parsed ParseInt(string text)
    {
        var cleaned = WithoutThousands(text);
        if (int.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return Parsed.Ok(value);
        }

        // "12.0" from a spreadsheet is still the integer 12.
        return decimal.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue
            ? Parsed.Ok((int)d)
            : Parsed.Fail($"“{ImportText.Excerpt(text)}”不是整数");
    }

    private static Parsed ParseDecimal(string text) =>
        decimal.TryParse(WithoutThousands(text), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? Parsed.Ok(value)
            : Parsed.Fail($"“{ImportText.Excerpt(text)}”不是有效数字");

    private static readonly string[] TrueWords = ["是", "TRUE", "1", "Y", "YES"];
    private static readonly string[] FalseWords = ["否", "FALSE", "0", "N", "NO"];

    /// <summary>
    /// 是/否 and their English spellings in any case. Compared ordinally: upper-casing "是" through the culture's rules
    /// (ICU) took a third of an import's time.
    /// </summary>
    /// <remarks>Loops, not lambdas capturing the text, and the two values boxed once: every boolean cell of an import comes here.</remarks>
    private static Parsed ParseBool(string text) =>
        IsOneOf(text, TrueWords) ? Parsed.Ok(True)
        : IsOneOf(text, FalseWords) ? Parsed.Ok(False)
        : Parsed.Fail($"“{ImportText.Excerpt(text)}”应填“是”或“否”");

    private static readonly object True = true;
    private static readonly object False = false;

    private static bool IsOneOf(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (string.Equals(text, word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A real date written exactly yyyy-MM-dd in ASCII digits; null for anything else, left to the full parse.</summary>
    private static DateOnly? IsoDate(string text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return null;
        }

        static int Digits(string t, int from, int count)
        {
            var n = 0;
            for (var i = from; i < from + count; i++)
            {
                if (!char.IsAsciiDigit(t[i]))
                {
                    return -1;
                }

                n = (n * 10) + (t[i] - '0');
            }

            return n;
        }

        var (year, month, day) = (Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2));
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static Parsed ParseDate(string text)
    {
        // The form the templates ask for, read without the culture machinery (a third of an import's time otherwise).
        if (IsoDate(text) is { } iso)
        {
            return Parsed.Ok(iso);
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) && dt.TimeOfDay == TimeSpan.Zero)
        {
            return Parsed.Ok(DateOnly.FromDateTime(dt));
        }

        // The shape is right but the day is not: say what is wrong with it.
        var match = DateShape().Match(text);
        if (match.Success)
        {
            var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
            if (year is >= 1 and <= 9999 && month is < 1 or > 12)
            {
                return Parsed.Fail($"日期“{text}”不存在：没有{month}月");
            }

            if (year is >= 1 and <= 9999 && (day < 1 || day > DateTime.DaysInMonth(year, month)))
            {
                return Parsed.Fail($"日期“{text}”不存在：{year}年{month}月没有{day}日");
            }
        }

        return Parsed.Fail($"“{ImportText.Excerpt(text)}”不是有效日期（应为 yyyy-MM-dd，如 2024-03-15）");
    }

    private static Parsed? ParseNativeDate(object cell) => cell switch
    {
        DateTime dt => Parsed.Ok(DateOnly.FromDateTime(dt)),

        // An Excel date serial number (OADate) in a cell without a date format.
        double d when d >= 1 && d < 2_958_466 && d == Math.Floor(d) => Parsed.Ok(DateOnly.FromDateTime(DateTime.FromOADate(d))),
        _ => null,
    };

    private static ValueCodec EnumCodec(Type type)
    {
        var labels = new Dictionary<string, object>(StringComparer.Ordinal);
        var display = new Dictionary<object, string>();
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = field.GetValue(null)!;
            var term = field.GetCustomAttribute<ZhAttribute>()?.Term ?? field.Name;
            display[value] = term;
            labels[ImportText.Normalize(term)] = value;
            labels[ImportText.Normalize(field.Name)] = value;
            labels[Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)] = value;
        }

        var choices = string.Join("、", display.Values);
        return new ValueCodec(
            "选项：" + choices,
            text => labels.TryGetValue(ImportText.Normalize(text), out var value)
                ? Parsed.Ok(value)
                : Parsed.Fail($"“{ImportText.Excerpt(text)}”不是可选值，可选：{choices}"),
            value => display.TryGetValue(value, out var term) ? term : value.ToString() ?? string.Empty);
    }

    private static Parsed ParseGeometry(string text)
    {
        Geometry geometry;
        try
        {
            geometry = new WKTReader(GeometryServices).Read(text);
        }
        catch (Exception e) when (e is ParseException or ArgumentException or FormatException or InvalidOperationException)
        {
            return Parsed.Fail($"“{ImportText.Excerpt(text, 40)}”不是有效的 WKT 几何图形（{e.Message}）");
        }

        // Plain WKT has no SRID and gets CGCS2000; an EWKT "SRID=…;" keeps its own, which validation then reports.
        if (geometry.SRID == 0)
        {
            geometry.SRID = Geometries.Cgcs2000;
        }

        return Parsed.Ok(geometry);
    }

    private static Parsed ParseLandUseList(string text)
    {
        var list = new List<LandUseClass>();
        foreach (var part in text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parsed = LandUseClass.Parse(part);
            if (!parsed.IsValid)
            {
                return Parsed.Fail(parsed.Error!);
            }

            list.Add(parsed.Value);
        }

        return list.Count == 0 ? Parsed.Fail("土地用途分类为空") : Parsed.Ok(list);
    }

    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")]
    private static partial Regex DateShape();
}
