using System.Globalization;
using Jiju.Domain.Common;

namespace Jiju.Domain.Projects;

/// <summary>
/// An investment project code in the shape the national online approval platform
/// (投资项目在线审批监管平台) issues: year-division-industry-kind-sequence, e.g.
/// 2012-410182-36-03-000123 (year 4 digits, GB/T 2260 code, GB/T 4754 大类, 01 审批 /
/// 02 核准 / 03 备案, six-digit sequence).
/// </summary>
public readonly record struct ProjectCode
{
    private ProjectCode(string value) => Value = value;

    public string Value { get; }

    public int Year => int.Parse(Value.AsSpan(0, 4), CultureInfo.InvariantCulture);

    public string County => Value.Substring(5, 6);

    public static ParseResult<ProjectCode> Parse(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return ParseResult<ProjectCode>.Fail("项目代码为空");
        }

        // year-division-industry-kind-sequence: 4, 6, 2, 2 and 6 digits joined by hyphens, checked in place (a project
        // code is parsed for every project read, and splitting it made six strings each time).
        if (!HasShape(t))
        {
            return ParseResult<ProjectCode>.Fail($"项目代码“{t}”格式应为 年份-行政区划-行业大类-类型-序号，如 2012-410182-36-03-000123");
        }

        var year = int.Parse(t.AsSpan(0, 4), CultureInfo.InvariantCulture);
        if (year is < 1990 or > 2100)
        {
            return ParseResult<ProjectCode>.Fail($"项目代码“{t}”的年份{year}不合理");
        }

        if (t.AsSpan(15, 2) is not ("01" or "02" or "03"))
        {
            return ParseResult<ProjectCode>.Fail($"项目代码“{t}”的类型位应为 01（审批）、02（核准）或 03（备案）");
        }

        var division = Divisions.DivisionCode.Parse(t.Substring(5, 6));
        if (!division.IsValid)
        {
            return ParseResult<ProjectCode>.Fail($"项目代码“{t}”中的行政区划代码无效：{division.Error}");
        }

        var industry = Industries.IndustryCode.Parse(t.Substring(12, 2));
        return industry.IsValid
            ? ParseResult<ProjectCode>.Ok(new ProjectCode(t))
            : ParseResult<ProjectCode>.Fail($"项目代码“{t}”中的行业大类无效：{industry.Error}");
    }

    private static bool HasShape(string t) =>
        t.Length == 24 && t[4] == '-' && t[11] == '-' && t[14] == '-' && t[17] == '-'
        && CodeShape.IsDigits(t.AsSpan(0, 4)) && CodeShape.IsDigits(t.AsSpan(5, 6)) && CodeShape.IsDigits(t.AsSpan(12, 2))
        && CodeShape.IsDigits(t.AsSpan(15, 2)) && CodeShape.IsDigits(t.AsSpan(18, 6));

    public static ProjectCode Of(string text) => Parse(text).Value;

    public override string ToString() => Value;
}
