using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Divisions;
using Jiju.Domain.Enterprises;

namespace Jiju.Domain.Finance;

/// <summary>A cluster's investment and financing platform (投融资平台, arts. 9–11), itself a company.</summary>
[Zh("投融资平台")]
public sealed class FinancingPlatform : IJurisdictionOwned, ISelfValidating
{
    [Zh("统一社会信用代码")]
    public required UnifiedSocialCreditCode CreditCode { get; init; }

    [Zh("集聚区代码")]
    public required ClusterCode Cluster { get; init; }

    [Zh("平台名称")]
    public required string Name { get; init; }

    [Zh("注册资本", Unit = "元")]
    public required Money RegisteredCapital { get; init; }

    [Zh("注入资产", Unit = "元")]
    public required Money InjectedAssets { get; init; }

    [Zh("成立日期")]
    public DateOnly? EstablishedOn { get; init; }

    DivisionCode IJurisdictionOwned.OwnerDivision => Cluster.County;

    ClusterCode? IJurisdictionOwned.OwnerCluster => Cluster;

    public IEnumerable<FieldError> Validate()
    {
        if (RegisteredCapital.IsNegative || InjectedAssets.IsNegative)
        {
            yield return new FieldError(RegisteredCapital.IsNegative ? nameof(RegisteredCapital) : nameof(InjectedAssets), "金额不能为负数");
        }
    }
}

/// <summary>One financing by a platform: a loan drawn, a debt instrument issued, or a fund raised (art. 11).</summary>
[Zh("融资记录")]
public sealed class FinancingInstrument : IChildRecord, ISelfValidating
{
    public long Id { get; init; }

    [Zh("平台统一社会信用代码")]
    public required UnifiedSocialCreditCode Platform { get; init; }

    [Zh("融资方式")]
    public required InstrumentKind Kind { get; init; }

    [Zh("融资金额", Unit = "元")]
    public required Money Amount { get; init; }

    [Zh("发行或放款日期")]
    public required DateOnly IssuedOn { get; init; }

    [Zh("到期日期")]
    public DateOnly? MaturesOn { get; init; }

    [Zh("当年支付利息", Unit = "元")]
    public Money? InterestPaid { get; init; }

    [Zh("发行费用", Unit = "元")]
    public Money? IssuanceFee { get; init; }

    [Zh("用于基础设施")]
    public bool ForInfrastructure { get; init; }

    [Zh("合作金融机构")]
    public string? Counterparty { get; init; }

    [Zh("合作方为大型金融机构")]
    public bool LargeFinancialInstitution { get; init; }

    string IChildRecord.ParentKey => Platform.Value;

    public IEnumerable<FieldError> Validate()
    {
        if (Amount.Yuan <= 0)
        {
            yield return new FieldError(nameof(Amount), "融资金额应大于0");
        }

        if (MaturesOn is { } m && m <= IssuedOn)
        {
            yield return new FieldError(nameof(MaturesOn), "到期日期应晚于发行或放款日期");
        }

        if (InterestPaid is { IsNegative: true } || IssuanceFee is { IsNegative: true })
        {
            yield return new FieldError(InterestPaid is { IsNegative: true } ? nameof(InterestPaid) : nameof(IssuanceFee), "金额不能为负数");
        }
    }
}

public enum InstrumentKind
{
    [Zh("银行基本建设项目贷款")] BankConstructionLoan = 1,
    [Zh("企业债券")] EnterpriseBond = 2,
    [Zh("短期融资券")] ShortTermFinancingBill = 3,
    [Zh("中期票据")] MediumTermNote = 4,
    [Zh("集合短期融资券")] CollectiveShortTermBill = 5,
    [Zh("集合中期票据")] CollectiveMediumTermNote = 6,
    [Zh("股权投资基金")] EquityInvestmentFund = 7,
}
