using Jiju.Domain.Common;
using Jiju.Domain.Land;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Land;

/// <summary>
/// 第（八）条：“严格限制产业集聚区内工业用地变更为商业用地。”
/// A request inside a cluster to change industrial land (GB/T 21010 06 工矿仓储用地 as a whole, or 0601 工业用地)
/// to commercial land (05 商服用地 and its subclasses) is flagged and refused. Other changes are not what this
/// sentence restricts.
/// </summary>
[Article(8, "严格限制产业集聚区内工业用地变更为商业用地")]
public sealed class IndustrialLandIsNotChangedToCommercial : Rule<LandUseChangeFacts, LandUseChangeFinding>
{
    private const string Restricted = "land.use-change.industrial-to-commercial-restricted";

    public override string Title => "集聚区内工业用地不得变更为商业用地";

    public override IReadOnlyList<string> ParameterIds { get; } = [Restricted];

    protected override Decision<LandUseChangeFinding> Decide(LandUseChangeFacts facts, Evaluation e)
    {
        if (!facts.InsideCluster)
        {
            return e.NotApplicable("宗地不在产业集聚区内");
        }

        var change = $"{facts.From.Value} {facts.From.Name} → {facts.To.Value} {facts.To.Name}";
        if (!facts.From.IsIndustrial)
        {
            return e.NotApplicable($"{change}：原用途不是工业用地");
        }

        if (!facts.To.IsCommercial)
        {
            return e.NotApplicable($"{change}：拟变更用途不是商业用地，本句不限制");
        }

        if (e.Flag(Restricted) is not { } inForce)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的用途变更限制参数");
        }

        if (!inForce)
        {
            return e.NotApplicable("用途变更限制参数设为否，本句不执行");
        }

        return e.Decided(new LandUseChangeFinding(true, facts.From, facts.To), $"产业集聚区内{change}，属工业用地变更为商业用地", "严格限制，不予批准");
    }
}

/// <summary>A land-use change request (LandUseChangeRequest) and whether its parcel lies in a cluster.</summary>
public sealed class LandUseChangeFacts
{
    [Zh("原用途")]
    public required LandUseClass From { get; init; }

    [Zh("拟变更用途")]
    public required LandUseClass To { get; init; }

    [Zh("位于产业集聚区内")]
    public required bool InsideCluster { get; init; }
}

public sealed record LandUseChangeFinding(bool Refused, LandUseClass From, LandUseClass To);
