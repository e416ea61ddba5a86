using Jiju.Domain.Common;
using Jiju.Domain.Relocation;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Relocation;

/// <summary>
/// 第（二十四）条：“力争2013年年底前全部完成产业集聚区内村庄迁并工作。”
/// The deadline is the last day of 2013, included (a period ends at 24:00 of its last day, Civil Code art. 203).
/// A village completed on or before it is on time; completed after it, late. A village not completed by the
/// decision date is late once the deadline has passed, and before that is still in progress, not late. A completion
/// dated after the decision date is not yet a completion. Villages the plan retains are not relocated.
/// </summary>
[Article(24, "力争2013年年底前全部完成产业集聚区内村庄迁并工作")]
public sealed class VillageRelocationIsLateAfterEndOf2013 : Rule<VillageRelocationFacts, VillageRelocationFinding>
{
    private const string Deadline = "relocation.village.deadline";

    public override string Title => "村庄迁并逾期提示";

    public override IReadOnlyList<string> ParameterIds { get; } = [Deadline];

    protected override Decision<VillageRelocationFinding> Decide(VillageRelocationFacts facts, Evaluation e)
    {
        if (facts.RetainedByPlan)
        {
            return e.NotApplicable("村庄按规划保留，不在迁并之列");
        }

        if (facts.Status == RelocationStatus.Completed && facts.CompletedOn is null)
        {
            return e.NotApplicable("迁并状态为已完成但缺少完成日期，请补填后判断");
        }

        if (e.Date(Deadline) is not { } deadline)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的村庄迁并期限参数");
        }

        if (facts.Status == RelocationStatus.Completed && facts.CompletedOn is { } done && done <= e.AsOf)
        {
            return done <= deadline
                ? e.Decided(new VillageRelocationFinding(RelocationTimeliness.OnTime, 0), $"{done:yyyy-MM-dd}完成迁并，在{deadline:yyyy-MM-dd}之前（含当日）", "按期完成")
                : e.Decided(new VillageRelocationFinding(RelocationTimeliness.CompletedLate, done.DayNumber - deadline.DayNumber), $"{done:yyyy-MM-dd}完成迁并，晚于期限{deadline:yyyy-MM-dd}", $"逾期{done.DayNumber - deadline.DayNumber}天完成");
        }

        var status = FactFormatting.ZhOf(facts.Status == RelocationStatus.Completed ? RelocationStatus.InProgress : facts.Status);
        return e.AsOf <= deadline
            ? e.Decided(new VillageRelocationFinding(RelocationTimeliness.InProgress, 0), $"截至{e.AsOf:yyyy-MM-dd}尚未完成（{status}），期限{deadline:yyyy-MM-dd}未到", "尚在推进，未逾期")
            : e.Decided(new VillageRelocationFinding(RelocationTimeliness.Late, e.AsOf.DayNumber - deadline.DayNumber), $"截至{e.AsOf:yyyy-MM-dd}尚未完成（{status}），已过期限{deadline:yyyy-MM-dd}", $"逾期未完成，已逾期{e.AsOf.DayNumber - deadline.DayNumber}天");
    }
}

/// <summary>A village inside a cluster, as the Village record holds it.</summary>
public sealed class VillageRelocationFacts
{
    [Zh("迁并状态")]
    public required RelocationStatus Status { get; init; }

    [Zh("完成日期")]
    public DateOnly? CompletedOn { get; init; }

    [Zh("规划保留村庄")]
    public bool RetainedByPlan { get; init; }
}

public enum RelocationTimeliness
{
    [Zh("按期完成")] OnTime = 1,
    [Zh("逾期完成")] CompletedLate = 2,
    [Zh("尚在推进，未逾期")] InProgress = 3,
    [Zh("逾期未完成")] Late = 4,
}

/// <summary>The village's standing and the days past the deadline (0 when none).</summary>
public sealed record VillageRelocationFinding(RelocationTimeliness Status, int DaysLate);
