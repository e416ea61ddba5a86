using System.Globalization;
using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Fees;
using Jiju.Domain.Industries;
using Jiju.Domain.Projects;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Investment;

/// <summary>
/// 第（五）条：“大力推进“以商招商”，对产业集聚区内现有企业当年引进境外、省外资金实际到位在3000万美元以上（含3000万美元）
/// 或等值人民币的主导产业项目，省、市招商引资专项资金分别对入驻企业和引资企业给予奖励。”
/// Only funds from abroad (境外) or outside the province (省外) that are actually in place in the one year asked about, and
/// by the decision date, count; funds of other years do not add up ("当年"). Each tranche is converted to US dollars at the
/// exchange rate in force on the day it was in place (the latest rate effective on or before that day): a yuan tranche at
/// the dollar rate, another currency through its yuan rate and the dollar rate of the same day. The exact sum is compared
/// with USD 30,000,000, inclusive; the dollars shown are cut to the cent. When it is reached, both the enterprise that
/// enters (入驻企业) and the enterprise that brought it in (引资企业) are eligible for rewards from the provincial and the
/// city funds; the amounts are assumption parameters.
/// </summary>
[Article(5, "对产业集聚区内现有企业当年引进境外、省外资金实际到位在3000万美元以上（含3000万美元）或等值人民币的主导产业项目，省、市招商引资专项资金分别对入驻企业和引资企业给予奖励")]
public sealed class FundsOf30MillionDollarsIntroducedByClusterEnterpriseAreRewarded : Rule<IntroducedInvestmentFacts, IntroducedInvestmentFinding>
{
    public override string Title => "以商招商：当年引进境外、省外资金到位3000万美元以上的奖励";

    public override IReadOnlyList<string> ParameterIds { get; } =
    [
        "investment.yishang.min-funds",
        "investment.yishang.reward.province-new-enterprise",
        "investment.yishang.reward.province-introducer",
        "investment.yishang.reward.city-new-enterprise",
        "investment.yishang.reward.city-introducer",
    ];

    protected override Decision<IntroducedInvestmentFinding> Decide(IntroducedInvestmentFacts facts, Evaluation e)
    {
        if (facts.Cluster is null)
        {
            return e.NotApplicable("项目不在产业集聚区内");
        }

        if (facts.IntroducedBy is null || !facts.IntroducerInCluster)
        {
            return e.NotApplicable(facts.IntroducedBy is null
                ? "项目不是由企业引进的，不属“以商招商”"
                : $"引资企业{facts.IntroducedBy}不是产业集聚区内现有企业，不属“以商招商”");
        }

        var min = e.Number("investment.yishang.min-funds");
        var provinceNew = e.Number("investment.yishang.reward.province-new-enterprise");
        var provinceIntroducer = e.Number("investment.yishang.reward.province-introducer");
        var cityNew = e.Number("investment.yishang.reward.city-new-enterprise");
        var cityIntroducer = e.Number("investment.yishang.reward.city-introducer");
        if (min is null || provinceNew is null || provinceIntroducer is null || cityNew is null || cityIntroducer is null)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的以商招商奖励参数");
        }

        var duplicate = facts.ExchangeRates
            .GroupBy(r => (r.Currency, r.EffectiveOn))
            .FirstOrDefault(g => g.Select(r => r.YuanPerUnit).Distinct().Count() > 1);
        if (duplicate is not null)
        {
            return e.NotApplicable($"{duplicate.Key.Currency} 自{duplicate.Key.EffectiveOn:yyyy-MM-dd}起有两个不同的汇率，无法确定折算汇率，请先更正汇率表");
        }

        var lines = new List<string>();
        var conversions = new List<FundConversion>();
        var missing = new List<string>();
        foreach (var funding in facts.Fundings.OrderBy(f => f.InPlaceOn))
        {
            var tranche = $"{funding.InPlaceOn:yyyy-MM-dd} {FactFormatting.ZhOf(funding.Origin)} {funding.Currency} {funding.Amount:#,0.00}";
            if (funding.InPlaceOn.Year != facts.Year)
            {
                lines.Add($"{tranche}：不在{facts.Year}年度到位，不计入（“当年”）");
                continue;
            }

            if (funding.InPlaceOn > e.AsOf)
            {
                lines.Add($"{tranche}：判断日尚未到位，不计入");
                continue;
            }

            if (funding.Origin == FundOrigin.InsideProvince)
            {
                lines.Add($"{tranche}：省内资金，不计入（只计境外、省外资金）");
                continue;
            }

            var conversion = Convert(funding, facts.ExchangeRates);
            if (conversion is null)
            {
                missing.Add($"{funding.InPlaceOn:yyyy-MM-dd}到位的{funding.Currency}资金缺少当日有效的{(funding.Currency.IsCny ? "美元" : $"{funding.Currency}或美元")}汇率");
                continue;
            }

            conversions.Add(conversion);
            lines.Add($"{tranche}：{conversion.Explain()}");
        }

