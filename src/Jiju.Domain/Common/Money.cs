using System.Globalization;

namespace Jiju.Domain.Common;

/// <summary>
/// An amount in yuan (人民币元), held as <see cref="decimal"/> and never as a float.
/// Shown as 元, 万元 or 亿元; a computed amount is rounded once, at the end, to the fen,
/// half away from zero (四舍五入), as POLICY.md requires.
/// </summary>
public readonly record struct Money(decimal Yuan) : IComparable<Money>
{
    public const decimal YuanPerWan = 10_000m;
    public const decimal YuanPerYi = 100_000_000m;

    public static Money Zero => new(0m);

    public decimal Wan => Yuan / YuanPerWan;

    public decimal Yi => Yuan / YuanPerYi;

    public static Money FromWan(decimal wan) => new(wan * YuanPerWan);

    public static Money FromYi(decimal yi) => new(yi * YuanPerYi);

    public Money RoundToFen() => new(Math.Round(Yuan, 2, MidpointRounding.AwayFromZero));

    public bool IsNegative => Yuan < 0m;

    public int CompareTo(Money other) => Yuan.CompareTo(other.Yuan);

    public static Money operator +(Money a, Money b) => new(a.Yuan + b.Yuan);

    public static Money operator -(Money a, Money b) => new(a.Yuan - b.Yuan);

    public static Money operator *(Money a, decimal factor) => new(a.Yuan * factor);

    public static bool operator <(Money a, Money b) => a.Yuan < b.Yuan;

    public static bool operator >(Money a, Money b) => a.Yuan > b.Yuan;

    public static bool operator <=(Money a, Money b) => a.Yuan <= b.Yuan;

    public static bool operator >=(Money a, Money b) => a.Yuan >= b.Yuan;

    /// <summary>Parses an amount in yuan as typed in a form or a spreadsheet cell ("1,234.50", "1234.5").</summary>
    public static ParseResult<Money> Parse(string? text, bool allowNegative = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult<Money>.Fail("金额为空");
        }

        var cleaned = text.Trim().Replace(",", string.Empty, StringComparison.Ordinal).Replace("，", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan))
        {
            return ParseResult<Money>.Fail($"“{text}”不是有效金额（单位：元）");
        }

        if (yuan < 0 && !allowNegative)
        {
            return ParseResult<Money>.Fail($"金额不能为负数：{text}");
        }

        if (decimal.Round(yuan, 2) != yuan)
        {
            return ParseResult<Money>.Fail($"金额最多精确到分（两位小数）：{text}");
        }

        return ParseResult<Money>.Ok(new Money(yuan));
    }

    /// <summary>Chooses 亿元 from one yi up, 万元 from one wan up, else 元.</summary>
    public string ToChinese()
    {
        var abs = Math.Abs(Yuan);
        if (abs >= YuanPerYi)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Yi:0.##}亿元");
        }

        return abs >= YuanPerWan
            ? string.Create(CultureInfo.InvariantCulture, $"{Wan:0.##}万元")
            : string.Create(CultureInfo.InvariantCulture, $"{Yuan:0.##}元");
    }

    public override string ToString() => Yuan.ToString("0.00", CultureInfo.InvariantCulture);
}
