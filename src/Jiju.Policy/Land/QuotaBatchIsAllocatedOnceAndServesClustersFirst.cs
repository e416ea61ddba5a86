using Jiju.Domain.Common;
using Jiju.Domain.Quotas;
using Jiju.Policy.Engine;

namespace Jiju.Policy.Land;

/// <summary>
/// 第（六）条：“产业集聚区外土地整治形成的占补平衡指标重点用于产业集聚区项目建设。充分运用城乡建设用地增减挂钩政策，
/// 将土地整治节约出来的建设用地指标优先保障县域产业集聚区建设，以缓解产业集聚区用地供需矛盾。”
/// The ledger of one batch of quota, as of the decision date (movements dated later are not yet on it):
/// the batch is produced once and allocated at most once; it never allocates or uses more than was
/// produced; produced = allocated + unallocated, and used ≤ allocated. The priority: occupation-compensation
/// quota (占补平衡指标) produced outside clusters goes to cluster projects, linkage quota (增减挂钩指标) to
/// county-level clusters (县域产业集聚区); an allocation elsewhere is a violation unless the entry records that,
/// when it was made, the clusters' demand had been met (“重点用于”“优先保障” yield only then). Every violation
/// is reported with the clause it breaks.
/// </summary>
[Article(6, "产业集聚区外土地整治形成的占补平衡指标重点用于产业集聚区项目建设。充分运用城乡建设用地增减挂钩政策，将土地整治节约出来的建设用地指标优先保障县域产业集聚区建设")]
public sealed class QuotaBatchIsAllocatedOnceAndServesClustersFirst : Rule<QuotaBatchFacts, QuotaLedgerFinding>
{
    private const string CompensationClause = "产业集聚区外土地整治形成的占补平衡指标重点用于产业集聚区项目建设";
    private const string LinkageClause = "充分运用城乡建设用地增减挂钩政策，将土地整治节约出来的建设用地指标优先保障县域产业集聚区建设";
    private const string CompensationPriority = "land.quota.compensation-to-cluster-projects-first";
    private const string LinkagePriority = "land.quota.linkage-to-county-clusters-first";

    public override string Title => "用地指标台账平衡、不重复分配并优先保障集聚区";

    public override IReadOnlyList<string> ParameterIds { get; } = [CompensationPriority, LinkagePriority];

    protected override Decision<QuotaLedgerFinding> Decide(QuotaBatchFacts facts, Evaluation e)
    {
        var movements = facts.Movements.Where(m => m.On <= e.AsOf).OrderBy(m => m.On).ToList();
        if (movements.Count == 0)
        {
            return e.NotApplicable($"指标批次“{facts.Batch}”在{e.AsOf:yyyy-MM-dd}前没有台账记录");
        }

        var isLinkage = facts.Kind == QuotaKind.IncreaseDecreaseLinkage;
        var priorityId = isLinkage ? LinkagePriority : CompensationPriority;
        if (e.Flag(priorityId) is not { } priorityInForce)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的用地指标优先保障参数");
        }

        var clause = isLinkage ? LinkageClause : CompensationClause;
        var kind = FactFormatting.ZhOf(facts.Kind);
        var produced = movements.Where(m => m.Movement == QuotaMovement.Produced).ToList();
        var allocated = movements.Where(m => m.Movement == QuotaMovement.Allocated).ToList();
        var used = movements.Where(m => m.Movement == QuotaMovement.Used).ToList();
        var producedArea = Sum(produced);
        var allocatedArea = Sum(allocated);
        var usedArea = Sum(used);
        var violations = new List<QuotaLedgerViolation>();

        void Add(QuotaLedgerViolationKind k, string detail) => violations.Add(new QuotaLedgerViolation(k, clause, detail));

        if (produced.Count == 0)
        {
            Add(QuotaLedgerViolationKind.NotProduced, $"{kind}批次“{facts.Batch}”未登记产生，却有分配或使用记录");
        }
        else if (produced.Count > 1)
        {
            Add(QuotaLedgerViolationKind.ProducedTwice, $"同一批次登记产生{produced.Count}次（{Dates(produced)}），一个批次只能产生一次");
        }

        if (allocated.Count > 1)
        {
            Add(QuotaLedgerViolationKind.AllocatedTwice, $"同一批次分配{allocated.Count}次（{Dates(allocated)}），一个批次只能分配一次");
        }

        if (allocatedArea > producedArea)
        {
            Add(QuotaLedgerViolationKind.AllocatedMoreThanProduced, $"分配{Show(allocatedArea)}，超过产生的{Show(producedArea)}");
        }

        if (usedArea > allocatedArea)
        {
            Add(QuotaLedgerViolationKind.UsedMoreThanAllocated, $"使用{Show(usedArea)}，超过已分配的{Show(allocatedArea)}");
        }

        if (usedArea > producedArea)
        {
            Add(QuotaLedgerViolationKind.UsedMoreThanProduced, $"使用{Show(usedArea)}，超过产生的{Show(producedArea)}");
        }

        if (produced.Count > 0 && allocated.FirstOrDefault(a => a.On < produced[0].On) is { } early)
        {
            Add(QuotaLedgerViolationKind.OutOfOrder, $"{early.On:yyyy-MM-dd}的分配早于{produced[0].On:yyyy-MM-dd}的产生");
        }

        if (used.FirstOrDefault(u => allocated.Count == 0 || u.On < allocated[0].On) is { } unallocatedUse)
        {
            Add(QuotaLedgerViolationKind.OutOfOrder, allocated.Count == 0
                ? $"{unallocatedUse.On:yyyy-MM-dd}使用了尚未分配的指标"
                : $"{unallocatedUse.On:yyyy-MM-dd}的使用早于{allocated[0].On:yyyy-MM-dd}的分配");
        }

