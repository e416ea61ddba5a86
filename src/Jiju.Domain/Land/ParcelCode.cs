using Jiju.Domain.Common;

namespace Jiju.Domain.Land;

/// <summary>
/// A parcel code (宗地代码, as in GB/T 37346 不动产单元代码 without the building part): 19
/// characters — 6-digit county, 3-digit cadastral district (地籍区), 3-digit sub-district (地籍子区),
/// a two-letter parcel feature code (e.g. GB: state-owned construction land use right) and a
/// 5-digit sequence number. Example: 410182001002GB00017.
/// </summary>
public readonly record struct ParcelCode
{
    // First letter: G 国家土地所有权, J 集体土地所有权, Z 土地所有权未确定或有争议.
    // Second letter: A 集体建设用地使用权, B 国有建设用地使用权, S 宅基地使用权, C 土地承包经营权,
    // D 林地使用权, E 草原使用权, F 其他土地使用权, H 海域使用权, G 无居民海岛, W 使用权未确定, Y 养殖.
    private const string FirstLetters = "GJZ";
    private const string SecondLetters = "ABSCDEFHGWY";

    private ParcelCode(string value) => Value = value;

    public string Value { get; }

    public string County => Value[..6];

    public static ParseResult<ParcelCode> Parse(string? text)
    {
        var t = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(t))
        {
            return ParseResult<ParcelCode>.Fail("宗地代码为空");
        }

        if (t.Length != 19)
        {
            return ParseResult<ParcelCode>.Fail($"宗地代码应为19位，“{t}”为{t.Length}位");
        }

        if (!CodeShape.IsDigits(t.AsSpan(0, 12)) || !CodeShape.IsDigits(t.AsSpan(14)))
        {
            return ParseResult<ParcelCode>.Fail($"宗地代码“{t}”的第1–12位和第15–19位应为数字");
        }

        if (!FirstLetters.Contains(t[12], StringComparison.Ordinal) || !SecondLetters.Contains(t[13], StringComparison.Ordinal))
        {
            return ParseResult<ParcelCode>.Fail($"宗地代码“{t}”的第13–14位“{t[12..14]}”不是宗地特征码");
        }

        return CodeShape.CheckDivisionPrefix(t, "宗地代码") is { } error
            ? ParseResult<ParcelCode>.Fail(error)
            : ParseResult<ParcelCode>.Ok(new ParcelCode(t));
    }

    public static ParcelCode Of(string text) => Parse(text).Value;

    public override string ToString() => Value;
}
