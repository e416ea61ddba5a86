using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Workforce;

/// <summary>
/// 第（十三）条：“加强职业技能培训能力建设，面向产业集聚区建设技能人才培养示范基地，对培训人员达到一定规模、解决用工问题
/// 成效突出的，省、市分别给予一定资金补助。”
/// A demonstration skills-training base serving a cluster is eligible for the provincial and the city subsidy when, in the
/// year, its trainees reach a number ("达到一定规模", inclusive) and the share of trainees placed in jobs reaches a rate
/// ("解决用工问题成效突出"). The text gives neither number: both are assumption parameters.
/// </summary>
[Article(13, "面向产业集聚区建设技能人才培养示范基地，对培训人员达到一定规模、解决用工问题成效突出的，省、市分别给予一定资金补助")]
public sealed class TrainingBaseOfScaleAndResultsIsSubsidised : Rule<TrainingBaseFacts, TrainingSubsidyFinding>
{
    public override string Title => "技能人才培养示范基地资金补助资格";

    public override IReadOnlyList<string> ParameterIds { get; } = ["workforce.training.min-trainees", "workforce.training.min-placement-rate"];

    protected override Decision<TrainingSubsidyFinding> Decide(TrainingBaseFacts facts, Evaluation e)
    {
        if (facts.Cluster is null)
        {
            return e.NotApplicable("培训基地不面向产业集聚区");
        }

        if (!facts.Demonstration)
        {
            return e.NotApplicable("不是技能人才培养示范基地");
        }

        var minTrainees = e.Number("workforce.training.min-trainees");
        var minRate = e.Number("workforce.training.min-placement-rate");
        if (minTrainees is null || minRate is null)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的培训补助标准");
        }

        var placementRate = facts.Trainees > 0 ? (decimal)facts.Placed / facts.Trainees : 0m;
        var scale = Thresholds.AtLeast(facts.Trainees, minTrainees.Value);
        var outstanding = facts.Trainees > 0 && Thresholds.AtLeast(placementRate, minRate.Value);
        var shownRate = Math.Round(placementRate, 4, MidpointRounding.AwayFromZero);
        var eligible = scale && outstanding;
        return e.Decided(
            new TrainingSubsidyFinding(eligible, scale, outstanding, shownRate),
            $"{facts.Year}年培训{facts.Trainees}人，{(scale ? "达到" : "未达到")}{minTrainees:0}人的规模；实现就业{facts.Placed}人，就业率{placementRate * 100m:0.##}%，{(outstanding ? "达到" : "未达到")}{minRate * 100m:0.##}%",
            eligible ? "培训规模和解决用工成效均达标，省、市可分别给予资金补助" : "未同时达到培训规模和解决用工成效的标准，不予补助");
    }
}

public sealed class TrainingBaseFacts
{
    [Zh("服务集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("示范基地")]
    public bool Demonstration { get; init; }

    [Zh("年度")]
    public required int Year { get; init; }

    [Zh("培训人数", Unit = "人")]
    public required int Trainees { get; init; }

    [Zh("实现就业人数", Unit = "人")]
    public required int Placed { get; init; }
}

public sealed record TrainingSubsidyFinding(
    [property: Zh("可获补助")] bool Eligible,
    [property: Zh("培训达到规模")] bool ScaleReached,
    [property: Zh("解决用工成效突出")] bool PlacementOutstanding,
    [property: Zh("就业率（四舍五入到万分之一）")] decimal PlacementRate);
