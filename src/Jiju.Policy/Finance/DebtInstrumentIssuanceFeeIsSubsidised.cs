using Jiju.Domain.Common;
using Jiju.Domain.Finance;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Finance;

/// <summary>
/// 第（十一）条：“对投融资平台在银行间债券市场发行企业债券、短期融资券、中期票据、集合短期融资券、集合中期票据等债务融资工具
/// 的发行费用，由同级财政给予补贴”。
/// A cluster financing platform's issue, in the interbank bond market, of one of the listed debt instruments gets a subsidy
/// of a share of its issuance fee, paid by the finance department of the platform's own level (同级财政). The text gives no
/// share: it is an assumption parameter, valid 2012-01-01 to 2015-12-31 ("2012年-2015年").
/// </summary>
[Article(11, "对投融资平台在银行间债券市场发行企业债券、短期融资券、中期票据、集合短期融资券、集合中期票据等债务融资工具的发行费用，由同级财政给予补贴")]
public sealed class DebtInstrumentIssuanceFeeIsSubsidised : Rule<DebtIssuanceFacts, SubsidyAmount>
{
    public override string Title => "投融资平台银行间市场债务融资工具发行费用补贴";

    public override IReadOnlyList<string> ParameterIds { get; } = ["finance.issuance-fee.subsidy-rate"];

    protected override Decision<SubsidyAmount> Decide(DebtIssuanceFacts facts, Evaluation e)
    {
        if (facts.Kind is not (InstrumentKind.EnterpriseBond or InstrumentKind.ShortTermFinancingBill or InstrumentKind.MediumTermNote
            or InstrumentKind.CollectiveShortTermBill or InstrumentKind.CollectiveMediumTermNote))
        {
            return e.NotApplicable($"融资方式为{FactFormatting.ZhOf(facts.Kind)}，不是本条所列债务融资工具");
        }

        if (!facts.InterbankMarket)
        {
            return e.NotApplicable($"{FactFormatting.ZhOf(facts.Kind)}不是在银行间债券市场发行");
        }

        var rate = e.NumberOn("finance.issuance-fee.subsidy-rate", facts.IssuedOn ?? e.AsOf);
        if (rate is null)
        {
            return e.NotInForce($"{facts.IssuedOn ?? e.AsOf:yyyy-MM-dd} 不在“2012年-2015年”补贴期内");
        }

        var subsidy = (facts.IssuanceFee * rate.Value).RoundToFen();
        return e.Decided(
            new SubsidyAmount(facts.IssuanceFee, rate.Value, subsidy),
            $"投融资平台在银行间债券市场发行{FactFormatting.ZhOf(facts.Kind)}{facts.Amount.Yuan:#,0.00}元，发行费用{facts.IssuanceFee.Yuan:#,0.00}元",
            $"由同级财政按发行费用的{rate * 100m:0.##}%给予补贴{subsidy.Yuan:#,0.00}元");
    }
}

public sealed class DebtIssuanceFacts
{
    /// <summary>The date the loan was drawn or the instrument issued: the 2012–2015 window applies to it. Without it the decision date stands for it.</summary>
    [Zh("发行或放款日期")]
    public DateOnly? IssuedOn { get; init; }

    [Zh("融资方式")]
    public required InstrumentKind Kind { get; init; }

    [Zh("在银行间债券市场发行")]
    public required bool InterbankMarket { get; init; }

    [Zh("融资金额", Unit = "元")]
    public required Money Amount { get; init; }

    [Zh("发行费用", Unit = "元")]
    public required Money IssuanceFee { get; init; }
}
