using Jiju.Domain.Common;
using Jiju.Domain.Divisions;

namespace Jiju.Domain.Clusters;

/// <summary>
/// Jiju's identifier of a cluster (产业集聚区): the GB/T 2260 code of the county it belongs to
/// followed by a two-digit sequence number, e.g. 41018201 for the first cluster of 荥阳市.
/// The policy gives clusters no official code; this one makes the owning county explicit.
/// </summary>
public readonly record struct ClusterCode
{
    private ClusterCode(string value) => Value = value;

    public string Value { get; }

    public DivisionCode County => DivisionCode.Of(Value[..6]);

    public static ClusterCode Create(DivisionCode county, int sequence) =>
        sequence is < 1 or > 99
            ? throw new ArgumentOutOfRangeException(nameof(sequence), "集聚区序号应为 1–99")
            : new ClusterCode(county.Value + sequence.ToString("00", System.Globalization.CultureInfo.InvariantCulture));

    public static ParseResult<ClusterCode> Parse(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return ParseResult<ClusterCode>.Fail("集聚区代码为空");
        }

        if (t.Length != 8 || !CodeShape.IsDigits(t))
        {
            return ParseResult<ClusterCode>.Fail($"集聚区代码应为8位数字（县级行政区划代码+2位序号），“{t}”不是");
        }

        if (CodeShape.CheckDivisionPrefix(t, "集聚区代码") is { } error)
        {
            return ParseResult<ClusterCode>.Fail(error);
        }

        return t[6..] == "00"
            ? ParseResult<ClusterCode>.Fail($"集聚区代码“{t}”的序号不能为00")
            : ParseResult<ClusterCode>.Ok(new ClusterCode(t));
    }

    public static ClusterCode Of(string text) => Parse(text).Value;

    public override string ToString() => Value;
}
