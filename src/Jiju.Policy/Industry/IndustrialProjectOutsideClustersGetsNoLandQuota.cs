using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Industries;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Industry;

/// <summary>
/// 第（三）条：“严格限制符合条件的新建项目在产业集聚区外分散布局。对应进但未进产业集聚区的工业项目，原则上不予配备土地
/// 计划指标。”
/// An industrial project (GB/T 4754 门类 B, C or D) that meets the conditions for entering a cluster but is sited outside
/// every cluster gets no land-plan quota. "原则上" leaves room for an exception that a competent authority approves; the
/// exception is a fact entered by people, never inferred.
/// </summary>
[Article(3, "对应进但未进产业集聚区的工业项目，原则上不予配备土地计划指标")]
public sealed class IndustrialProjectOutsideClustersGetsNoLandQuota : Rule<OutsideClusterProjectFacts, LandQuotaFinding>
{
    public override string Title => "应进未进集聚区的工业项目不配备土地计划指标";

    public override IReadOnlyList<string> ParameterIds { get; } = ["industry.outside-cluster.no-land-quota"];

    protected override Decision<LandQuotaFinding> Decide(OutsideClusterProjectFacts facts, Evaluation e)
    {
        if (facts.Cluster is { } cluster)
        {
            return e.NotApplicable($"项目位于产业集聚区{cluster}内，不属“应进但未进”");
        }

        if (!facts.Industry.IsIndustrial)
        {
            return e.NotApplicable($"项目行业{facts.Industry}（{facts.Industry.DivisionName}）不属工业，本条只针对工业项目");
        }

        if (!facts.QualifiesForCluster)
        {
            return e.NotApplicable("项目不符合进入产业集聚区的条件，不属“应进”的项目");
        }

        if (e.Flag("industry.outside-cluster.no-land-quota") is not true)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 第（三）条不予配备土地计划指标的规定不在施行期内");
        }

        if (facts.ExceptionApproved)
        {
            return e.Decided(
                new LandQuotaFinding(true, true),
                "符合条件的工业项目在产业集聚区外布局，但已经有权机关批准作为例外",
                "“原则上不予配备”，经批准的例外可以配备土地计划指标");
        }

        return e.Decided(
            new LandQuotaFinding(false, false),
            $"工业项目（{facts.Industry} {facts.Industry.DivisionName}）符合进入产业集聚区的条件而布局在集聚区外",
            "应进未进产业集聚区，原则上不予配备土地计划指标");
    }
}

public sealed class OutsideClusterProjectFacts
{
    [Zh("所在集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("行业代码")]
    public required IndustryCode Industry { get; init; }

    [Zh("符合进入产业集聚区的条件")]
    public required bool QualifiesForCluster { get; init; }

    [Zh("经有权机关批准作为例外")]
    public bool ExceptionApproved { get; init; }
}

public sealed record LandQuotaFinding([property: Zh("可配备土地计划指标")] bool QuotaAllowed, [property: Zh("经批准的例外")] bool ByException);