        if (missing.Count > 0)
        {
            return e.NotApplicable("无法折算：" + string.Join("；", missing));
        }

        var threshold = min.Value;
        var total = conversions.Sum(c => c.Usd);
        var shown = FundConversion.ToCent(total);
        var rates = RatesUsed(conversions);
        var summary = $"{facts.Year}年境外、省外资金实际到位合计折合{shown:#,0.00}美元（{rates}）";
        if (!facts.Industry.IsWithin(facts.LeadingIndustry))
        {
            return e.Decided(
                new IntroducedInvestmentFinding(false, shown, rates, null, null, null, null, conversions),
                string.Join("；", lines.Append(summary).Append($"项目行业{facts.Industry}不属集聚区主导产业{facts.LeadingIndustry}")),
                "不属主导产业项目，不予以商招商奖励");
        }

        if (!Thresholds.AtLeast(total, threshold))
        {
            return e.Decided(
                new IntroducedInvestmentFinding(false, shown, rates, null, null, null, null, conversions),
                string.Join("；", lines.Append(summary + $"，不足{threshold:#,0}美元")),
                "未达到“3000万美元以上（含3000万美元）或等值人民币”，不予以商招商奖励");
        }

        var pn = new Money(provinceNew.Value).RoundToFen();
        var cn = new Money(cityNew.Value).RoundToFen();
        var pi = new Money(provinceIntroducer.Value).RoundToFen();
        var ci = new Money(cityIntroducer.Value).RoundToFen();
        return e.Decided(
            new IntroducedInvestmentFinding(true, shown, rates, pn, cn, pi, ci, conversions),
            string.Join("；", lines.Append(summary + $"，达到{threshold:#,0}美元以上（含本数）")),
            $"入驻企业和引资企业均可获奖励：省招商引资专项资金奖励入驻企业{pn.Yuan:#,0.00}元、引资企业{pi.Yuan:#,0.00}元；"
                + $"市招商引资专项资金奖励入驻企业{cn.Yuan:#,0.00}元、引资企业{ci.Yuan:#,0.00}元");
    }

    private static FundConversion? Convert(FundingFacts funding, IReadOnlyList<ExchangeRateFacts> rates)
    {
        if (funding.Currency == CurrencyCode.Usd)
        {
            return new FundConversion(funding.InPlaceOn, funding.Origin, funding.Currency, funding.Amount, null, null, funding.Amount);
        }

        var dollar = RateOn(rates, CurrencyCode.Usd, funding.InPlaceOn);
        if (dollar is null)
        {
            return null;
        }

        if (funding.Currency.IsCny)
        {
            return new FundConversion(funding.InPlaceOn, funding.Origin, funding.Currency, funding.Amount, null, dollar, funding.Amount / dollar.YuanPerUnit);
        }

        var own = RateOn(rates, funding.Currency, funding.InPlaceOn);
        return own is null
            ? null
            : new FundConversion(funding.InPlaceOn, funding.Origin, funding.Currency, funding.Amount, own, dollar, funding.Amount * own.YuanPerUnit / dollar.YuanPerUnit);
    }

    /// <summary>The rate in force on <paramref name="day"/>: the latest one effective on or before it.</summary>
    private static ExchangeRateFacts? RateOn(IReadOnlyList<ExchangeRateFacts> rates, CurrencyCode currency, DateOnly day) =>
        rates.Where(r => r.Currency == currency && r.EffectiveOn <= day).MaxBy(r => r.EffectiveOn);

    private static string RatesUsed(IEnumerable<FundConversion> conversions)
    {
        var used = conversions
            .SelectMany(c => new[] { c.CurrencyRate, c.DollarRate })
            .OfType<ExchangeRateFacts>()
            .Distinct()
            .OrderBy(r => r.Currency.Value, StringComparer.Ordinal)
            .ThenBy(r => r.EffectiveOn)
            .Select(FundConversion.Describe)
            .ToList();
        return used.Count == 0 ? "均为美元，未折算" : "折算汇率：" + string.Join("；", used);
    }
}

