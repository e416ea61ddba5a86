using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Finance;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Finance;

/// <summary>
/// 第（十一）条：“2012年-2015年，省将适情安排专项资金，对产业集聚区内用于基础设施的各类银行提供的基本建设项目贷款给予一定
/// 的贴息支持”。
/// A bank construction-project loan (基本建设项目贷款) used for infrastructure in a cluster gets an interest subsidy of a share
/// of the interest paid; the text says only "一定的", so the share is an assumption parameter. The subsidy holds from
/// 2012-01-01 to 2015-12-31 ("2012年-2015年" includes both whole years); outside it the rule is not in force.
/// </summary>
[Article(11, "2012年-2015年，省将适情安排专项资金，对产业集聚区内用于基础设施的各类银行提供的基本建设项目贷款给予一定的贴息支持")]
public sealed class InfrastructureLoanInterestIsSubsidised : Rule<InfrastructureLoanFacts, SubsidyAmount>
{
    public override string Title => "集聚区基础设施银行贷款贴息";

    public override IReadOnlyList<string> ParameterIds { get; } = ["finance.loan-interest.subsidy-rate"];

    protected override Decision<SubsidyAmount> Decide(InfrastructureLoanFacts facts, Evaluation e)
    {
        if (facts.Cluster is null)
        {
            return e.NotApplicable("贷款项目不在产业集聚区内");
        }

        if (facts.Kind != InstrumentKind.BankConstructionLoan)
        {
            return e.NotApplicable($"融资方式为{FactFormatting.ZhOf(facts.Kind)}，不是银行基本建设项目贷款");
        }

        if (!facts.ForInfrastructure)
        {
            return e.NotApplicable("贷款不是用于产业集聚区基础设施");
        }

        var rate = e.NumberOn("finance.loan-interest.subsidy-rate", facts.IssuedOn ?? e.AsOf);
        if (rate is null)
        {
            return e.NotInForce($"{facts.IssuedOn ?? e.AsOf:yyyy-MM-dd} 不在“2012年-2015年”贴息期内");
        }

        var subsidy = (facts.InterestPaid * rate.Value).RoundToFen();
        return e.Decided(
            new SubsidyAmount(facts.InterestPaid, rate.Value, subsidy),
            $"产业集聚区内用于基础设施的银行基本建设项目贷款{facts.Amount.Yuan:#,0.00}元，当年支付利息{facts.InterestPaid.Yuan:#,0.00}元",
            $"按利息的{rate * 100m:0.##}%给予贴息{subsidy.Yuan:#,0.00}元");
    }
}

public sealed class InfrastructureLoanFacts
{
    /// <summary>The date the loan was drawn or the instrument issued: the 2012–2015 window applies to it. Without it the decision date stands for it.</summary>
    [Zh("发行或放款日期")]
    public DateOnly? IssuedOn { get; init; }

    [Zh("所在集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("融资方式")]
    public required InstrumentKind Kind { get; init; }

    [Zh("用于基础设施")]
    public required bool ForInfrastructure { get; init; }

    [Zh("融资金额", Unit = "元")]
    public required Money Amount { get; init; }

    [Zh("当年支付利息", Unit = "元")]
    public required Money InterestPaid { get; init; }
}