        var priorityChecked = PriorityBranch(facts, isLinkage, priorityInForce, out var priorityNote);
        if (priorityChecked)
        {
            foreach (var a in allocated.Where(a => !IsPriorityTarget(a, isLinkage) && !a.PriorityDemandMet))
            {
                var target = isLinkage ? "县域产业集聚区" : "产业集聚区项目";
                Add(QuotaLedgerViolationKind.PriorityPassedOver, $"{a.On:yyyy-MM-dd}分配{Show(a.Area)}给非{target}的对象，且未记载分配时{target}的用地需求已得到保障");
            }
        }

        var finding = new QuotaLedgerFinding(producedArea, allocatedArea, producedArea - allocatedArea, usedArea, allocatedArea - usedArea, violations);
        var ledger = $"产生{Show(producedArea)} = 分配{Show(allocatedArea)} + 未分配{Show(finding.Unallocated)}；使用{Show(usedArea)}";
        var branch = violations.Count == 0
            ? $"{kind}批次“{facts.Batch}”：{ledger}；{priorityNote}"
            : $"{kind}批次“{facts.Batch}”：{ledger}；{priorityNote}；违规{violations.Count}项：{string.Join("；", violations.Select(v => $"{FactFormatting.ZhOf(v.Kind)}（{v.Detail}）"))}";
        return e.Decided(
            finding,
            branch,
            violations.Count == 0
                ? (priorityChecked ? "台账平衡，未超量、未重复分配，符合优先保障要求" : "台账平衡，未超量、未重复分配")
                : $"发现{violations.Count}项违规（{string.Join("、", violations.Select(v => FactFormatting.ZhOf(v.Kind)).Distinct())}），不符合第（六）条“{clause}”的台账要求");
    }

    private static bool PriorityBranch(QuotaBatchFacts facts, bool isLinkage, bool priorityInForce, out string note)
    {
        if (!priorityInForce)
        {
            note = "优先保障参数设为否，未检查优先保障";
            return false;
        }

        if (!isLinkage && !facts.ProducedOutsideCluster)
        {
            note = "该占补平衡指标系产业集聚区内土地整治形成，不适用“重点用于产业集聚区项目建设”";
            return false;
        }

        note = isLinkage ? "增减挂钩指标应优先保障县域产业集聚区" : "集聚区外形成的占补平衡指标应重点用于产业集聚区项目";
        return true;
    }

    private static bool IsPriorityTarget(QuotaMovementFacts m, bool isLinkage) => isLinkage ? m.TargetIsCountyCluster : m.TargetIsClusterProject;

    private static Area Sum(IEnumerable<QuotaMovementFacts> movements) => movements.Aggregate(Area.Zero, (total, m) => total + m.Area);

    private static string Dates(IEnumerable<QuotaMovementFacts> movements) => string.Join("、", movements.Select(m => m.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Show(Area area) => area.ToChinese();
}

/// <summary>One batch of land quota and its movements (the domain's QuotaLedgerEntry rows of one batch).</summary>
public sealed class QuotaBatchFacts
{
    [Zh("指标类型")]
    public required QuotaKind Kind { get; init; }

    [Zh("指标批次编号")]
    public required string Batch { get; init; }

    [Zh("在产业集聚区外整治形成")]
    public required bool ProducedOutsideCluster { get; init; }

    [Zh("台账变动")]
    public IReadOnlyList<QuotaMovementFacts> Movements { get; init; } = [];
}

/// <summary>A movement of a batch: produced, allocated or used, with its area, date and target.</summary>
public sealed class QuotaMovementFacts
{
    [Zh("变动类型")]
    public required QuotaMovement Movement { get; init; }

    [Zh("面积", Unit = "平方米")]
    public required Area Area { get; init; }

    [Zh("日期")]
    public required DateOnly On { get; init; }

    [Zh("使用对象为产业集聚区项目")]
    public bool TargetIsClusterProject { get; init; }

    [Zh("使用对象为县域产业集聚区")]
    public bool TargetIsCountyCluster { get; init; }

    [Zh("分配时集聚区用地需求已得到保障")]
    public bool PriorityDemandMet { get; init; }
}

public enum QuotaLedgerViolationKind
{
    [Zh("未登记产生")] NotProduced = 1,
    [Zh("重复产生")] ProducedTwice = 2,
    [Zh("重复分配")] AllocatedTwice = 3,
    [Zh("分配超过产生")] AllocatedMoreThanProduced = 4,
    [Zh("使用超过分配")] UsedMoreThanAllocated = 5,
    [Zh("使用超过产生")] UsedMoreThanProduced = 6,
    [Zh("顺序颠倒")] OutOfOrder = 7,
    [Zh("未优先保障集聚区")] PriorityPassedOver = 8,
}

public sealed record QuotaLedgerViolation(QuotaLedgerViolationKind Kind, string Clause, string Detail);

/// <summary>The batch's ledger as of the decision date, and its violations (Kinds lists them by name, in the order found).</summary>
public sealed record QuotaLedgerFinding(Area Produced, Area Allocated, Area Unallocated, Area Used, Area AllocatedUnused, IReadOnlyList<QuotaLedgerViolation> Violations)
{
    /// <summary>produced = allocated + unallocated with nothing negative, and used ≤ allocated.</summary>
    public bool Balances => Unallocated >= Area.Zero && AllocatedUnused >= Area.Zero;

    public int ViolationCount => Violations.Count;

    public string Kinds => string.Join(", ", Violations.Select(v => v.Kind.ToString()));
}
