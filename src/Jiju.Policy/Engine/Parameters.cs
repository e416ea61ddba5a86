using System.Globalization;

namespace Jiju.Policy.Engine;

/// <summary>
/// A number the policy sets (or leaves to be set), with its history: each value holds from a date
/// (to a date, inclusive) and cites where it comes from. <c>assumption: true</c> marks a value the
/// text does not give ("一定比例", "适当"), with a note on who sets it.
/// </summary>
public sealed class Parameter
{
    public required string Id { get; init; }

    public required string LabelZh { get; init; }

    public required string LabelEn { get; init; }

    public required ParameterUnit Unit { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    public required IReadOnlyList<ParameterValue> Values { get; init; }

    /// <summary>The value in force on <paramref name="date"/>, or null where none is.</summary>
    /// <remarks>
    /// An indexed loop, neither a lambda nor foreach: every decision of a sweep asks, and a lambda capturing the date,
    /// or foreach's enumerator boxed behind the interface, would allocate each time.
    /// </remarks>
    public ParameterValue? At(DateOnly date)
    {
        for (var i = 0; i < Values.Count; i++)
        {
            var v = Values[i];
            if (v.From <= date && (v.To is null || date <= v.To))
            {
                return v;
            }
        }

        return null;
    }
}

public sealed record ParameterValue(DateOnly From, DateOnly? To, string Raw, string Citation, bool Assumption, string? Note)
{
    // The number is parsed once, whenever Raw is set (by the constructor, or by `with` for an overlay): a sweep reads
    // each parameter millions of times. Derived from Raw alone, so values equal as records stay equal, and never
    // changed afterwards, so the sweep's workers read it safely.
    private readonly string _raw = Raw;
    private readonly decimal? _number = Number(Raw);

    public string Raw
    {
        get => _raw;
        init
        {
            _raw = value;
            _number = Number(value);
        }
    }

    public decimal AsDecimal => _number ?? decimal.Parse(Raw, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static decimal? Number(string raw) =>
        decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    public bool AsBool => bool.Parse(Raw);
}

/// <summary>The units a parameter can have; loading checks each value against its unit.</summary>
public enum ParameterUnit
{
    Ratio = 1,
    Yuan = 2,
    UsDollar = 3,
    TonnesPerHour = 4,
    Hours = 5,
    People = 6,
    Years = 7,
    Date = 8,
    Flag = 9,
    Choice = 10,
    Count = 11,
    SquareMetresPerSquareMetre = 12,
    YuanPerSquareMetre = 13,
    Storeys = 14,
}

public static class ParameterUnits
{
    public static string Symbol(ParameterUnit unit) => unit switch
    {
        ParameterUnit.Ratio => string.Empty,
        ParameterUnit.Yuan => "元",
        ParameterUnit.UsDollar => "美元",
        ParameterUnit.TonnesPerHour => "吨/小时",
        ParameterUnit.Hours => "小时",
        ParameterUnit.People => "人",
        ParameterUnit.Years => "年",
        ParameterUnit.Count => "个",
        ParameterUnit.SquareMetresPerSquareMetre => string.Empty,
        ParameterUnit.YuanPerSquareMetre => "元/平方米",
        ParameterUnit.Storeys => "层",
        _ => string.Empty,
    };

    /// <summary>Null when <paramref name="raw"/> fits the unit; otherwise why it does not.</summary>
    public static string? Check(ParameterUnit unit, string raw, IReadOnlyList<string> choices)
    {
        switch (unit)
        {
            case ParameterUnit.Flag:
                return bool.TryParse(raw, out _) ? null : $"“{raw}”不是 true/false";
            case ParameterUnit.Choice:
                return choices.Contains(raw) ? null : $"“{raw}”不在可选值 {string.Join("/", choices)} 中";
            case ParameterUnit.Date:
                return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : $"“{raw}”不是日期（yyyy-MM-dd）";
            default:
                if (!decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
                {
                    return $"“{raw}”不是数字";
                }

                if (d < 0)
                {
                    return $"“{raw}”不能为负数";
                }

                if (unit == ParameterUnit.Ratio && d > 1)
                {
                    return $"比例“{raw}”应在0到1之间（20% 写作 0.2）";
                }

                if (unit is ParameterUnit.People or ParameterUnit.Count or ParameterUnit.Storeys && decimal.Truncate(d) != d)
                {
                    return $"“{raw}”应为整数";
                }

                return null;
        }
    }
}

/// <summary>Thrown when parameter files are wrong: the file, the parameter and the reason.</summary>
public sealed class ParameterFileException(string message) : Exception(message);
