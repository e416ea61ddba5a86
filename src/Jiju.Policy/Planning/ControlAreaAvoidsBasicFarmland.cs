using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Planning;

/// <summary>
/// 第（二）条：“……通过土地利用总体规划修改适当扩大发展区，在避开基本农田的前提下合理确定控制区。”
/// A standing condition on every cluster's control area, not only on expansion requests: any overlap
/// with basic farmland, however small, means the control area does not avoid it. The caller computes
/// the overlap (CGCS2000 geometry) and reports it in square metres.
/// </summary>
[Article(2, "在避开基本农田的前提下合理确定控制区")]
public sealed class ControlAreaAvoidsBasicFarmland : Rule<ControlAreaFacts, ControlAreaFinding>
{
    public override string Title => "集聚区控制区避开基本农田";

    public override IReadOnlyList<string> ParameterIds { get; } = ["planning.control-area.avoids-basic-farmland"];

    protected override Decision<ControlAreaFinding> Decide(ControlAreaFacts facts, Evaluation e)
    {
        if (e.Flag("planning.control-area.avoids-basic-farmland") is not true)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 第（二）条关于控制区避开基本农田的规定不在施行期内");
        }

        if (!facts.HasControlArea)
        {
            return e.NotApplicable("未登记控制区范围，无法核对");
        }

        return facts.BasicFarmlandOverlap.SquareMetres > 0
            ? e.Decided(
                new ControlAreaFinding(false, facts.BasicFarmlandOverlap, facts.OverlappingPieces),
                $"控制区与{facts.OverlappingPieces}片基本农田相交，相交面积{facts.BasicFarmlandOverlap.ToChinese()}",
                "控制区未避开基本农田，应调整控制区范围")
            : e.Decided(new ControlAreaFinding(true, Area.Zero, 0), "控制区与基本农田不相交", "控制区已避开基本农田");
    }
}

public sealed class ControlAreaFacts
{
    [Zh("集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("已登记控制区范围")]
    public bool HasControlArea { get; init; } = true;

    [Zh("控制区与基本农田相交面积", Unit = "平方米")]
    public required Area BasicFarmlandOverlap { get; init; }

    [Zh("相交的基本农田片数", Unit = "片")]
    public int OverlappingPieces { get; init; }
}

public sealed record ControlAreaFinding(
    [property: Zh("已避开基本农田")] bool Avoids,
    [property: Zh("相交面积", Unit = "平方米")] Area Overlap,
    [property: Zh("相交片数", Unit = "片")] int Pieces);
