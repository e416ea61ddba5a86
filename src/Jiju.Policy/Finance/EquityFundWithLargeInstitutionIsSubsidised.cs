using Jiju.Domain.Common;
using Jiju.Domain.Finance;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Finance;

/// <summary>
/// 第（十一）条：“对与大型金融机构合作发起设立股权投资基金，共同筹集政府投资项目资金的，由同级财政按照募集资金规模给予补助。”
/// An equity investment fund a cluster financing platform sets up with a large financial institution to raise money for
/// government investment projects gets a subsidy proportional to the funds raised (募集资金规模), paid by the finance
/// department of the same level. The proportion is an assumption parameter, valid 2012-01-01 to 2015-12-31.
/// </summary>
[Article(11, "对与大型金融机构合作发起设立股权投资基金，共同筹集政府投资项目资金的，由同级财政按照募集资金规模给予补助")]
public sealed class EquityFundWithLargeInstitutionIsSubsidised : Rule<EquityFundFacts, SubsidyAmount>
{
    public override string Title => "与大型金融机构合作设立股权投资基金按募集规模补助";

    public override IReadOnlyList<string> ParameterIds { get; } = ["finance.equity-fund.subsidy-rate"];

    protected override Decision<SubsidyAmount> Decide(EquityFundFacts facts, Evaluation e)
    {
        if (facts.Kind != InstrumentKind.EquityInvestmentFund)
        {
            return e.NotApplicable($"融资方式为{FactFormatting.ZhOf(facts.Kind)}，不是股权投资基金");
        }

        if (!facts.LargeFinancialInstitution)
        {
            return e.NotApplicable($"合作方{facts.Counterparty ?? "（未填）"}不是大型金融机构");
        }

        if (!facts.ForGovernmentInvestmentProjects)
        {
            return e.NotApplicable("基金不是用于共同筹集政府投资项目资金");
        }

        var rate = e.NumberOn("finance.equity-fund.subsidy-rate", facts.IssuedOn ?? e.AsOf);
        if (rate is null)
        {
            return e.NotInForce($"{facts.IssuedOn ?? e.AsOf:yyyy-MM-dd} 不在“2012年-2015年”补助期内");
        }

        var subsidy = (facts.Amount * rate.Value).RoundToFen();
        return e.Decided(
            new SubsidyAmount(facts.Amount, rate.Value, subsidy),
            $"与大型金融机构{facts.Counterparty}合作设立股权投资基金，共同筹集政府投资项目资金，募集资金{facts.Amount.Yuan:#,0.00}元",
            $"由同级财政按募集资金规模的{rate * 100m:0.####}%给予补助{subsidy.Yuan:#,0.00}元");
    }
}

public sealed class EquityFundFacts
{
    /// <summary>The date the loan was drawn or the instrument issued: the 2012–2015 window applies to it. Without it the decision date stands for it.</summary>
    [Zh("发行或放款日期")]
    public DateOnly? IssuedOn { get; init; }

    [Zh("融资方式")]
    public required InstrumentKind Kind { get; init; }

    [Zh("合作金融机构")]
    public string? Counterparty { get; init; }

    [Zh("合作方为大型金融机构")]
    public required bool LargeFinancialInstitution { get; init; }

    [Zh("共同筹集政府投资项目资金")]
    public required bool ForGovernmentInvestmentProjects { get; init; }

    [Zh("募集资金规模", Unit = "元")]
    public required Money Amount { get; init; }
}
