using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Relocation;

/// <summary>
/// 第（二十四）条：“在产业集聚区之外的城市规划区选址建设安置社区……按照集中安置、功能配套的原则，安置社区人口规模应在5000人以上，
/// 配套建设相应的公共服务设施。”
/// A resettlement community meets the article when its planned population is 5000 or more (以上 includes 5000),
/// it lies outside the cluster, inside the urban planning area, and has public service facilities. Each unmet
/// condition is reported.
/// </summary>
[Article(24, "在产业集聚区之外的城市规划区选址建设安置社区……安置社区人口规模应在5000人以上，配套建设相应的公共服务设施")]
public sealed class ResettlementCommunityHoldsFiveThousandOutsideCluster : Rule<ResettlementCommunityFacts, ResettlementCommunityFinding>
{
    private const string MinPopulation = "relocation.community.min-population";

    public override string Title => "安置社区选址与规模";

    public override IReadOnlyList<string> ParameterIds { get; } = [MinPopulation];

    protected override Decision<ResettlementCommunityFinding> Decide(ResettlementCommunityFacts facts, Evaluation e)
    {
        if (facts.Cluster is null)
        {
            return e.NotApplicable("该社区不服务于产业集聚区村庄迁并，不是本条所指的安置社区");
        }

        if (e.Number(MinPopulation) is not { } min)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的安置社区人口规模参数");
        }

        var populationMet = Thresholds.AtLeast(facts.PlannedPopulation, min);
        var unmet = new List<string>();
        if (!populationMet)
        {
            unmet.Add($"规划人口{facts.PlannedPopulation}人，不满{min:0}人");
        }

        if (!facts.OutsideCluster)
        {
            unmet.Add("选址在产业集聚区内");
        }

        if (!facts.InsideUrbanPlanningArea)
        {
            unmet.Add("选址不在城市规划区内");
        }

        if (!facts.HasPublicFacilities)
        {
            unmet.Add("未配套建设公共服务设施");
        }

        var finding = new ResettlementCommunityFinding(
            unmet.Count == 0, populationMet, facts.OutsideCluster, facts.InsideUrbanPlanningArea, facts.HasPublicFacilities, string.Join("；", unmet));
        return unmet.Count == 0
            ? e.Decided(finding, $"规划人口{facts.PlannedPopulation}人，达到{min:0}人以上；位于集聚区外的城市规划区内；配套公共服务设施", "符合安置社区选址和规模要求")
            : e.Decided(finding, $"不符合{unmet.Count}项：{finding.Unmet}", "不符合安置社区选址和规模要求");
    }
}

/// <summary>A resettlement community, as the ResettlementCommunity record holds it.</summary>
public sealed class ResettlementCommunityFacts
{
    [Zh("服务集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("规划人口", Unit = "人")]
    public required int PlannedPopulation { get; init; }

    [Zh("位于集聚区外")]
    public required bool OutsideCluster { get; init; }

    [Zh("位于城市规划区内")]
    public required bool InsideUrbanPlanningArea { get; init; }

    [Zh("公共服务设施配套")]
    public required bool HasPublicFacilities { get; init; }
}

/// <summary>Whether it meets the article, each condition, and the unmet ones in Chinese (empty when none).</summary>
public sealed record ResettlementCommunityFinding(bool Meets, bool PopulationMet, bool OutsideCluster, bool InsideUrbanPlanningArea, bool HasPublicFacilities, string Unmet);
