using Jiju.Domain.Common;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Land;

/// <summary>
/// 第（七）条：“各市、县（市、区）财政每年从土地出让金中提取一定比例的资金，与土地闲置费一并使用，安排节约集约用地专项
/// 奖励资金，用于奖励节约集约用地先进企业和单位。”
/// The fund of a city or county for a year = the share (一定比例: a parameter the text leaves open) × the year's
/// land-transfer income (土地出让金) + the idle-land fees collected that year, rounded once to the fen.
/// </summary>
[Article(7, "各市、县（市、区）财政每年从土地出让金中提取一定比例的资金，与土地闲置费一并使用，安排节约集约用地专项奖励资金")]
public sealed class IntensiveLandUseRewardFundIsShareOfTransferIncomePlusIdleFees : Rule<RewardFundFacts, RewardFundFinding>
{
    private const string Share = "land.reward-fund.transfer-income-share";

    public override string Title => "节约集约用地专项奖励资金的提取";

    public override IReadOnlyList<string> ParameterIds { get; } = [Share];

    protected override Decision<RewardFundFinding> Decide(RewardFundFacts facts, Evaluation e)
    {
        if (facts.LandTransferIncome is not { } income)
        {
            return e.NotApplicable($"缺少{facts.Year}年土地出让金数据，无法计算");
        }

        if (income.IsNegative || facts.IdleLandFeesCollected.IsNegative)
        {
            return e.NotApplicable("土地出让金和土地闲置费不能为负数，请核对数据");
        }

        if (e.Number(Share) is not { } share)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的提取比例参数");
        }

        var fromIncome = (income * share).RoundToFen();
        var fund = (income * share + facts.IdleLandFeesCollected).RoundToFen();
        return e.Decided(
            new RewardFundFinding(fromIncome, facts.IdleLandFeesCollected, fund),
            $"{facts.Year}年土地出让金{income.Yuan:#,0.00}元 × {share * 100:0.####}% = {fromIncome.Yuan:#,0.00}元，加土地闲置费{facts.IdleLandFeesCollected.Yuan:#,0.00}元",
            $"安排节约集约用地专项奖励资金{fund.Yuan:#,0.00}元");
    }
}

/// <summary>A city's or county's land-transfer income and idle-land fees for a year.</summary>
public sealed class RewardFundFacts
{
    [Zh("年度")]
    public required int Year { get; init; }

    [Zh("当年土地出让金", Unit = "元")]
    public Money? LandTransferIncome { get; init; }

    [Zh("当年征收的土地闲置费", Unit = "元")]
    public Money IdleLandFeesCollected { get; init; }
}

public sealed record RewardFundFinding(Money FromTransferIncome, Money IdleLandFees, Money Fund);
