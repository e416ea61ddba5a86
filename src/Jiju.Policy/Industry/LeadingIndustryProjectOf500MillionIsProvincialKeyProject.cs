using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Industries;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Industry;

/// <summary>
/// 第（三）条：“省政府将把投资5亿元以上产业集聚区主导产业项目纳入省重点项目管理范围，优先保障土地等要素资源。”
/// A project in a cluster whose industry (GB/T 4754) lies within the cluster's leading industry, with total investment of
/// 5亿元 or more ("以上" includes the number), becomes a provincial key project with priority for land.
/// </summary>
[Article(3, "省政府将把投资5亿元以上产业集聚区主导产业项目纳入省重点项目管理范围，优先保障土地等要素资源")]
public sealed class LeadingIndustryProjectOf500MillionIsProvincialKeyProject : Rule<KeyProjectFacts, KeyProjectFinding>
{
    public override string Title => "投资5亿元以上主导产业项目纳入省重点项目";

    public override IReadOnlyList<string> ParameterIds { get; } = ["industry.key-project.min-investment"];

    protected override Decision<KeyProjectFinding> Decide(KeyProjectFacts facts, Evaluation e)
    {
        if (facts.Cluster is null)
        {
            return e.NotApplicable("项目不在产业集聚区内，不属产业集聚区主导产业项目");
        }

        var min = e.Number("industry.key-project.min-investment");
        if (min is null)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的省重点项目投资额标准");
        }

        var threshold = new Money(min.Value);
        if (!facts.Industry.IsWithin(facts.LeadingIndustry))
        {
            return e.Decided(
                new KeyProjectFinding(false, false, false),
                $"项目行业{facts.Industry}（{facts.Industry.DivisionName}）不属集聚区主导产业{facts.LeadingIndustry}（{facts.LeadingIndustry.DivisionName}）",
                "不属主导产业项目，不纳入省重点项目");
        }

        if (Thresholds.AtLeast(facts.Investment.Yuan, min.Value))
        {
            return e.Decided(
                new KeyProjectFinding(true, true, true),
                $"主导产业项目，总投资{facts.Investment.Yuan:#,0.00}元达到“{threshold.ToChinese()}以上”（含本数）",
                "纳入省重点项目管理范围，优先保障土地等要素资源");
        }

        return e.Decided(
            new KeyProjectFinding(false, true, false),
            $"主导产业项目，总投资{facts.Investment.Yuan:#,0.00}元不足{threshold.ToChinese()}",
            "不纳入省重点项目");
    }
}

public sealed class KeyProjectFacts
{
    [Zh("所在集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("行业代码")]
    public required IndustryCode Industry { get; init; }

    [Zh("集聚区主导产业代码")]
    public required IndustryCode LeadingIndustry { get; init; }

    [Zh("总投资", Unit = "元")]
    public required Money Investment { get; init; }
}

public sealed record KeyProjectFinding(
    [property: Zh("纳入省重点项目")] bool IsProvincialKeyProject,
    [property: Zh("属主导产业项目")] bool InLeadingIndustry,
    [property: Zh("优先保障土地等要素")] bool LandPriority);
