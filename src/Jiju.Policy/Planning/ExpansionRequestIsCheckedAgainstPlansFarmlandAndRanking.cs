using Jiju.Domain.Common;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Planning;

/// <summary>
/// 第（二）条：“对确需增加空间规模、调整空间布局的产业集聚区，要依法依规，按照“三规”（产业集聚区规划与土地利用总体
/// 规划、城市总体规划）合一、集约节约的原则，通过土地利用总体规划修改适当扩大发展区，在避开基本农田的前提下合理确定
/// 控制区。”与第（七）条：“全面开展集聚区土地节约集约利用评价，排名后1/3的产业集聚区不得实施扩区”。
/// The automatic checks on a request before the joint consultation (会商) takes it up: the new development area lies within
/// the land-use plan's construction area and the urban master plan area (三规合一); the control area's intersection with
/// basic farmland, computed by the caller from the geometries (CGCS2000), is empty; and, for an expansion only (扩区; a layout
/// adjustment does not enlarge), the cluster is not in the bottom third of the land intensive-use evaluation.
/// The bottom third is the last ⌊N/3⌋, ⌈N/3⌉ or round(N/3) places (a parameter); a group of clusters sharing one score that
/// straddles the boundary is all in or all out (a parameter). Rank is the competition rank: 1 + the number of clusters
/// scoring strictly better, so a tied group of k at rank r holds places r … r+k−1.
/// The checks pass a request on to the workflow; they approve nothing.
/// </summary>
[Article(2, "按照“三规”（产业集聚区规划与土地利用总体规划、城市总体规划）合一、集约节约的原则，通过土地利用总体规划修改适当扩大发展区，在避开基本农田的前提下合理确定控制区")]
public sealed class ExpansionRequestIsCheckedAgainstPlansFarmlandAndRanking : Rule<SpaceAdjustmentRequestFacts, SpaceAdjustmentCheck>
{
    public override string Title => "扩区、调整布局申请的三规合一、避让基本农田和集约用地排名审核";

    public override IReadOnlyList<string> ParameterIds { get; } =
        ["planning.expansion.bottom-share-denominator", "planning.expansion.bottom-third-rounding", "planning.expansion.bottom-third-ties"];

    protected override Decision<SpaceAdjustmentCheck> Decide(SpaceAdjustmentRequestFacts facts, Evaluation e)
    {
        if (facts.ClustersRanked < 1 || facts.IntensiveUseRank < 1 || facts.SharingScore < 1
            || facts.IntensiveUseRank + facts.SharingScore - 1 > facts.ClustersRanked)
        {
            return e.NotApplicable(
                $"土地节约集约利用评价排名数据不一致（第{facts.IntensiveUseRank}名、同分{facts.SharingScore}个、共{facts.ClustersRanked}个），无法审核，请先更正排名");
        }

        var denominator = e.Number("planning.expansion.bottom-share-denominator");
        var rounding = e.Choice("planning.expansion.bottom-third-rounding");
        var ties = e.Choice("planning.expansion.bottom-third-ties");
        if (denominator is not > 0 || rounding is null || ties is null)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的扩区审核参数");
        }

        var reasons = new List<string>();
        var threePlans = facts.WithinLandUsePlanConstructionArea && facts.WithinUrbanMasterPlanArea;
        var outside = new List<string>();
        if (!facts.WithinLandUsePlanConstructionArea)
        {
            outside.Add("超出土地利用总体规划建设用地范围");
        }

        if (!facts.WithinUrbanMasterPlanArea)
        {
            outside.Add("超出城市总体规划范围");
        }

        reasons.Add(threePlans
            ? "发展区位于土地利用总体规划建设用地范围和城市总体规划范围内（三规合一）"
            : $"不符合“三规合一”：发展区{string.Join("、", outside)}");

        // “避开基本农田”: the intersection must be empty, so any overlap at all fails.
        var avoidsFarmland = facts.BasicFarmlandOverlap <= Area.Zero;
        reasons.Add(avoidsFarmland
            ? "控制区与基本农田不相交"
            : $"控制区与基本农田相交{facts.BasicFarmlandOverlap.ToChinese()}，未避开基本农田");

