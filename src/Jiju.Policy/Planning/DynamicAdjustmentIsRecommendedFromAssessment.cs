using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Planning;

/// <summary>
/// 第（二）条：“建立产业集聚区“增、调、降、退”动态调整机制，发展快、水平高的产业集聚区可适当增加空间规模，存在规划制约
/// 因素的要调整空间布局，考核期内达不到标准的要降级为专业园区，缺乏发展前景的要取消产业集聚区资格。”
/// From one assessment period's results (art. 27) the rule recommends one of 增、调、降、退 or none. The text gives no
/// numbers for "发展快", "水平高", "达不到标准" or "缺乏发展前景": each is an assumption parameter. Where several hold, the
/// more serious comes first: 退 (no prospects), then 降 (below standard), then 调 (planning constraints: the layout is settled
/// before space is added), then 增. It is a recommendation only: the decision is taken by people, through the workflow that
/// the provincial joint meeting office leads, and recorded there.
/// </summary>
[Article(2, "发展快、水平高的产业集聚区可适当增加空间规模，存在规划制约因素的要调整空间布局，考核期内达不到标准的要降级为专业园区，缺乏发展前景的要取消产业集聚区资格")]
public sealed class DynamicAdjustmentIsRecommendedFromAssessment : Rule<AssessmentOutcomeFacts, AdjustmentRecommendation>
{
    public override string Title => "依考核结果提出“增、调、降、退”动态调整建议";

    public override IReadOnlyList<string> ParameterIds { get; } =
    [
        "planning.adjust.increase-min-growth",
        "planning.adjust.increase-top-share",
        "planning.adjust.downgrade-years-below-standard",
        "planning.adjust.revoke-below-prospect-score",
    ];

    protected override Decision<AdjustmentRecommendation> Decide(AssessmentOutcomeFacts facts, Evaluation e)
    {
        if (facts.Status != ClusterStatus.Cluster)
        {
            return e.NotApplicable($"该单位现为“{FactFormatting.ZhOf(facts.Status)}”，不再按产业集聚区动态调整");
        }

        if (facts.Ranked < 1 || facts.Rank < 1 || facts.Rank > facts.Ranked)
        {
            return e.NotApplicable($"考核排名数据不一致（第{facts.Rank}名、共{facts.Ranked}个），无法提出建议，请先更正排名");
        }

        var minGrowth = e.Number("planning.adjust.increase-min-growth");
        var topShare = e.Number("planning.adjust.increase-top-share");
        var downgradeYears = e.Number("planning.adjust.downgrade-years-below-standard");
        var minProspect = e.Number("planning.adjust.revoke-below-prospect-score");
        if (minGrowth is null || topShare is null || downgradeYears is null || minProspect is null)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的动态调整参数");
        }

        var rankShare = (decimal)facts.Rank / facts.Ranked;
        var fast = Thresholds.AtLeast(facts.GrowthRate, minGrowth.Value);
        var high = Thresholds.AtMost(rankShare, topShare.Value);
        var lacksProspects = Thresholds.Under(facts.ProspectScore, minProspect.Value);
        var belowStandard = Thresholds.AtLeast(facts.YearsBelowStandard, downgradeYears.Value);

        var findings = string.Join("；", new[]
        {
            $"发展前景评分{facts.ProspectScore:0.####}，{(lacksProspects ? "不满" : "不低于")}{minProspect:0.####}",
            facts.YearsBelowStandard > 0 ? $"连续{facts.YearsBelowStandard}年未达到考核标准，{(belowStandard ? "已" : "未")}满{downgradeYears:0.##}年" : "考核达标",
            facts.PlanningConstraints ? "存在规划制约因素" : "不存在规划制约因素",
            $"增长率{facts.GrowthRate * 100m:0.##}%{(fast ? "达到" : "未达")}{minGrowth * 100m:0.##}%",
            $"排名第{facts.Rank}名/共{facts.Ranked}个（前{rankShare * 100m:0.##}%）{(high ? "在" : "不在")}前{topShare * 100m:0.##}%以内",
        });

        var recommended = lacksProspects ? Adjustment.Revoke
            : belowStandard ? Adjustment.Downgrade
            : facts.PlanningConstraints ? Adjustment.AdjustLayout
            : fast && high ? Adjustment.Increase
            : Adjustment.None;

        return e.Decided(
            new AdjustmentRecommendation(recommended, fast && high, facts.PlanningConstraints, belowStandard, lacksProspects),
            findings,
            recommended == Adjustment.None
                ? "建议：维持现状，不作“增、调、降、退”调整（仅为建议）"
                : $"建议：{FactFormatting.ZhOf(recommended)}（仅为建议，须经省产业集聚区发展联席会议办公室牵头会商、按程序决定后方可实施）");
    }
}

public sealed class AssessmentOutcomeFacts
{
    [Zh("状态")]
    public ClusterStatus Status { get; init; } = ClusterStatus.Cluster;

    [Zh("年度考核排名", Unit = "名")]
    public required int Rank { get; init; }

    [Zh("参加考核排名的集聚区数", Unit = "个")]
    public required int Ranked { get; init; }

    [Zh("主营业务收入增长率（0.15 即 15%）")]
    public required decimal GrowthRate { get; init; }

    [Zh("存在规划制约因素")]
    public bool PlanningConstraints { get; init; }

    [Zh("连续未达到考核标准的年数", Unit = "年")]
    public int YearsBelowStandard { get; init; }

    [Zh("发展前景评分（0–1）")]
    public required decimal ProspectScore { get; init; }
}

/// <summary>增、调、降、退, or none.</summary>
public enum Adjustment
{
    [Zh("不调整")] None = 0,
    [Zh("适当增加空间规模（增）")] Increase = 1,
    [Zh("调整空间布局（调）")] AdjustLayout = 2,
    [Zh("降级为专业园区（降）")] Downgrade = 3,
    [Zh("取消产业集聚区资格（退）")] Revoke = 4,
}

/// <summary>A recommendation for people to decide on, with the conditions the assessment met.</summary>
public sealed record AdjustmentRecommendation(
    [property: Zh("建议")] Adjustment Recommended,
    [property: Zh("发展快、水平高")] bool FastAndHighLevel,
    [property: Zh("存在规划制约因素")] bool PlanningConstrained,
    [property: Zh("考核期内达不到标准")] bool BelowStandard,
    [property: Zh("缺乏发展前景")] bool LacksProspects);
