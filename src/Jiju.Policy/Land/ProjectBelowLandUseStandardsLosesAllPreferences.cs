using Jiju.Domain.Common;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Land;

/// <summary>
/// 第（八）条：“加大对建设用地使用情况的督查，对达不到投资强度、建筑密度、建筑容积率等标准的，取消享受的各种优惠政策。”
/// The standards are not in the text: they are the applicable minimums for the project's industry and region
/// (for industrial land, e.g. 国土资源部《工业项目建设用地控制指标》), loaded with the facts. Investment intensity
/// is fixed-asset investment ÷ parcel area in 元/平方米 (numerically equal to the 万元/公顷 the national table uses);
/// building density (建筑系数) is footprint ÷ area; plot ratio (容积率) is floor area ÷ area. Reaching a standard
/// (达到) meets it; below it (达不到) withdraws all preferential policies. A standard not carried is not judged and
/// is named; with none carried, the rule does not apply and says the standard is missing.
/// Ratios in the result are rounded to four decimals for display; the comparison uses the exact quotient.
/// </summary>
[Article(8, "对达不到投资强度、建筑密度、建筑容积率等标准的，取消享受的各种优惠政策")]
public sealed class ProjectBelowLandUseStandardsLosesAllPreferences : Rule<LandUseStandardsFacts, LandUseStandardsFinding>
{
    private const string Withdraw = "land.standards.withdraw-preferences";
    private const int DisplayDecimals = 4;

    public override string Title => "达不到用地控制标准的取消优惠政策";

    public override IReadOnlyList<string> ParameterIds { get; } = [Withdraw];

    protected override Decision<LandUseStandardsFinding> Decide(LandUseStandardsFacts facts, Evaluation e)
    {
        if (facts.MinInvestmentIntensity is null && facts.MinBuildingCoefficient is null && facts.MinPlotRatio is null)
        {
            return e.NotApplicable("缺少该项目所属行业和地区适用的投资强度、建筑密度（建筑系数）、容积率控制标准，无法判断");
        }

        if (facts.Area <= Area.Zero)
        {
            return e.NotApplicable("宗地面积应大于0，无法计算用地指标");
        }

        if (e.Flag(Withdraw) is not { } inForce)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的取消优惠政策参数");
        }

        if (!inForce)
        {
            return e.NotApplicable("取消优惠政策参数设为否，本句不执行");
        }

        var area = facts.Area.SquareMetres;
        var checks = new[]
        {
            Check("投资强度", "元/平方米", facts.MinInvestmentIntensity, facts.FixedAssetInvestment?.Yuan / area, "固定资产投资"),
            Check("建筑密度（建筑系数）", string.Empty, facts.MinBuildingCoefficient, facts.BuildingFootprint?.SquareMetres / area, "建筑基底面积"),
            Check("容积率", string.Empty, facts.MinPlotRatio, facts.FloorArea?.SquareMetres / area, "总建筑面积"),
        };

        var finding = new LandUseStandardsFinding(
            checks.Any(c => c.Below is true),
            Round(checks[0].Actual),
            Round(checks[1].Actual),
            Round(checks[2].Actual),
            checks[0].Below,
            checks[1].Below,
            checks[2].Below);
        var source = string.IsNullOrWhiteSpace(facts.StandardSource) ? string.Empty : $"（标准出处：{facts.StandardSource}）";
        var branch = string.Join("；", checks.Select(c => c.Text)) + source;
        if (finding.PreferencesWithdrawn)
        {
            var below = string.Join("、", checks.Where(c => c.Below is true).Select(c => c.Name));
            return e.Decided(finding, branch, $"{below}达不到标准，取消享受的各种优惠政策");
        }

        if (checks.Any(c => c.Standard is not null && c.Below is null))
        {
            return e.NotApplicable(branch + "；缺少计算所需的项目数据，无法判断");
        }

        return e.Decided(finding, branch, "已提供的控制标准均已达到，继续享受优惠政策");
    }

    private static StandardCheck Check(string name, string unit, decimal? standard, decimal? actual, string needs)
    {
        if (standard is not { } min)
        {
            return new StandardCheck(name, null, actual, null, $"未提供{name}控制标准，未作判断");
        }

        if (actual is not { } value)
        {
            return new StandardCheck(name, min, null, null, $"缺少{needs}，无法计算{name}（标准{min:0.####}{unit}）");
        }

        var below = Thresholds.Under(value, min);
        var shown = Math.Round(value, DisplayDecimals, MidpointRounding.AwayFromZero);
        return new StandardCheck(name, min, value, below, $"{name}{shown:0.####}{unit}，标准{min:0.####}{unit}，{(below ? "达不到标准" : "达到标准")}");
    }

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, DisplayDecimals, MidpointRounding.AwayFromZero) : null;

    private sealed record StandardCheck(string Name, decimal? Standard, decimal? Actual, bool? Below, string Text);
}

/// <summary>A parcel's investment and buildings (as LandParcel holds them) and the standards that apply to it.</summary>
public sealed class LandUseStandardsFacts
{
    [Zh("宗地面积", Unit = "平方米")]
    public required Area Area { get; init; }

    [Zh("固定资产投资", Unit = "元")]
    public Money? FixedAssetInvestment { get; init; }

    [Zh("建筑基底面积", Unit = "平方米")]
    public Area? BuildingFootprint { get; init; }

    [Zh("总建筑面积", Unit = "平方米")]
    public Area? FloorArea { get; init; }

    [Zh("投资强度控制标准", Unit = "元/平方米")]
    public decimal? MinInvestmentIntensity { get; init; }

    [Zh("建筑系数控制标准")]
    public decimal? MinBuildingCoefficient { get; init; }

    [Zh("容积率控制标准")]
    public decimal? MinPlotRatio { get; init; }

    [Zh("控制标准出处")]
    public string? StandardSource { get; init; }
}

/// <summary>The measures (null where not computable) and, per standard, whether it is below (null where not judged).</summary>
public sealed record LandUseStandardsFinding(
    bool PreferencesWithdrawn,
    decimal? InvestmentIntensity,
    decimal? BuildingCoefficient,
    decimal? PlotRatio,
    bool? InvestmentIntensityBelow,
    bool? BuildingCoefficientBelow,
    bool? PlotRatioBelow);
