using Jiju.Domain.Common;
using Jiju.Domain.Environmental;
using Jiju.Policy.Engine;
using Jiju.Policy.Statute;

namespace Jiju.Policy.Environment;

/// <summary>
/// 第（十八）条：“开展区域环境容量研究和主要污染物排放总量预算管理……积极推进排污权交易，统筹使用环境总量指标”。
/// For each pollutant the project emits, what remains of the cluster's budget for the year is
/// budget + traded in − traded out − allocated to projects + released, counting the ledger as of the decision
/// date. The project is refused when its planned emission of any pollutant exceeds (超过) what remains; an
/// emission exactly equal to what remains is admitted (it uses the budget up, it does not overdraw it).
/// A pollutant the project emits without a budget for it cannot be checked and is named.
/// </summary>
[Article(18, "开展区域环境容量研究和主要污染物排放总量预算管理")]
public sealed class ProjectIsAdmittedOnlyWithinRemainingEmissionBudget : Rule<EmissionAdmissionFacts, EmissionAdmissionFinding>
{
    private const string BudgetControl = "environment.emission.budget-admission";

    public override string Title => "项目排放量不得超过集聚区剩余排放总量";

    public override IReadOnlyList<string> ParameterIds { get; } = [BudgetControl];

    protected override Decision<EmissionAdmissionFinding> Decide(EmissionAdmissionFacts facts, Evaluation e)
    {
        var requested = facts.ProjectEmissions
            .Where(p => p.TonnesPerYear > 0m)
            .GroupBy(p => p.Pollutant)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.TonnesPerYear));
        if (requested.Count == 0)
        {
            return e.NotApplicable("项目不排放主要污染物（化学需氧量、氨氮、二氧化硫、氮氧化物）");
        }

        if (e.Flag(BudgetControl) is not { } inForce)
        {
            return e.NotInForce($"{e.AsOf:yyyy-MM-dd} 无有效的排放总量预算管理参数");
        }

        if (!inForce)
        {
            return e.NotApplicable("排放总量预算管理参数设为否，本句不执行");
        }

        var ledger = facts.Ledger.Where(l => l.On <= e.AsOf).ToList();
        var headroom = new Dictionary<Pollutant, PollutantHeadroom>();
        foreach (var (pollutant, tonnes) in requested.OrderBy(kv => kv.Key))
        {
            var budgets = facts.Budgets.Where(b => b.Pollutant == pollutant).ToList();
            if (budgets.Count == 0)
            {
                headroom[pollutant] = new PollutantHeadroom(tonnes, null, null, null);
                continue;
            }

            decimal Moved(EmissionMovement m) => ledger.Where(l => l.Pollutant == pollutant && l.Movement == m).Sum(l => l.Tonnes);
            var budget = budgets.Sum(b => b.Tonnes);
            var remaining = budget + Moved(EmissionMovement.TradedIn) - Moved(EmissionMovement.TradedOut) - Moved(EmissionMovement.AllocatedToProject) + Moved(EmissionMovement.Released);
            headroom[pollutant] = new PollutantHeadroom(tonnes, budget, remaining, Thresholds.Exceeds(tonnes, remaining));
        }

        var finding = new EmissionAdmissionFinding(
            !headroom.Values.Any(h => h.Exceeds is true),
            headroom.GetValueOrDefault(Pollutant.Cod),
            headroom.GetValueOrDefault(Pollutant.AmmoniaNitrogen),
            headroom.GetValueOrDefault(Pollutant.SulphurDioxide),
            headroom.GetValueOrDefault(Pollutant.NitrogenOxides));
        // The trace's words, written only when the trace is: most of a sweep's projects are decided without it.
        string Branch() => string.Join("；", headroom.Select(kv => Describe(kv.Key, kv.Value)));
        var exceeded = headroom.Where(kv => kv.Value.Exceeds is true).Select(kv => FactFormatting.ZhOf(kv.Key)).ToList();
        if (exceeded.Count > 0)
        {
            return e.Decided(finding, $"{Branch()}", $"{string.Join("、", exceeded)}排放量超过集聚区剩余排放总量，暂缓审批（可通过排污权交易取得总量指标后再行审批）");
        }

        var missing = headroom.Where(kv => kv.Value.Budget is null).Select(kv => FactFormatting.ZhOf(kv.Key)).ToList();
        if (missing.Count > 0)
        {
            return e.NotApplicable($"{Branch()}；集聚区未设{string.Join("、", missing)}排放总量预算，无法核对");
        }

        return e.Decided(finding, $"{Branch()}", "各项污染物排放量均未超过集聚区剩余排放总量，予以准入");
    }

    private static string Describe(Pollutant pollutant, PollutantHeadroom h)
    {
        var name = FactFormatting.ZhOf(pollutant);
        if (h.Remaining is not { } remaining)
        {
            return $"{name}：项目{h.Requested:0.####}吨/年，集聚区无该污染物预算";
        }

        var verdict = h.Exceeds is true ? "超过剩余量" : h.Requested == remaining ? "恰等于剩余量，未超过" : "未超过剩余量";
        return $"{name}：预算{h.Budget:0.####}吨（含交易、分配、收回后剩余{remaining:0.####}吨），项目{h.Requested:0.####}吨/年，{verdict}";
    }
}

/// <summary>The project's planned emissions, and the cluster's budgets and ledger for the year.</summary>
public sealed class EmissionAdmissionFacts
{
    [Zh("项目污染物排放")]
    public IReadOnlyList<ProjectEmissionFacts> ProjectEmissions { get; init; } = [];

    [Zh("排放总量预算")]
    public IReadOnlyList<EmissionBudgetFacts> Budgets { get; init; } = [];

    [Zh("排放指标台账")]
    public IReadOnlyList<EmissionLedgerFacts> Ledger { get; init; } = [];
}

/// <summary>One pollutant: the project's request, the budget, what remains, and whether the request exceeds it (null: no budget).</summary>
public sealed record PollutantHeadroom(decimal Requested, decimal? Budget, decimal? Remaining, bool? Exceeds);

/// <summary>Admitted or not, with the headroom of each pollutant the project emits (null for those it does not).</summary>
public sealed record EmissionAdmissionFinding(bool Admitted, PollutantHeadroom? Cod, PollutantHeadroom? AmmoniaNitrogen, PollutantHeadroom? SulphurDioxide, PollutantHeadroom? NitrogenOxides);