public sealed class IntroducedInvestmentFacts
{
    [Zh("所在集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("行业代码")]
    public required IndustryCode Industry { get; init; }

    [Zh("集聚区主导产业代码")]
    public required IndustryCode LeadingIndustry { get; init; }

    [Zh("引资企业统一社会信用代码")]
    public UnifiedSocialCreditCode? IntroducedBy { get; init; }

    [Zh("引资企业为集聚区内现有企业")]
    public bool IntroducerInCluster { get; init; }

    [Zh("年度")]
    public required int Year { get; init; }

    [Zh("到位资金")]
    public IReadOnlyList<FundingFacts> Fundings { get; init; } = [];

    [Zh("汇率")]
    public IReadOnlyList<ExchangeRateFacts> ExchangeRates { get; init; } = [];
}

/// <summary>One tranche of funds actually in place (as <see cref="ProjectFunding"/> records it).</summary>
public sealed class FundingFacts
{
    [Zh("资金来源")]
    public required FundOrigin Origin { get; init; }

    [Zh("币种")]
    public required CurrencyCode Currency { get; init; }

    [Zh("到位金额", Unit = "原币")]
    public required decimal Amount { get; init; }

    [Zh("到位日期")]
    public required DateOnly InPlaceOn { get; init; }
}

/// <summary>A dated exchange rate (as <see cref="ExchangeRate"/> records it): yuan per unit from a date on.</summary>
public sealed record ExchangeRateFacts
{
    [Zh("币种")]
    public required CurrencyCode Currency { get; init; }

    [Zh("生效日期")]
    public required DateOnly EffectiveOn { get; init; }

    [Zh("人民币元/单位外币")]
    public required decimal YuanPerUnit { get; init; }
}

/// <summary>A tranche converted to US dollars, with the rates used (null where none was needed).</summary>
public sealed record FundConversion(
    [property: Zh("到位日期")] DateOnly InPlaceOn,
    [property: Zh("资金来源")] FundOrigin Origin,
    [property: Zh("币种")] CurrencyCode Currency,
    [property: Zh("到位金额", Unit = "原币")] decimal Amount,
    [property: Zh("该币种汇率")] ExchangeRateFacts? CurrencyRate,
    [property: Zh("美元汇率")] ExchangeRateFacts? DollarRate,
    [property: Zh("折合美元", Unit = "美元")] decimal Usd)
{
    /// <summary>
    /// Dollars shown to the cent, cut rather than rounded: the threshold has whole cents, so a sum below it is never shown
    /// as reaching it (29,999,999.998 is shown 29,999,999.99). The decision compares the exact sum.
    /// </summary>
    public static decimal ToCent(decimal usd) => Math.Round(usd, 2, MidpointRounding.ToZero);

    public static string Describe(ExchangeRateFacts rate) =>
        string.Create(CultureInfo.InvariantCulture, $"1 {rate.Currency} = {rate.YuanPerUnit} 元（{rate.EffectiveOn:yyyy-MM-dd}起）");

    public string Explain()
    {
        var usd = ToCent(Usd);
        return (CurrencyRate, DollarRate) switch
        {
            (null, null) => string.Create(CultureInfo.InvariantCulture, $"计{usd:#,0.00}美元"),
            (null, { } d) => string.Create(CultureInfo.InvariantCulture, $"按到位日有效汇率 {Describe(d)} 折合{usd:#,0.00}美元"),
            ({ } c, { } d) => string.Create(CultureInfo.InvariantCulture, $"按到位日有效汇率 {Describe(c)}、{Describe(d)} 折合{usd:#,0.00}美元"),
            _ => string.Empty,
        };
    }
}

public sealed record IntroducedInvestmentFinding(
    [property: Zh("可获奖励")] bool Eligible,
    [property: Zh("当年境外、省外资金实际到位折合", Unit = "美元")] decimal FundsInPlaceUsd,
    [property: Zh("折算汇率")] string RatesUsed,
    [property: Zh("省对入驻企业的奖励", Unit = "元")] Money? ProvinceRewardToNewEnterprise,
    [property: Zh("市对入驻企业的奖励", Unit = "元")] Money? CityRewardToNewEnterprise,
    [property: Zh("省对引资企业的奖励", Unit = "元")] Money? ProvinceRewardToIntroducer,
    [property: Zh("市对引资企业的奖励", Unit = "元")] Money? CityRewardToIntroducer,
    [property: Zh("逐笔折算")] IReadOnlyList<FundConversion> Conversions);
