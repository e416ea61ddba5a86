using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Administration;

/// <summary>
/// 第（十四）条：“完善考核晋级、动态调整机制，进一步细化管理机构升降级标准。”
/// The text leaves the standard to be set out: how high or low a cluster must rank, and for how many consecutive years,
/// before its management committee's grade (管委会机构级别) is recommended up or down are assumption parameters. The ranks
/// are the annual development assessment's (art. 27), newest year first; a year counts as "in the top" when rank ÷ ranked
/// is at most the top share, and "at the bottom" when it exceeds 1 − the bottom share. Grades run 正科级 → 副处级 → 正处级 →
/// 副厅级; a recommendation never goes past either end. The grade itself is set by the body that staffs the committee
/// (机构编制部门); this is a recommendation to it.
/// </summary>
[Article(14, "完善考核晋级、动态调整机制，进一步细化管理机构升降级标准")]
public sealed class CommitteeGradeFollowsAssessment : Rule<CommitteeGradeFacts, CommitteeGradeRecommendation>
{
    public override string Title => "依年度考核结果提出管委会机构升降级建议";

    public override IReadOnlyList<string> ParameterIds { get; } =
    [
        "administration.committee.upgrade-top-share",
        "administration.committee.downgrade-bottom-share",
        "administration.committee.consecutive-years",
    ];

    protected override Decision<CommitteeGradeRecommendation> Decide(CommitteeGradeFacts facts, Evaluation e)
    {
        if (facts.Status != ClusterStatus.Cluster)
        {
            return e.NotApplicable($"该单位现为“{FactFormatting.ZhOf(facts.Status)}”，不按产业集聚区考核晋级");
        }

        if (facts.Level is not { } level)
        {
            return e.NotApplicable("未登记管委会机构级别，无法提出升降级建议，请先补录管委会级别");
        }

        if (facts.RankShares.Count == 0 || facts.RankShares.Any(s => s is <= 0 or > 1))
        {
            return e.NotApplicable("缺少年度考核名次或名次比例不在(0, 1]之内，无法提出建议");
        }

        var top = e.Number("administration.committee.upgrade-top-share");
        var bottom = e.Number("administration.committee.downgrade-bottom-share");
        var years = e.Number("administration.committee.consecutive-years");
        if (top is null || bottom is null || years is null)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的管委会升降级参数");
        }

        var yearsTop = facts.RankShares.TakeWhile(s => Thresholds.AtMost(s, top.Value)).Count();
        var yearsBottom = facts.RankShares.TakeWhile(s => Thresholds.Exceeds(s, 1m - bottom.Value)).Count();
        var up = Thresholds.AtLeast(yearsTop, years.Value);
        var down = !up && Thresholds.AtLeast(yearsBottom, years.Value);
        var shares = string.Join("、", facts.RankShares.Select(s => $"{s * 100m:0.##}%"));
        var findings = $"近年名次比例（名次÷参评数，最近一年在前）：{shares}；连续{yearsTop}年在前{top * 100m:0.##}%以内，连续{yearsBottom}年在后{bottom * 100m:0.##}%；"
            + $"升降级须连续满{years:0}年";

        var to = up ? level - 1 : down ? level + 1 : level;
        var change = up ? GradeChange.Up : down ? GradeChange.Down : GradeChange.Keep;
        var atEnd = to is < CommitteeLevel.DeputyDepartment or > CommitteeLevel.Section;
        if (atEnd)
        {
            to = level;
        }

        var conclusion = change switch
        {
            GradeChange.Up when atEnd => $"考核名次连续靠前，但管委会已为{FactFormatting.ZhOf(level)}，不再建议提高规格",
            GradeChange.Down when atEnd => $"考核名次连续靠后，但管委会已为{FactFormatting.ZhOf(level)}，不再建议降低规格",
            GradeChange.Up => $"建议管委会由{FactFormatting.ZhOf(level)}晋升为{FactFormatting.ZhOf(to)}（仅为建议，由机构编制部门按程序决定）",
            GradeChange.Down => $"建议管委会由{FactFormatting.ZhOf(level)}降为{FactFormatting.ZhOf(to)}（仅为建议，由机构编制部门按程序决定）",
            _ => $"建议管委会维持{FactFormatting.ZhOf(level)}",
        };
        return e.Decided(new CommitteeGradeRecommendation(atEnd ? GradeChange.Keep : change, level, to), findings, conclusion);
    }
}

public sealed class CommitteeGradeFacts
{
    [Zh("状态")]
    public ClusterStatus Status { get; init; } = ClusterStatus.Cluster;

    [Zh("管委会级别")]
    public CommitteeLevel? Level { get; init; }

    [Zh("近年年度考核名次比例（名次÷参评数，最近一年在前）")]
    public IReadOnlyList<decimal> RankShares { get; init; } = [];
}

public enum GradeChange
{
    [Zh("维持")] Keep = 0,
    [Zh("晋升")] Up = 1,
    [Zh("降级")] Down = 2,
}

/// <summary>A recommendation to the staffing body; the grade is its decision.</summary>
public sealed record CommitteeGradeRecommendation(
    [property: Zh("建议")] GradeChange Change,
    [property: Zh("现级别")] CommitteeLevel From,
    [property: Zh("建议级别")] CommitteeLevel To);
