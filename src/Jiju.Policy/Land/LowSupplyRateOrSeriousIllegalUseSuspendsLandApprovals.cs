using Jiju.Domain.Common;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Land;

/// <summary>
/// 第（八）条：“强化土地利用计划指标管控，对供地率低、违法违规用地严重的产业集聚区，将暂停建设用地审批和计划指标配备。”
/// The text names no numbers, so both are parameters (assumptions). The land-supply rate (供地率) is land supplied
/// ÷ land ready for supply; it is low when under the minimum (不满). Illegal use is serious when the illegally used
/// area reaches (以上) the set share of the cluster's evaluated land. Either one suspends construction-land approvals
/// and plan quotas. An indicator that cannot be computed is named; when nothing triggers and one is missing, the
/// rule cannot decide.
/// </summary>
[Article(8, "对供地率低、违法违规用地严重的产业集聚区，将暂停建设用地审批和计划指标配备")]
public sealed class LowSupplyRateOrSeriousIllegalUseSuspendsLandApprovals : Rule<LandSupervisionFacts, LandSupervisionFinding>
{
    private const string MinSupplyRate = "land.supply-rate.minimum";
    private const string SeriousShare = "land.illegal-use.serious-share";
    private const int DisplayDecimals = 4;

    public override string Title => "供地率低或违法用地严重的暂停用地审批和计划指标";

    public override IReadOnlyList<string> ParameterIds { get; } = [MinSupplyRate, SeriousShare];

    protected override Decision<LandSupervisionFinding> Decide(LandSupervisionFacts facts, Evaluation e)
    {
        decimal? supplyRate = facts.LandReadyForSupply is { } ready && ready > Area.Zero && facts.LandSupplied is { } supplied
            ? supplied.SquareMetres / ready.SquareMetres
            : null;
        decimal? illegalShare = facts.TotalLand is { } total && total > Area.Zero && facts.IllegalLandUse is { } illegal
            ? illegal.SquareMetres / total.SquareMetres
            : null;
        if (supplyRate is null && illegalShare is null)
        {
            return e.NotApplicable($"{facts.Year}年缺少已达到供地条件土地面积与已供应面积、评价范围土地总面积与违法违规用地面积，无法计算供地率和违法用地比例");
        }

        if (e.Number(MinSupplyRate) is not { } min || e.Number(SeriousShare) is not { } serious)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的供地率或违法用地比例参数");
        }

        bool? low = supplyRate is { } r ? Thresholds.Under(r, min) : null;
        bool? isSerious = illegalShare is { } s ? Thresholds.AtLeast(s, serious) : null;
        var parts = new[]
        {
            supplyRate is { } rate
                ? $"供地率{Percent(rate)}，{(low is true ? "不满" : "达到")}{Percent(min)}"
                : "缺少已达到供地条件或已供应土地面积，未计算供地率",
            illegalShare is { } share
                ? $"违法违规用地占评价范围土地{Percent(share)}，{(isSerious is true ? "达到" : "不满")}{Percent(serious)}"
                : "缺少评价范围土地总面积或违法违规用地面积，未计算违法用地比例",
        };
        var branch = $"{facts.Year}年：" + string.Join("；", parts);
        var finding = new LandSupervisionFinding(low is true || isSerious is true, Round(supplyRate), low, Round(illegalShare), isSerious);
        if (finding.Suspended)
        {
            var reasons = string.Join("、", new[] { low is true ? "供地率低" : null, isSerious is true ? "违法违规用地严重" : null }.OfType<string>());
            return e.Decided(finding, branch, $"{reasons}，暂停建设用地审批和计划指标配备");
        }

        if (low is null || isSerious is null)
        {
            return e.NotApplicable(branch + "；已计算的指标未触发暂停，另一指标缺少数据，无法判断");
        }

        return e.Decided(finding, branch, "供地率不低、违法违规用地不严重，不暂停");
    }

    private static string Percent(decimal ratio) => $"{Math.Round(ratio * 100m, 2, MidpointRounding.AwayFromZero):0.##}%";

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, DisplayDecimals, MidpointRounding.AwayFromZero) : null;
}

/// <summary>A cluster's land figures for a year, as ClusterStatistics holds them.</summary>
public sealed class LandSupervisionFacts
{
    [Zh("年度")]
    public required int Year { get; init; }

    [Zh("评价范围土地总面积", Unit = "平方米")]
    public Area? TotalLand { get; init; }

    [Zh("已达到供地条件土地面积", Unit = "平方米")]
    public Area? LandReadyForSupply { get; init; }

    [Zh("已供应国有建设用地面积", Unit = "平方米")]
    public Area? LandSupplied { get; init; }

    [Zh("违法违规用地面积", Unit = "平方米")]
    public Area? IllegalLandUse { get; init; }
}

/// <summary>Suspended or not; the two indicators (rounded to four decimals) and whether each triggers (null: not computed).</summary>
public sealed record LandSupervisionFinding(bool Suspended, decimal? SupplyRate, bool? SupplyRateLow, decimal? IllegalShare, bool? IllegalUseSerious);
