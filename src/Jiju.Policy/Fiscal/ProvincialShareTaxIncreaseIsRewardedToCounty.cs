using Jiju.Domain.Common;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Fiscal;

/// <summary>
/// 第（二十六）条：“2013年-2015年，省级分成各产业集聚区增值税、营业税、企业所得税比上年增加部分，全额奖励县（市、区）。”
/// For an assessment year inside the period (both whole years included; outside it the rule is not in force), the
/// change over the previous year of the provincial share of each of the three taxes is computed. Whether the
/// increase is taken per tax (each tax's increase counts, a tax that fell counts zero) or on the sum of the three
/// (one net increase) is a parameter; see its note for the default. A decrease pays nothing, never a negative
/// amount. The reward is the share (全额: 100%) of the increase, rounded once to the fen. The year must be over.
/// </summary>
[Article(26, "2013年-2015年，省级分成各产业集聚区增值税、营业税、企业所得税比上年增加部分，全额奖励县（市、区）")]
public sealed class ProvincialShareTaxIncreaseIsRewardedToCounty : Rule<FiscalRewardFacts, FiscalRewardFinding>
{
    private const string PeriodStart = "fiscal.reward.period-start";
    private const string PeriodEnd = "fiscal.reward.period-end";
    private const string Share = "fiscal.reward.share";
    private const string Basis = "fiscal.reward.increase-basis";

    public override string Title => "集聚区三税省级分成增量全额奖励县（市、区）";

    public override IReadOnlyList<string> ParameterIds { get; } = [PeriodStart, PeriodEnd, Share, Basis];

    protected override Decision<FiscalRewardFinding> Decide(FiscalRewardFacts facts, Evaluation e)
    {
        if (e.Date(PeriodStart) is not { } start || e.Date(PeriodEnd) is not { } end || e.Number(Share) is not { } share || e.Choice(Basis) is not { } basisText)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的财政奖励参数");
        }

        var firstDay = new DateOnly(facts.Year, 1, 1);
        var lastDay = new DateOnly(facts.Year, 12, 31);
        if (firstDay < start || lastDay > end)
        {
            return e.NotInForce($"考核年度{facts.Year}年不在{start:yyyy-MM-dd}至{end:yyyy-MM-dd}的奖励期内");
        }

        if (e.AsOf <= lastDay)
        {
            return e.NotApplicable($"考核年度{facts.Year}年至{e.AsOf:yyyy-MM-dd}尚未结束，增量无法确定");
        }

        if (facts.PreviousVatProvincialShare is not { } previousVat
            || facts.PreviousBusinessTaxProvincialShare is not { } previousBusinessTax
            || facts.PreviousIncomeTaxProvincialShare is not { } previousIncomeTax)
        {
            return e.NotApplicable($"缺少{facts.Year - 1}年三税省级分成数据，无法计算比上年增加部分");
        }

        var vat = facts.VatProvincialShare - previousVat;
        var business = facts.BusinessTaxProvincialShare - previousBusinessTax;
        var income = facts.IncomeTaxProvincialShare - previousIncomeTax;
        var total = vat + business + income;
        var basis = basisText == "sum" ? FiscalIncreaseBasis.Sum : FiscalIncreaseBasis.PerTax;
        var increase = basis == FiscalIncreaseBasis.Sum
            ? Positive(total)
            : Positive(vat) + Positive(business) + Positive(income);
        var reward = (increase * share).RoundToFen();
        var finding = new FiscalRewardFinding(facts.Year, vat, business, income, total, basis, increase, reward);
        // The trace's words, written only when the trace is: a sweep decides the cluster-years without a reward without it.
        string Changes() => $"{facts.Year}年比上年：增值税省级分成{Signed(vat)}，营业税省级分成{Signed(business)}，企业所得税省级分成{Signed(income)}，合计{Signed(total)}";
        string How() => basis == FiscalIncreaseBasis.Sum
            ? $"按三税合计计算，增加部分{increase.Yuan:#,0.00}元"
            : $"分税种计算，只计增加的税种，增加部分{increase.Yuan:#,0.00}元";
        return e.Decided(
            finding,
            $"{Changes()}；{How()}",
            reward > Money.Zero
                ? $"按{share * 100:0.##}%奖励县（市、区）{reward.Yuan:#,0.00}元"
                : "没有增加部分，不予奖励（奖励为0元，减少部分不倒扣）");
    }

    private static Money Positive(Money m) => m > Money.Zero ? m : Money.Zero;

    private static string Signed(Money m) => m.IsNegative ? $"减少{-m.Yuan:#,0.00}元" : $"增加{m.Yuan:#,0.00}元";
}

/// <summary>A cluster's provincial shares of the three taxes in the assessment year and the year before (ClusterStatistics of both years).</summary>
public sealed class FiscalRewardFacts
{
    [Zh("考核年度")]
    public required int Year { get; init; }

    [Zh("增值税省级分成", Unit = "元")]
    public required Money VatProvincialShare { get; init; }

    [Zh("营业税省级分成", Unit = "元")]
    public required Money BusinessTaxProvincialShare { get; init; }

    [Zh("企业所得税省级分成", Unit = "元")]
    public required Money IncomeTaxProvincialShare { get; init; }

    [Zh("上年增值税省级分成", Unit = "元")]
    public Money? PreviousVatProvincialShare { get; init; }

    [Zh("上年营业税省级分成", Unit = "元")]
    public Money? PreviousBusinessTaxProvincialShare { get; init; }

    [Zh("上年企业所得税省级分成", Unit = "元")]
    public Money? PreviousIncomeTaxProvincialShare { get; init; }
}

public enum FiscalIncreaseBasis
{
    [Zh("分税种计算")] PerTax = 1,
    [Zh("三税合计计算")] Sum = 2,
}

/// <summary>Each tax's change (negative when it fell), their sum, the basis used, the increase counted and the reward (never negative).</summary>
public sealed record FiscalRewardFinding(
    int Year,
    Money VatChange,
    Money BusinessTaxChange,
    Money IncomeTaxChange,
    Money TotalChange,
    FiscalIncreaseBasis Basis,
    Money Increase,
    Money Reward);
