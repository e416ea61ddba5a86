using Jiju.Domain.Common;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Land;

/// <summary>
/// 第（八）条：“严格项目用地预审和评估制度，未经土地预审和评估的项目不得报批用地。”
/// A project that asks for land (a site area above zero) may be submitted for land approval only when it has
/// passed both the land pre-review (预审) and the evaluation (评估); each missing one is named.
/// </summary>
[Article(8, "严格项目用地预审和评估制度，未经土地预审和评估的项目不得报批用地")]
public sealed class LandIsNotApprovedWithoutPreReviewAndEvaluation : Rule<LandApprovalFacts, LandApprovalFinding>
{
    private const string Required = "land.approval.pre-review-and-evaluation-required";

    public override string Title => "未经土地预审和评估不得报批用地";

    public override IReadOnlyList<string> ParameterIds { get; } = [Required];

    protected override Decision<LandApprovalFinding> Decide(LandApprovalFacts facts, Evaluation e)
    {
        if (facts.SiteArea is not { } site || site <= Area.Zero)
        {
            return e.NotApplicable("项目未申请用地，不涉及报批用地");
        }

        if (e.Flag(Required) is not { } inForce)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的用地预审和评估参数");
        }

        if (!inForce)
        {
            return e.NotApplicable("用地预审和评估参数设为否，本句不执行");
        }

        var missing = new List<string>();
        if (!facts.LandPreReviewed)
        {
            missing.Add("土地预审");
        }

        if (!facts.LandEvaluated)
        {
            missing.Add("土地评估");
        }

        var finding = new LandApprovalFinding(missing.Count == 0, string.Join("、", missing));
        return missing.Count == 0
            ? e.Decided(finding, $"项目申请用地{site.ToChinese()}，已通过土地预审和评估", "可以报批用地")
            : e.Decided(finding, $"项目申请用地{site.ToChinese()}，未经{finding.Missing}", $"未经{finding.Missing}，不得报批用地");
    }
}

public sealed class LandApprovalFacts
{
    [Zh("用地面积", Unit = "平方米")]
    public Area? SiteArea { get; init; }

    [Zh("已通过用地预审")]
    public bool LandPreReviewed { get; init; }

    [Zh("已通过用地评估")]
    public bool LandEvaluated { get; init; }
}

/// <summary>Whether the project may be submitted, and what it still lacks (土地预审、土地评估; empty when nothing).</summary>
public sealed record LandApprovalFinding(bool MaySubmit, string Missing);
