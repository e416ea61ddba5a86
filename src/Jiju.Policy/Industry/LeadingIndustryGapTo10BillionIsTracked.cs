using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Industry;

/// <summary>
/// 第（三）条：“各产业集聚区要按照竞争力最强、成长性最好、关联度最高的要求，细分行业领域，突出发展一个百亿元以上的特色
/// 主导产业。”
/// The target is a leading industry with 100亿元 or more of annual revenue (主营业务收入; "以上" includes the number). The
/// rule reports the target, how far the year's leading-industry revenue is below it (never negative) and whether it is reached.
/// </summary>
[Article(3, "突出发展一个百亿元以上的特色主导产业")]
public sealed class LeadingIndustryGapTo10BillionIsTracked : Rule<LeadingIndustryRevenueFacts, LeadingIndustryGap>
{
    public override string Title => "主导产业距百亿元目标的差距";

    public override IReadOnlyList<string> ParameterIds { get; } = ["industry.leading.target-revenue"];

    protected override Decision<LeadingIndustryGap> Decide(LeadingIndustryRevenueFacts facts, Evaluation e)
    {
        if (facts.Status != ClusterStatus.Cluster)
        {
            return e.NotApplicable($"该单位现为“{FactFormatting.ZhOf(facts.Status)}”，百亿元主导产业目标只针对产业集聚区");
        }

        var target = e.Number("industry.leading.target-revenue");
        if (target is null)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的主导产业规模目标");
        }

        var goal = new Money(target.Value);
        var revenue = facts.LeadingIndustryRevenue;
        if (Thresholds.AtLeast(revenue.Yuan, target.Value))
        {
            return e.Decided(
                new LeadingIndustryGap(goal, Money.Zero, true),
                $"{facts.Year}年主导产业主营业务收入{revenue.Yuan:#,0.00}元，达到“{goal.ToChinese()}以上”（含本数）",
                "已形成百亿元以上的特色主导产业，差距为0");
        }

        var gap = goal - revenue;
        return e.Decided(
            new LeadingIndustryGap(goal, gap, false),
            $"{facts.Year}年主导产业主营业务收入{revenue.Yuan:#,0.00}元，不足{goal.ToChinese()}",
            $"距百亿元目标还差{gap.Yuan:#,0.00}元（{gap.ToChinese()}）");
    }
}

public sealed class LeadingIndustryRevenueFacts
{
    [Zh("状态")]
    public ClusterStatus Status { get; init; } = ClusterStatus.Cluster;

    [Zh("年度")]
    public required int Year { get; init; }

    [Zh("主导产业主营业务收入", Unit = "元")]
    public required Money LeadingIndustryRevenue { get; init; }
}

public sealed record LeadingIndustryGap(
    [property: Zh("目标", Unit = "元")] Money Target,
    [property: Zh("差距", Unit = "元")] Money Gap,
    [property: Zh("已达到目标")] bool Reached);
