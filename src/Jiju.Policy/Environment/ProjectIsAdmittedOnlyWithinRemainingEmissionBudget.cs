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
        // Plain loops over the few pollutants: a national sweep decides this for tens of thousands of projects, and the
        // same steps written as LINQ allocated 4 KB and took five times as long per project.
        var requested = new List<(Pollutant Pollutant, decimal Tonnes)>(4);
        foreach (var p in facts.ProjectEmissions)
        {
            if (p.TonnesPerYear <= 0m)
            {
                continue;
            }

            var i = IndexOf(requested, p.Pollutant);
            if (i < 0)
            {
                requested.Add((p.Pollutant, p.TonnesPerYear));
            }
            else
            {
                requested[i] = (p.Pollutant, requested[i].Tonnes + p.TonnesPerYear);
            }
        }

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

        // In the pollutants' order, as the trace names them.
        requested.Sort((a, b) => a.Pollutant.CompareTo(b.Pollutant));
        var headroom = new List<(Pollutant Pollutant, PollutantHeadroom Headroom)>(requested.Count);
        var anyExceeded = false;
        var anyMissing = false;
        foreach (var (pollutant, tonnes) in requested)
        {
            var budget = 0m;
            var budgets = 0;
            foreach (var b in facts.Budgets)
            {
                if (b.Pollutant == pollutant)
                {
                    budget += b.Tonnes;
                    budgets++;
                }
            }

            if (budgets == 0)
            {
                headroom.Add((pollutant, new PollutantHeadroom(tonnes, null, null, null)));
                anyMissing = true;
                continue;
            }

            // The ledger as of the decision date: budget + traded in − traded out − allocated to projects + released.
            decimal tradedIn = 0m, tradedOut = 0m, allocated = 0m, released = 0m;
            foreach (var l in facts.Ledger)
            {
                if (l.On > e.AsOf || l.Pollutant != pollutant)
                {
                    continue;
                }

                switch (l.Movement)
                {
                    case EmissionMovement.TradedIn: tradedIn += l.Tonnes; break;
                    case EmissionMovement.TradedOut: tradedOut += l.Tonnes; break;
                    case EmissionMovement.AllocatedToProject: allocated += l.Tonnes; break;
                    case EmissionMovement.Released: released += l.Tonnes; break;
                }
            }

            var remaining = budget + tradedIn - tradedOut - allocated + released;
            var exceeds = Thresholds.Exceeds(tonnes, remaining);
            anyExceeded |= exceeds;
            headroom.Add((pollutant, new PollutantHeadroom(tonnes, budget, remaining, exceeds)));
        }

        var finding = new EmissionAdmissionFinding(
            !anyExceeded,
            Of(headroom, Pollutant.Cod),
            Of(headroom, Pollutant.AmmoniaNitrogen),
            Of(headroom, Pollutant.SulphurDioxide),
            Of(headroom, Pollutant.NitrogenOxides));
        // The trace's words, written only when the trace is: most of a sweep's projects are decided without it.
        string Branch() => string.Join("；", headroom.Select(h => Describe(h.Pollutant, h.Headroom)));
        string Named(Func<PollutantHeadroom, bool> which) => string.Join("、", headroom.Where(h => which(h.Headroom)).Select(h => FactFormatting.ZhOf(h.Pollutant)));
        if (anyExceeded)
        {
            return e.Decided(finding, $"{Branch()}", $"{Named(h => h.Exceeds is true)}排放量超过集聚区剩余排放总量，暂缓审批（可通过排污权交易取得总量指标后再行审批）");
        }

        if (anyMissing)
        {
            return e.NotApplicable($"{Branch()}；集聚区未设{Named(h => h.Budget is null)}排放总量预算，无法核对");
        }

        return e.Decided(finding, $"{Branch()}", "各项污染物排放量均未超过集聚区剩余排放总量，予以准入");
    }

    private static int IndexOf(List<(Pollutant Pollutant, decimal Tonnes)> requested, Pollutant pollutant)
    {
        for (var i = 0; i < requested.Count; i++)
        {
            if (requested[i].Pollutant == pollutant)
            {
                return i;
            }
        }

        return -1;
    }

    private static PollutantHeadroom? Of(List<(Pollutant Pollutant, PollutantHeadroom Headroom)> headroom, Pollutant pollutant)
    {
        foreach (var h in headroom)
        {
            if (h.Pollutant == pollutant)
            {
                return h.Headroom;
            }
        }

        return null;
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
