using Jiju.Domain.Common;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Environment;

/// <summary>
/// 第（十八）条：“落实产业集聚区规划环评，严格限制不符合要求的项目入驻。”
/// Once the cluster's plan EIA (规划环评) is approved, a project found not to fit it is refused entry. A cluster
/// without an approved plan EIA, or a project not yet checked against it, is outside what this sentence decides.
/// </summary>
[Article(18, "落实产业集聚区规划环评，严格限制不符合要求的项目入驻")]
public sealed class ProjectNotFittingPlanEiaIsRefused : Rule<PlanEiaConformityFacts, PlanEiaConformityFinding>
{
    private const string ConformityRequired = "environment.plan-eia.conformity-required";

    public override string Title => "不符合规划环评的项目不得入驻";

    public override IReadOnlyList<string> ParameterIds { get; } = [ConformityRequired];

    protected override Decision<PlanEiaConformityFinding> Decide(PlanEiaConformityFacts facts, Evaluation e)
    {
        if (facts.PlanEiaApprovedOn is not { } approved || approved > e.AsOf)
        {
            return e.NotApplicable($"集聚区规划环评在{e.AsOf:yyyy-MM-dd}尚未批复");
        }

        if (facts.ConformsToPlanEia is not { } conforms)
        {
            return e.NotApplicable("项目尚未作规划环评符合性审查");
        }

        if (e.Flag(ConformityRequired) is not { } inForce)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的规划环评准入参数");
        }

        if (!inForce)
        {
            return e.NotApplicable("规划环评准入参数设为否，本句不执行");
        }

        return conforms
            ? e.Decided(new PlanEiaConformityFinding(false), $"集聚区规划环评{approved:yyyy-MM-dd}批复，项目符合规划环评要求", "准予入驻")
            : e.Decided(new PlanEiaConformityFinding(true), $"集聚区规划环评{approved:yyyy-MM-dd}批复，项目不符合规划环评要求", "严格限制入驻，不予准入");
    }
}

public sealed class PlanEiaConformityFacts
{
    [Zh("规划环评批复日期")]
    public DateOnly? PlanEiaApprovedOn { get; init; }

    [Zh("符合规划环评")]
    public bool? ConformsToPlanEia { get; init; }
}

public sealed record PlanEiaConformityFinding(bool Refused);
