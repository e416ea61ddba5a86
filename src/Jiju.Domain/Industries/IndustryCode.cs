using Jiju.Domain.Common;

namespace Jiju.Domain.Industries;

/// <summary>
/// A GB/T 4754-2017 industry code (国民经济行业分类): a section letter (门类, A–T) or a
/// division (大类, 2 digits), group (中类, 3 digits) or class (小类, 4 digits) whose first two
/// digits are a division of the 2017 standard.
/// </summary>
public readonly record struct IndustryCode
{
    private IndustryCode(string value) => Value = value;

    public string Value { get; }

    public bool IsSection => Value.Length == 1;

    /// <summary>The 门类 letter the code belongs to.</summary>
    public char Section => IsSection ? Value[0] : IndustryDivisions.Divisions[Value[..2]].Section;

    /// <summary>The 大类 (two digits), or null for a section code.</summary>
    public string? Division => IsSection ? null : Value[..2];

    public string DivisionName => IsSection ? IndustryDivisions.Sections[Value[0]] : IndustryDivisions.Divisions[Value[..2]].Name;

    /// <summary>Manufacturing (门类 C) is what the policy calls an industrial (工业) project, with B and D.</summary>
    public bool IsIndustrial => Section is 'B' or 'C' or 'D';

    /// <summary>True when this code equals <paramref name="other"/> or lies under it (C3612 under C36 under C).</summary>
    public bool IsWithin(IndustryCode other) =>
        other.IsSection ? Section == other.Section : !IsSection && Value.StartsWith(other.Value, StringComparison.Ordinal);

    public static ParseResult<IndustryCode> Parse(string? text)
    {
        var t = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(t))
        {
            return ParseResult<IndustryCode>.Fail("行业代码为空");
        }

        // Codes are often written with their section letter in front ("C3612"); keep the digits.
        if (t.Length > 1 && char.IsAsciiLetterUpper(t[0]) && CodeShape.IsDigits(t.AsSpan(1)))
        {
            var section = t[0];
            t = t[1..];
            if (t.Length >= 2 && IndustryDivisions.Divisions.TryGetValue(t[..2], out var d) && d.Section != section)
            {
                return ParseResult<IndustryCode>.Fail($"行业代码“{text}”的门类“{section}”与大类“{t[..2]}”所属门类“{d.Section}”不符");
            }
        }

        if (t.Length == 1)
        {
            return IndustryDivisions.Sections.ContainsKey(t[0])
                ? ParseResult<IndustryCode>.Ok(new IndustryCode(t))
                : ParseResult<IndustryCode>.Fail($"“{t}”不是 GB/T 4754-2017 的门类（A–T）");
        }

        if (t.Length is < 2 or > 4 || !CodeShape.IsDigits(t))
        {
            return ParseResult<IndustryCode>.Fail($"“{text}”不是 GB/T 4754-2017 行业代码（门类字母，或2–4位数字）");
        }

        if (!IndustryDivisions.Divisions.ContainsKey(t[..2]))
        {
            return ParseResult<IndustryCode>.Fail($"“{t[..2]}”不是 GB/T 4754-2017 的行业大类");
        }

        return ParseResult<IndustryCode>.Ok(new IndustryCode(t));
    }

    public static IndustryCode Of(string text) => Parse(text).Value;

    public override string ToString() => Value;
}
