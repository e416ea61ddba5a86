using Jiju.Domain.Common;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Environment;

/// <summary>
/// 第（十七）条：“对热负荷达到130吨/小时、年利用超过4000小时的集聚区，支持加快淘汰现有燃煤小锅炉，新建背压式供热机组；
/// 对热负荷不足或不稳定的产业集聚区，可先行建设大型集中供热锅炉。”
/// 达到 includes the number (≥ 130 t/h), 超过 excludes it (&gt; 4000 h). Both met → retire the small coal boilers
/// and build back-pressure CHP units; otherwise the load is insufficient or unstable → a large central heating
/// boiler first. A cluster the environment department records as having an unstable load goes to the boiler
/// even when the numbers are met; a cluster without heat load is outside the clause.
/// </summary>
[Article(17, "对热负荷达到130吨/小时、年利用超过4000小时的集聚区，支持加快淘汰现有燃煤小锅炉，新建背压式供热机组；对热负荷不足或不稳定的产业集聚区，可先行建设大型集中供热锅炉")]
public sealed class LargeSteadyHeatLoadGetsBackPressureChp : Rule<HeatSupplyFacts, HeatSupplyFinding>
{
    private const string MinLoad = "environment.heat.chp-min-load";
    private const string MinHours = "environment.heat.chp-min-annual-hours";

    public override string Title => "按热负荷确定集中供热方式";

    public override IReadOnlyList<string> ParameterIds { get; } = [MinLoad, MinHours];

    protected override Decision<HeatSupplyFinding> Decide(HeatSupplyFacts facts, Evaluation e)
    {
        if (facts.HeatLoadTonnesPerHour <= 0m)
        {
            return e.NotApplicable("集聚区没有热负荷，不涉及集中供热");
        }

        if (e.Number(MinLoad) is not { } minLoad || e.Number(MinHours) is not { } minHours)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的热负荷参数");
        }

        var loadMet = Thresholds.AtLeast(facts.HeatLoadTonnesPerHour, minLoad);
        var hoursMet = Thresholds.Exceeds(facts.AnnualHours, minHours);
        var numbers = $"热负荷{facts.HeatLoadTonnesPerHour:0.##}吨/小时，{(loadMet ? "达到" : "未达到")}{minLoad:0.##}吨/小时；年利用{facts.AnnualHours:0.##}小时，{(hoursMet ? "超过" : "未超过")}{minHours:0.##}小时";
        if (loadMet && hoursMet && facts.LoadStable is not false)
        {
            return e.Decided(
                new HeatSupplyFinding(HeatSupplyRoute.BackPressureChp, facts.SmallCoalBoilers),
                numbers,
                $"支持加快淘汰现有燃煤小锅炉（{facts.SmallCoalBoilers}台），新建背压式供热机组");
        }

        var why = loadMet && hoursMet ? "但热负荷经认定不稳定" : "热负荷不足或不稳定";
        return e.Decided(new HeatSupplyFinding(HeatSupplyRoute.CentralBoiler, 0), $"{numbers}；{why}", "可先行建设大型集中供热锅炉");
    }
}

/// <summary>A cluster's heat demand in a year, as HeatingProfile holds it.</summary>
public sealed class HeatSupplyFacts
{
    [Zh("热负荷", Unit = "吨/小时")]
    public required decimal HeatLoadTonnesPerHour { get; init; }

    [Zh("年利用小时数", Unit = "小时")]
    public required decimal AnnualHours { get; init; }

    [Zh("热负荷稳定")]
    public bool? LoadStable { get; init; }

    [Zh("燃煤小锅炉数量", Unit = "台")]
    public int SmallCoalBoilers { get; init; }
}

public enum HeatSupplyRoute
{
    [Zh("淘汰燃煤小锅炉，新建背压式供热机组")] BackPressureChp = 1,
    [Zh("先行建设大型集中供热锅炉")] CentralBoiler = 2,
}

public sealed record HeatSupplyFinding(HeatSupplyRoute Route, int SmallCoalBoilersToRetire);
