using Jiju.Domain.Common;
using Jiju.Domain.Industries;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Industry;

/// <summary>
/// 第（四）条：“推动产业集群初具规模的产业集聚区针对薄弱环节引进项目，弥补“短板”，加快拓展提升”；第（五）条：“加强项目
/// 谋划，根据产业链制定招商目录，为项目对接提供依据。”
/// The leading industry is modelled as a chain of segments (upstream → downstream, plus supporting services), each with
/// the GB/T 4754 codes that fill it. A segment is filled when at least one enterprise of the cluster has an industry code
/// equal to or under one of the segment's codes (an enterprise coded only at a coarser level fills nothing finer); every
/// other segment is a gap (短板). The investment-attraction catalogue (招商目录) is the gap segments, in chain order.
/// </summary>
[Article(4, "推动产业集群初具规模的产业集聚区针对薄弱环节引进项目，弥补“短板”")]
public sealed class ChainGapsAreTheInvestmentCatalogue : Rule<IndustrialChainFacts, ChainGapFinding>
{
    public override string Title => "产业链环节补齐情况与招商目录";

    public override IReadOnlyList<string> ParameterIds { get; } = ["industry.chain.gap-catalogue.in-force"];

    protected override Decision<ChainGapFinding> Decide(IndustrialChainFacts facts, Evaluation e)
    {
        if (facts.Segments.Count == 0)
        {
            return e.NotApplicable($"主导产业{facts.LeadingIndustry}尚未建立产业链环节模型，无法分析短板");
        }

        if (e.Flag("industry.chain.gap-catalogue.in-force") is not true)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 第（四）、（五）条不在施行期内");
        }

        var ordered = facts.Segments.OrderBy(s => s.Stage).ToList();
        var filled = new List<string>();
        var gaps = new List<ChainSegment>();
        var lines = new List<string>();
        foreach (var segment in ordered)
        {
            var fillers = facts.EnterpriseIndustries.Where(code => segment.Industries.Any(code.IsWithin)).Distinct().ToList();
            var label = $"{FactFormatting.ZhOf(segment.Stage)}“{segment.Name}”（{string.Join("、", segment.Industries)}）";
            if (fillers.Count > 0)
            {
                filled.Add(segment.Name);
                lines.Add($"{label}已有企业（{string.Join("、", fillers)}）");
            }
            else
            {
                gaps.Add(segment);
                lines.Add($"{label}无企业，为短板");
            }
        }

        var gapNames = string.Join("、", gaps.Select(g => g.Name));
        return e.Decided(
            new ChainGapFinding(filled, gaps.Select(g => g.Name).ToList(), gaps, filled.Count, gaps.Count, gapNames),
            $"集聚区企业行业代码{facts.EnterpriseIndustries.Count}个；" + string.Join("；", lines),
            gaps.Count == 0
                ? "产业链各环节均已有企业，无短板；招商目录可围绕延伸链条、扩大优势编制"
                : $"短板{gaps.Count}个：{gapNames}；列入招商目录，针对薄弱环节引进项目");
    }
}

public sealed class IndustrialChainFacts
{
    [Zh("主导产业代码")]
    public IndustryCode? LeadingIndustry { get; init; }

    [Zh("产业链环节")]
    public IReadOnlyList<ChainSegment> Segments { get; init; } = [];

    [Zh("集聚区企业行业代码")]
    public IReadOnlyList<IndustryCode> EnterpriseIndustries { get; init; } = [];
}

/// <summary>A segment of a leading industry's chain and the industries that fill it.</summary>
public sealed class ChainSegment
{
    [Zh("环节名称")]
    public required string Name { get; init; }

    [Zh("环节位置")]
    public required ChainStage Stage { get; init; }

    [Zh("环节行业代码")]
    public IReadOnlyList<IndustryCode> Industries { get; init; } = [];
}

public enum ChainStage
{
    [Zh("上游")] Upstream = 1,
    [Zh("中游")] Midstream = 2,
    [Zh("下游")] Downstream = 3,
    [Zh("配套服务")] Supporting = 4,
}

/// <summary>
/// Filled segments and gaps; <see cref="Catalogue"/> is the investment-attraction catalogue (the gap segments with their
/// industries). <see cref="GapNames"/> joins the gap names with “、” for reports and case files.
/// </summary>
public sealed record ChainGapFinding(
    [property: Zh("已有企业的环节")] IReadOnlyList<string> FilledSegments,
    [property: Zh("短板环节")] IReadOnlyList<string> GapSegments,
    [property: Zh("招商目录")] IReadOnlyList<ChainSegment> Catalogue,
    [property: Zh("已有企业的环节数", Unit = "个")] int FilledCount,
    [property: Zh("短板数", Unit = "个")] int GapCount,
    [property: Zh("短板（以“、”分隔）")] string GapNames);