        var n = facts.ClustersRanked;
        var count = BottomPlaces.CountOfFraction(n, denominator.Value, rounding);
        var firstBarredPlace = n - count + 1;
        var lastPlace = facts.IntensiveUseRank + facts.SharingScore - 1;
        var bottom = count > 0 ? $"后1/{denominator:0}为第{firstBarredPlace}名至第{n}名，共{count}个" : $"后1/{denominator:0}不足1个";
        bool inBottom;
        string rankText;
        if (Thresholds.AtLeast(facts.IntensiveUseRank, firstBarredPlace))
        {
            inBottom = true;
            rankText = $"第{facts.IntensiveUseRank}名（共{n}个，{bottom}）在后1/{denominator:0}内";
        }
        else if (Thresholds.Under(lastPlace, firstBarredPlace))
        {
            inBottom = false;
            rankText = $"第{facts.IntensiveUseRank}名（共{n}个，{bottom}）不在后1/{denominator:0}内";
        }
        else
        {
            inBottom = ties == BottomPlaces.AllTiedIn;
            rankText = $"第{facts.IntensiveUseRank}名与另{facts.SharingScore - 1}个集聚区同分，占第{facts.IntensiveUseRank}至第{lastPlace}位，跨越后段的起点第{firstBarredPlace}名（共{n}个，{bottom}）；"
                + (inBottom ? "同分者全部计入后段" : "同分者全部不计入后段");
        }

        var barApplies = facts.Kind == SpaceAdjustmentKind.Expansion;
        var barred = barApplies && inBottom;
        reasons.Add(barApplies
            ? $"土地节约集约利用评价{rankText}" + (barred ? "，不得实施扩区" : string.Empty)
            : $"土地节约集约利用评价{rankText}；本申请为调整空间布局，不扩大规模，不适用“排名后1/3的不得实施扩区”");

        var passes = threePlans && avoidsFarmland && !barred;
        return e.Decided(
            new SpaceAdjustmentCheck(passes, threePlans, avoidsFarmland, inBottom, count, barApplies),
            string.Join("；", reasons),
            passes
                ? $"{FactFormatting.ZhOf(facts.Kind)}申请通过自动审核，报省产业集聚区发展联席会议办公室牵头会商"
                : $"{FactFormatting.ZhOf(facts.Kind)}申请未通过自动审核（不符合之处见上），不具备报请会商的条件");
    }
}

public sealed class SpaceAdjustmentRequestFacts
{
    [Zh("申请类型")]
    public required SpaceAdjustmentKind Kind { get; init; }

    [Zh("发展区位于土地利用总体规划建设用地范围内")]
    public required bool WithinLandUsePlanConstructionArea { get; init; }

    [Zh("发展区位于城市总体规划范围内")]
    public required bool WithinUrbanMasterPlanArea { get; init; }

    [Zh("控制区与基本农田相交面积", Unit = "平方米")]
    public required Area BasicFarmlandOverlap { get; init; }

    [Zh("土地节约集约利用评价排名", Unit = "名")]
    public required int IntensiveUseRank { get; init; }

    [Zh("参加评价排名的集聚区数", Unit = "个")]
    public required int ClustersRanked { get; init; }

    [Zh("与本集聚区同分的集聚区数（含本集聚区）", Unit = "个")]
    public int SharingScore { get; init; } = 1;
}

public enum SpaceAdjustmentKind
{
    [Zh("增加空间规模（扩区）")] Expansion = 1,
    [Zh("调整空间布局")] LayoutAdjustment = 2,
}

/// <summary>The automatic checks on an expansion or layout-adjustment request; the decision is the workflow's.</summary>
public sealed record SpaceAdjustmentCheck(
    [property: Zh("通过自动审核")] bool Passes,
    [property: Zh("符合“三规合一”")] bool WithinThreePlans,
    [property: Zh("避开基本农田")] bool AvoidsBasicFarmland,
    [property: Zh("排名在后1/3")] bool InBottomThird,
    [property: Zh("后1/3的个数", Unit = "个")] int BottomThirdCount,
    [property: Zh("适用“后1/3不得扩区”")] bool RankBarApplies);
