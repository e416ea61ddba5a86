using Jiju.Domain.Common;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Environment;

/// <summary>
/// 第（十九）条：“在涉及高危行业的产业集聚区开展区域安全评价和容量分析，准确确定和严格执行产业集聚区安全布局和容量控制。”
/// In a cluster with high-risk industries, a project is admitted only while the capacity already used plus the
/// project's demand does not exceed (超过) the safety capacity the regional evaluation fixed; reaching it exactly is
/// admitted. A cluster without high-risk industries, or without a safety evaluation yet, is outside the check.
/// </summary>
[Article(19, "在涉及高危行业的产业集聚区开展区域安全评价和容量分析，准确确定和严格执行产业集聚区安全布局和容量控制")]
public sealed class HighRiskClusterAdmitsWithinSafetyCapacity : Rule<SafetyCapacityFacts, SafetyCapacityFinding>
{
    private const string CapacityControl = "environment.safety.capacity-control";

    public override string Title => "高危行业集聚区按安全容量准入";

    public override IReadOnlyList<string> ParameterIds { get; } = [CapacityControl];

    protected override Decision<SafetyCapacityFinding> Decide(SafetyCapacityFacts facts, Evaluation e)
    {
        if (!facts.HighRiskIndustry)
        {
            return e.NotApplicable("集聚区不涉及高危行业");
        }

        if (facts.Capacity is not { } capacity || (facts.AssessedOn is { } assessed && assessed > e.AsOf))
        {
            return e.NotApplicable($"集聚区在{e.AsOf:yyyy-MM-dd}尚未完成区域安全评价和容量分析，无安全容量可核对");
        }

        if (e.Flag(CapacityControl) is not { } inForce)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的安全容量控制参数");
        }

        if (!inForce)
        {
            return e.NotApplicable("安全容量控制参数设为否，本句不执行");
        }

        var after = facts.Used + facts.ProjectDemand;
        var exceeds = Thresholds.Exceeds(after, capacity);
        var finding = new SafetyCapacityFinding(!exceeds, capacity - facts.Used, after);
        // The trace's words, written only when the trace is: a sweep decides most projects without it.
        string Branch()
        {
            var unit = facts.Unit ?? string.Empty;
            var measure = string.IsNullOrWhiteSpace(facts.Measure) ? "安全容量" : facts.Measure;
            return $"{measure}：容量{capacity:0.####}{unit}，已占用{facts.Used:0.####}{unit}，项目需{facts.ProjectDemand:0.####}{unit}，合计{after:0.####}{unit}，{(exceeds ? "超过" : "未超过")}容量";
        }

        return exceeds
            ? e.Decided(finding, $"{Branch()}", "超过集聚区安全容量，不予准入")
            : e.Decided(finding, $"{Branch()}", "在集聚区安全容量之内，予以准入");
    }
}

/// <summary>The cluster's safety evaluation (SafetyCapacity) and the project's demand on it, in the same measure.</summary>
public sealed class SafetyCapacityFacts
{
    [Zh("涉及高危行业")]
    public required bool HighRiskIndustry { get; init; }

    [Zh("评价日期")]
    public DateOnly? AssessedOn { get; init; }

    [Zh("容量指标")]
    public string? Measure { get; init; }

    [Zh("计量单位")]
    public string? Unit { get; init; }

    [Zh("安全容量")]
    public decimal? Capacity { get; init; }

    [Zh("已占用")]
    public decimal Used { get; init; }

    [Zh("项目需占用")]
    public required decimal ProjectDemand { get; init; }
}

/// <summary>Admitted or not; what remained before the project, and what would be used with it.</summary>
public sealed record SafetyCapacityFinding(bool Admitted, decimal RemainingBefore, decimal UsedWithProject);
