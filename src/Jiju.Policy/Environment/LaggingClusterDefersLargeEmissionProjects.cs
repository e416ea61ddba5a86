using Jiju.Domain.Common;
using Jiju.Domain.Environmental;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Environment;

/// <summary>
/// 第（十八）条：“建立环评审批与环保设施建设挂钩机制……对环保设施建设滞后、环境容量不足的产业集聚区，暂缓审批新上污染排放量较大的项目。”
/// The text does not say what “较大” is. Here a new project's emission of a pollutant is large when it reaches
/// (以上) the set share of the cluster's annual budget for that pollutant (a parameter, an assumption). In a cluster
/// whose environmental facilities lag or whose environmental capacity is insufficient (as the environment department
/// records them), a project large in any pollutant is deferred; a project large in none is not held back by this
/// sentence. A pollutant without a budget cannot be measured and is named.
/// </summary>
[Article(18, "对环保设施建设滞后、环境容量不足的产业集聚区，暂缓审批新上污染排放量较大的项目")]
public sealed class LaggingClusterDefersLargeEmissionProjects : Rule<LargeEmitterFacts, LargeEmitterFinding>
{
    private const string LargeShare = "environment.emission.large-project-share";

    public override string Title => "环保设施滞后或容量不足的集聚区暂缓审批排放量较大的项目";

    public override IReadOnlyList<string> ParameterIds { get; } = [LargeShare];

    protected override Decision<LargeEmitterFinding> Decide(LargeEmitterFacts facts, Evaluation e)
    {
        if (!facts.EnvironmentalFacilitiesLag && !facts.EnvironmentalCapacityInsufficient)
        {
            return e.NotApplicable("集聚区环保设施建设不滞后、环境容量充足，不属暂缓审批的情形");
        }

        var requested = facts.ProjectEmissions
            .Where(p => p.TonnesPerYear > 0m)
            .GroupBy(p => p.Pollutant)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.TonnesPerYear));
        if (requested.Count == 0)
        {
            return e.NotApplicable("项目不排放主要污染物，不属污染排放量较大的项目");
        }

        if (e.Number(LargeShare) is not { } share)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的“排放量较大”参数");
        }

        var large = new List<Pollutant>();
        var missing = new List<Pollutant>();
        var parts = new List<string>();
        foreach (var (pollutant, tonnes) in requested.OrderBy(kv => kv.Key))
        {
            var name = FactFormatting.ZhOf(pollutant);
            var budgets = facts.Budgets.Where(b => b.Pollutant == pollutant).ToList();
            if (budgets.Count == 0)
            {
                missing.Add(pollutant);
                parts.Add($"{name}：项目{tonnes:0.####}吨/年，集聚区无该污染物预算，无法衡量");
                continue;
            }

            var threshold = budgets.Sum(b => b.Tonnes) * share;
            var isLarge = Thresholds.AtLeast(tonnes, threshold);
            if (isLarge)
            {
                large.Add(pollutant);
            }

            parts.Add($"{name}：项目{tonnes:0.####}吨/年，{(isLarge ? "达到" : "不满")}集聚区预算的{share * 100:0.##}%（{threshold:0.####}吨）");
        }

        var conditions = string.Join("、", new[] { facts.EnvironmentalFacilitiesLag ? "环保设施建设滞后" : null, facts.EnvironmentalCapacityInsufficient ? "环境容量不足" : null }.OfType<string>());
        var branch = $"集聚区{conditions}；{string.Join("；", parts)}";
        var finding = new LargeEmitterFinding(large.Count > 0, string.Join(", ", large));
        if (large.Count > 0)
        {
            return e.Decided(finding, branch, $"项目{string.Join("、", large.Select(p => FactFormatting.ZhOf(p)))}排放量较大，暂缓审批");
        }

        if (missing.Count > 0)
        {
            return e.NotApplicable($"{branch}；缺少{string.Join("、", missing.Select(p => FactFormatting.ZhOf(p)))}排放总量预算，无法判断排放量是否较大");
        }

        return e.Decided(finding, branch, "项目污染排放量不属较大，不因本句暂缓审批");
    }
}

/// <summary>The cluster's environmental situation, its budgets, and the project's planned emissions.</summary>
public sealed class LargeEmitterFacts
{
    [Zh("环保设施建设滞后")]
    public bool EnvironmentalFacilitiesLag { get; init; }

    [Zh("环境容量不足")]
    public bool EnvironmentalCapacityInsufficient { get; init; }

    [Zh("项目污染物排放")]
    public IReadOnlyList<ProjectEmissionFacts> ProjectEmissions { get; init; } = [];

    [Zh("排放总量预算")]
    public IReadOnlyList<EmissionBudgetFacts> Budgets { get; init; } = [];
}

/// <summary>Deferred or not, and the pollutants (by name, comma-separated) in which the project is large.</summary>
public sealed record LargeEmitterFinding(bool Deferred, string LargeIn);
