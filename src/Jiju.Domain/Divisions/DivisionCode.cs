using Jiju.Domain.Common;

namespace Jiju.Domain.Divisions;

/// <summary>
/// A GB/T 2260 administrative division code: six digits, two for the province, two for the
/// prefecture, two for the county. 410000 is Henan, 410100 Zhengzhou, 410102 its 中原区.
/// City part 90 holds 省直辖县级行政区划 such as 济源 419001, which acts as a prefecture.
/// </summary>
public readonly record struct DivisionCode
{
    // Province-level prefixes in GB/T 2260 (31 provinces, Taiwan, Hong Kong, Macao).
    private static readonly HashSet<int> ProvincePrefixes =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ];

    private DivisionCode(string value) => Value = value;

    public string Value { get; }

    public static DivisionCode Henan => new("410000");

    /// <summary>The level the code's shape says: xx0000 province, xxyy00 prefecture, otherwise county.</summary>
    public DivisionLevel StructuralLevel =>
        Value.EndsWith("0000", StringComparison.Ordinal) ? DivisionLevel.Province
        : Value.EndsWith("00", StringComparison.Ordinal) ? DivisionLevel.City
        : DivisionLevel.County;

    public DivisionCode Province => new(Value[..2] + "0000");

    public bool IsWithin(DivisionCode ancestor) => ancestor.StructuralLevel switch
    {
        DivisionLevel.Province => Value[..2] == ancestor.Value[..2],
        DivisionLevel.City => Value[..4] == ancestor.Value[..4],
        _ => Value == ancestor.Value,
    };

    public static ParseResult<DivisionCode> Parse(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return ParseResult<DivisionCode>.Fail("行政区划代码为空");
        }

        if (t.Length != 6 || !CodeShape.IsDigits(t))
        {
            return ParseResult<DivisionCode>.Fail($"“{t}”不是六位数字的行政区划代码（GB/T 2260）");
        }

        if (!ProvincePrefixes.Contains(int.Parse(t.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture)))
        {
            return ParseResult<DivisionCode>.Fail($"“{t}”的前两位不是省级行政区划代码");
        }

        if (t.AsSpan(2, 2) is "00" && t.AsSpan(4, 2) is not "00")
        {
            return ParseResult<DivisionCode>.Fail($"“{t}”的地市位为 00 而县级位不为 00，不是有效的行政区划代码");
        }

        return ParseResult<DivisionCode>.Ok(new DivisionCode(t));
    }

    /// <summary>For codes the program itself holds (seed data, tests); throws on a bad code.</summary>
    public static DivisionCode Of(string text) => Parse(text).Value;

    public override string ToString() => Value;
}

public enum DivisionLevel
{
    Province = 1,
    City = 2,
    County = 3,
}
