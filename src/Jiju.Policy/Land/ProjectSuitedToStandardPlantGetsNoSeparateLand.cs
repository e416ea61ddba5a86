using Jiju.Domain.Common;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Land;

/// <summary>
/// 第（七）条：“适合入驻多层标准厂房的项目不得单独供地。”
/// A project found suited to a multi-storey standard plant (标准厂房) enters one; any site area it requests
/// for itself is refused. Whether a project is suited is the fact the reviewing department records.
/// </summary>
[Article(7, "适合入驻多层标准厂房的项目不得单独供地")]
public sealed class ProjectSuitedToStandardPlantGetsNoSeparateLand : Rule<SeparateLandFacts, SeparateLandFinding>
{
    private const string NoSeparateLand = "land.standard-plant.no-separate-land";

    public override string Title => "适合入驻标准厂房的项目不得单独供地";

    public override IReadOnlyList<string> ParameterIds { get; } = [NoSeparateLand];

    protected override Decision<SeparateLandFinding> Decide(SeparateLandFacts facts, Evaluation e)
    {
        if (!facts.SuitsStandardPlant)
        {
            return e.NotApplicable("项目不适合入驻多层标准厂房，本句不适用");
        }

        if (e.Flag(NoSeparateLand) is not { } inForce)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的“不得单独供地”参数");
        }

        if (!inForce)
        {
            return e.NotApplicable("“不得单独供地”参数设为否，本句不执行");
        }

        var requested = facts.SiteArea ?? Area.Zero;
        return requested > Area.Zero
            ? e.Decided(new SeparateLandFinding(true, requested), $"项目适合入驻多层标准厂房，却申请单独用地{requested.ToChinese()}", "不得单独供地，用地申请不予受理，应入驻多层标准厂房")
            : e.Decided(new SeparateLandFinding(false, requested), "项目适合入驻多层标准厂房，未申请单独用地", "入驻多层标准厂房，符合规定");
    }
}

public sealed class SeparateLandFacts
{
    [Zh("适合入驻多层标准厂房")]
    public required bool SuitsStandardPlant { get; init; }

    [Zh("用地面积", Unit = "平方米")]
    public Area? SiteArea { get; init; }
}

public sealed record SeparateLandFinding(bool Refused, Area Requested);
