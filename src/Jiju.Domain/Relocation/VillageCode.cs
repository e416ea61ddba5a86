using Jiju.Domain.Common;

namespace Jiju.Domain.Relocation;

/// <summary>
/// A village code in the statistical division codes (统计用区划代码): 12 digits — 6-digit county,
/// 3-digit township (乡镇), 3-digit village (村). Example: 410182100201.
/// </summary>
public readonly record struct VillageCode
{
    private VillageCode(string value) => Value = value;

    public string Value { get; }

    public static ParseResult<VillageCode> Parse(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return ParseResult<VillageCode>.Fail("村庄代码为空");
        }

        if (t.Length != 12 || !CodeShape.IsDigits(t))
        {
            return ParseResult<VillageCode>.Fail($"村庄代码应为12位数字（统计用区划代码），“{t}”不是");
        }

        return CodeShape.CheckDivisionPrefix(t, "村庄代码") is { } error
            ? ParseResult<VillageCode>.Fail(error)
            : ParseResult<VillageCode>.Ok(new VillageCode(t));
    }

    public static VillageCode Of(string text) => Parse(text).Value;

    public override string ToString() => Value;
}
