using Jiju.Domain.Common;
using Jiju.Domain.Land;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Land;

/// <summary>
/// 第（七）条：“继续鼓励各产业集聚区建设多层和高层标准厂房，对行业无特殊要求的新建工业项目不得建造单层厂房”。
/// A new industrial project (its proposed land use is industrial, GB/T 21010 06/0601) whose industry has no
/// special requirement must build plants of at least the parameter's number of storeys (多层: two or more);
/// fewer (单层) is refused. Rebuilds and extensions, and industries with a special requirement, are outside the clause.
/// </summary>
[Article(7, "对行业无特殊要求的新建工业项目不得建造单层厂房")]
public sealed class NewIndustrialProjectBuildsNoSingleStoreyPlant : Rule<PlantStoreysFacts, PlantStoreysFinding>
{
    private const string MinStoreys = "land.plant.min-storeys";

    public override string Title => "新建工业项目不得建造单层厂房";

    public override IReadOnlyList<string> ParameterIds { get; } = [MinStoreys];

    protected override Decision<PlantStoreysFinding> Decide(PlantStoreysFacts facts, Evaluation e)
    {
        if (facts.LandUse is not { IsIndustrial: true } use)
        {
            return e.NotApplicable(facts.LandUse is { } other ? $"拟用地分类为{other.Value} {other.Name}，不是工业项目" : "未填拟用地分类，无法认定为工业项目");
        }

        if (!facts.NewBuild)
        {
            return e.NotApplicable("不是新建项目（改建、扩建），本句只约束新建工业项目");
        }

        if (facts.SpecialIndustryRequirement)
        {
            return e.NotApplicable("行业对厂房有特殊要求，不受“不得建造单层厂房”限制");
        }

        if (facts.Storeys is not { } storeys)
        {
            return e.NotApplicable("缺少厂房层数，无法判断");
        }

        if (e.Number(MinStoreys) is not { } min)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的厂房层数参数");
        }

        // The trace's words, written only when the trace is: a sweep decides every live project without it.
        string Project() => $"新建工业项目（{use.Value} {use.Name}），行业无特殊要求，厂房{storeys}层";
        return Thresholds.Under(storeys, min)
            ? e.Decided(new PlantStoreysFinding(false, storeys), $"{Project()}，不满{min}层，属单层厂房", "不得建造单层厂房，不予同意")
            : e.Decided(new PlantStoreysFinding(true, storeys), $"{Project()}，达到{min}层以上，属多层或高层厂房", "符合多层厂房要求");
    }
}

/// <summary>A project's plant, as the InvestmentProject record holds it.</summary>
public sealed class PlantStoreysFacts
{
    [Zh("拟用地分类")]
    public LandUseClass? LandUse { get; init; }

    [Zh("新建项目")]
    public bool NewBuild { get; init; } = true;

    [Zh("行业有特殊要求")]
    public bool SpecialIndustryRequirement { get; init; }

    [Zh("厂房层数", Unit = "层")]
    public int? Storeys { get; init; }
}

public sealed record PlantStoreysFinding(bool Permitted, int Storeys);
