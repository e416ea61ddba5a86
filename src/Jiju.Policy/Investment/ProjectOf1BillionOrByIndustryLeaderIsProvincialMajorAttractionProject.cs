using Jiju.Domain.Clusters;
using Jiju.Domain.Common;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Investment;

/// <summary>
/// 第（五）条：“将产业集聚区投资10亿元以上和行业龙头企业招商项目纳入省重大招商项目管理范围，明确责任单位和责任人，切实
/// 提高成功率。”
/// A cluster project with total investment of 10亿元 or more ("以上" includes the number), or a project of an
/// industry-leading enterprise (行业龙头企业) whatever its size, is a provincial major investment-attraction project. Such a
/// project must name a responsible unit and a responsible person; the rule flags whichever is missing.
/// </summary>
[Article(5, "将产业集聚区投资10亿元以上和行业龙头企业招商项目纳入省重大招商项目管理范围，明确责任单位和责任人")]
public sealed class ProjectOf1BillionOrByIndustryLeaderIsProvincialMajorAttractionProject : Rule<MajorAttractionFacts, MajorAttractionFinding>
{
    public override string Title => "投资10亿元以上和行业龙头企业招商项目纳入省重大招商项目";

    public override IReadOnlyList<string> ParameterIds { get; } = ["investment.major-project.min-investment"];

    protected override Decision<MajorAttractionFinding> Decide(MajorAttractionFacts facts, Evaluation e)
    {
        if (facts.Cluster is null)
        {
            return e.NotApplicable("项目不在产业集聚区内，不属产业集聚区招商项目");
        }

        var min = e.Number("investment.major-project.min-investment");
        if (min is null)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的省重大招商项目投资额标准");
        }

        var threshold = new Money(min.Value);
        var bySize = Thresholds.AtLeast(facts.Investment.Yuan, min.Value);

        // The trace's words, written only when the trace is: a sweep decides every live project without it.
        string SizeText() => bySize
            ? $"总投资{facts.Investment.Yuan:#,0.00}元达到“{threshold.ToChinese()}以上”（含本数）"
            : $"总投资{facts.Investment.Yuan:#,0.00}元不足{threshold.ToChinese()}";
        string LeaderText() => facts.IndustryLeader ? "投资主体为行业龙头企业" : "投资主体不是行业龙头企业";
        if (!bySize && !facts.IndustryLeader)
        {
            return e.Decided(
                new MajorAttractionFinding(false, null, false, false),
                $"{SizeText()}，{LeaderText()}",
                "不纳入省重大招商项目");
        }

        var basis = bySize && facts.IndustryLeader ? MajorProjectBasis.Both
            : bySize ? MajorProjectBasis.Investment
            : MajorProjectBasis.IndustryLeader;
        var missingUnit = string.IsNullOrWhiteSpace(facts.ResponsibleUnit);
        var missingPerson = string.IsNullOrWhiteSpace(facts.ResponsiblePerson);
        string Missing() => missingUnit && missingPerson ? "责任单位和责任人" : missingUnit ? "责任单位" : "责任人";
        return e.Decided(
            new MajorAttractionFinding(true, basis, missingUnit, missingPerson),
            $"{SizeText()}，{LeaderText()}",
            !missingUnit && !missingPerson
                ? $"纳入省重大招商项目管理范围；责任单位：{facts.ResponsibleUnit}，责任人：{facts.ResponsiblePerson}"
                : $"纳入省重大招商项目管理范围；尚未明确{Missing()}，应予明确");
    }
}

public sealed class MajorAttractionFacts
{
    [Zh("所在集聚区代码")]
    public ClusterCode? Cluster { get; init; }

    [Zh("总投资", Unit = "元")]
    public required Money Investment { get; init; }

    [Zh("投资主体为行业龙头企业")]
    public bool IndustryLeader { get; init; }

    [Zh("责任单位")]
    public string? ResponsibleUnit { get; init; }

    [Zh("责任人")]
    public string? ResponsiblePerson { get; init; }
}

public enum MajorProjectBasis
{
    [Zh("投资额达到标准")] Investment = 1,
    [Zh("行业龙头企业招商项目")] IndustryLeader = 2,
    [Zh("投资额达到标准且为行业龙头企业项目")] Both = 3,
}

public sealed record MajorAttractionFinding(
    [property: Zh("纳入省重大招商项目")] bool IsMajorProject,
    [property: Zh("纳入依据")] MajorProjectBasis? Basis,
    [property: Zh("未明确责任单位")] bool MissingResponsibleUnit,
    [property: Zh("未明确责任人")] bool MissingResponsiblePerson);
