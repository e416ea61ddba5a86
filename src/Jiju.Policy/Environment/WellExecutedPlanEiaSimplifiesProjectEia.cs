using Jiju.Domain.Common;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Environment;

/// <summary>
/// 第（十八）条：“提高环评审批效率，对规划环评执行较好的产业集聚区，简化规划环评中包含项目的环评内容。”
/// A project included in the plan EIA of a cluster whose plan EIA is well executed takes the simplified EIA route;
/// any other project takes the full route. A project that does not fit the plan EIA is not admitted at all, so
/// its route is not this sentence's question.
/// </summary>
[Article(18, "对规划环评执行较好的产业集聚区，简化规划环评中包含项目的环评内容")]
public sealed class WellExecutedPlanEiaSimplifiesProjectEia : Rule<EiaRouteFacts, EiaRouteFinding>
{
    private const string Simplified = "environment.plan-eia.simplified-route";

    public override string Title => "规划环评执行较好的集聚区简化项目环评";

    public override IReadOnlyList<string> ParameterIds { get; } = [Simplified];

    protected override Decision<EiaRouteFinding> Decide(EiaRouteFacts facts, Evaluation e)
    {
        if (facts.ConformsToPlanEia is false)
        {
            return e.NotApplicable("项目不符合规划环评，不予入驻，不涉及环评简化");
        }

        if (e.Flag(Simplified) is not { } inForce)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的环评简化参数");
        }

        if (inForce && facts.PlanEiaWellExecuted && facts.IncludedInPlanEia)
        {
            return e.Decided(new EiaRouteFinding(EiaRoute.Simplified), "集聚区规划环评执行较好，项目包含在规划环评中", "简化项目环评内容");
        }

        var why = !inForce ? "环评简化参数设为否"
            : !facts.PlanEiaWellExecuted ? "集聚区规划环评执行不属较好"
            : "项目不在规划环评包含的项目之中";
        return e.Decided(new EiaRouteFinding(EiaRoute.Full), why, "按完整内容开展项目环评");
    }
}

public sealed class EiaRouteFacts
{
    [Zh("规划环评执行较好")]
    public bool PlanEiaWellExecuted { get; init; }

    [Zh("规划环评中包含的项目")]
    public bool IncludedInPlanEia { get; init; }

    [Zh("符合规划环评")]
    public bool? ConformsToPlanEia { get; init; }
}

public enum EiaRoute
{
    [Zh("简化环评")] Simplified = 1,
    [Zh("完整环评")] Full = 2,
}

public sealed record EiaRouteFinding(EiaRoute Route);
