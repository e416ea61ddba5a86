using System.Globalization;
using System.Runtime.CompilerServices;
using Jiju.Data;
using Jiju.Domain.Clusters;
using Jiju.Domain.Divisions;
using Jiju.Domain.Environmental;
using Jiju.Domain.Finance;
using Jiju.Domain.Quotas;
using Jiju.Policy.Engine;
using Jiju.Policy.Environment;
using Jiju.Policy.Finance;
using Jiju.Policy.Industry;
using Jiju.Policy.Land;
using Jiju.Policy.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Sweep;

/// <summary>
/// Art. 3: each cluster-year's leading-industry revenue (latest correction of the year) against the 100亿 target.
/// The cluster's status is its status today: the data keep no history of it. Every decided cluster-year is recorded,
/// as "Gap" (below the target; the trace gives the gap) or "Reached".
/// </summary>
internal sealed class LeadingIndustryGapAdapter : IRuleAdapter
{
    public string RuleId => nameof(LeadingIndustryGapTo10BillionIsTracked);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var status = (await db.Clusters.AsNoTracking().Select(c => new { c.Code, c.Status }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Code.Value, c => c.Status, StringComparer.Ordinal);
        var statistics = await LatestStatistics.OfAsync(db, asOf, cancellationToken);
        foreach (var year in statistics.Years)
        {
            foreach (var s in statistics.Of(year))
            {
                yield return new Subject("年度主导产业", ClusterYears.Key(s.Cluster, year), s.Cluster.County, s.Cluster, new LeadingIndustryRevenueFacts
                {
                    Status = status.GetValueOrDefault(s.Cluster.Value, ClusterStatus.Cluster),
                    Year = year,
                    LeadingIndustryRevenue = s.LeadingIndustryRevenue,
                });
            }
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is LeadingIndustryGap g ? (g.Reached ? "Reached" : "Gap") : null;
}

/// <summary>
/// Art. 6: each batch of land quota — one subject per (kind, batch) — with its ledger movements up to the date.
/// The ledger has no column for three facts, derived here:
/// <list type="bullet">
/// <item>Produced outside clusters: the batch's produced entries name their source consolidation project; it is outside
/// when every such project, found by name in the consolidation library of the entry's county, has no cluster. A source
/// not found in the library (or found inside a cluster) is not shown to be outside, so the "重点用于产业集聚区项目"
/// clause is not checked against the batch — the ledger-balance clauses still are.</item>
/// <item>The target of an allocation or use: the cluster of its target project when it names one (the project's own
/// cluster), else its target cluster. A target cluster serves "产业集聚区项目建设"; it is "县域产业集聚区" when its
/// county-level unit is a county, county-level city or province-administered city (not a city district).</item>
/// <item>"Demand already met" (集聚区用地需求已得到保障): the ledger does not record it, so it is taken as not recorded
/// — which is what the rule asks: a priority may be passed over only when the entry records it.</item>
/// </list>
/// A batch with any violation is a finding, coded by the first violation found (the trace lists them all).
/// </summary>
internal sealed class QuotaBatchAdapter : IRuleAdapter
{
    public string RuleId => nameof(QuotaBatchIsAllocatedOnceAndServesClustersFirst);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        db.EnsureDivisionsLoaded();
        var entries = await db.QuotaLedger.AsNoTracking().Where(q => q.On <= asOf).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            yield break;
        }

        var library = (await db.LandConsolidationProjects.AsNoTracking().Select(p => new { p.County, p.Name, p.Cluster }).ToListAsync(cancellationToken))
            .ToLookup(p => (p.County.Value, p.Name));
        var projectCluster = entries.Any(e => e.TargetProject is not null)
            ? (await db.Projects.AsNoTracking().Select(p => new { p.Code, p.Cluster }).ToListAsync(cancellationToken))
                .ToDictionary(p => p.Code.Value, p => p.Cluster, StringComparer.Ordinal)
            : [];

        ClusterCode? TargetOf(QuotaLedgerEntry e) =>
            e.TargetProject is { } p && projectCluster.TryGetValue(p.Value, out var c) ? c : e.TargetCluster;

        bool InCountyDomain(ClusterCode cluster) =>
            db.DivisionDirectory.Find(cluster.County)?.Kind is DivisionKind.County or DivisionKind.CountyCity or DivisionKind.ProvinceAdministeredCity;

        bool SourceOutsideClusters(QuotaLedgerEntry produced) =>
            produced.SourceProject is { } name
            && library[(produced.County.Value, name.Trim())].ToList() is { Count: > 0 } sources
            && sources.All(s => s.Cluster is null);

        foreach (var batch in entries.GroupBy(e => (e.Kind, e.Batch)).OrderBy(g => g.Key.Batch, StringComparer.Ordinal).ThenBy(g => g.Key.Kind))
        {
            var produced = batch.Where(e => e.Movement == QuotaMovement.Produced).ToList();
            var owner = produced.FirstOrDefault() ?? batch.OrderBy(e => e.On).First();
            var label = batch.Key.Kind == QuotaKind.IncreaseDecreaseLinkage ? "增减挂钩指标" : "占补平衡指标";
            yield return new Subject("用地指标批次", $"{batch.Key.Batch}（{label}）", owner.County, null, new QuotaBatchFacts
            {
                Kind = batch.Key.Kind,
                Batch = batch.Key.Batch,
                ProducedOutsideCluster = produced.Count > 0 && produced.All(SourceOutsideClusters),
                Movements = batch.OrderBy(e => e.On).ThenBy(e => e.Id).Select(e =>
                {
                    var target = TargetOf(e);
                    return new QuotaMovementFacts
                    {
                        Movement = e.Movement,
                        Area = e.Area,
                        On = e.On,
                        TargetIsClusterProject = target is not null,
                        TargetIsCountyCluster = target is { } t && InCountyDomain(t),
                        PriorityDemandMet = false,
                    };
                }).ToList(),
            });
        }
    }

    public string? Kind(DecisionResult decision) =>
        decision.Value is QuotaLedgerFinding { Violations: [var first, ..] } ? first.Kind.ToString() : null;
}

/// <summary>
/// Art. 8: each cluster's land figures in its most recent full year whose statistics had been submitted by the
/// date (latest correction known then): on 2015-12-31 that is 2014, since 2015's figures come in 2016. Land
/// supplied ÷ ready for supply and illegal land use ÷ total land come straight from the statistics columns.
/// </summary>
internal sealed class LandSupervisionAdapter : IRuleAdapter
{
    public string RuleId => nameof(LowSupplyRateOrSeriousIllegalUseSuspendsLandApprovals);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lastFull = asOf.AddDays(1).Year - 1;
        var statistics = await LatestStatistics.OfAsync(db, asOf, cancellationToken);
        var latest = statistics.Of(lastFull).ToDictionary(s => s.Cluster.Value, StringComparer.Ordinal);
        foreach (var earlier in statistics.Of(lastFull - 1))
        {
            latest.TryAdd(earlier.Cluster.Value, earlier);
        }

        foreach (var s in latest.Values.OrderBy(s => s.Cluster.Value, StringComparer.Ordinal))
        {
            var year = s.Year;
            yield return new Subject("集聚区用地", ClusterYears.Key(s.Cluster, year), s.Cluster.County, s.Cluster, new LandSupervisionFacts
            {
                Year = year,
                TotalLand = s.TotalLand,
                LandReadyForSupply = s.LandReadyForSupply,
                LandSupplied = s.LandSupplied,
                IllegalLandUse = s.IllegalLandUse,
            });
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value switch
    {
        LandSupervisionFinding { SupplyRateLow: true, IllegalUseSerious: true } => "LowSupplyAndIllegalUse",
        LandSupervisionFinding { SupplyRateLow: true } => "LowSupplyRate",
        LandSupervisionFinding { IllegalUseSerious: true } => "SeriousIllegalUse",
        _ => null,
    };
}

/// <summary>
/// Art. 11: bank construction-project loans of cluster financing platforms drawn by the date, with the interest paid
/// as the instrument records it (当年支付利息). The cluster is the platform's. A loan whose interest paid is not
/// recorded is left out: there is nothing to compute the subsidy on.
/// </summary>
internal sealed class LoanInterestAdapter : IRuleAdapter
{
    public string RuleId => nameof(InfrastructureLoanInterestIsSubsidised);

    public IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken) =>
        Financing.Instruments(db, asOf, [InstrumentKind.BankConstructionLoan], (i, cluster) => i.InterestPaid is { } interest
            ? new InfrastructureLoanFacts { IssuedOn = i.IssuedOn, Cluster = cluster, Kind = i.Kind, ForInfrastructure = i.ForInfrastructure, Amount = i.Amount, InterestPaid = interest }
            : null, cancellationToken);

    public string? Kind(DecisionResult decision) => decision.Value is SubsidyAmount { Subsidy.Yuan: > 0 } ? "Subsidy" : null;

    public Domain.Common.Money? Amount(DecisionResult decision) => (decision.Value as SubsidyAmount)?.Subsidy;
}

/// <summary>
/// Art. 11: debt instruments issued by cluster financing platforms by the date, with their issuance fee. The data have no
/// column for the market of issue. 短期融资券、中期票据 and their 集合 forms are non-financial-enterprise debt-financing
/// instruments registered with NAFMII, which are issued only in the interbank bond market, so for them it is true by their
/// kind. An 企业债券 may be issued on the exchanges as well and its market is not recorded, so enterprise bonds are left
/// out, as are instruments whose issuance fee is not recorded.
/// </summary>
internal sealed class IssuanceFeeAdapter : IRuleAdapter
{
    public string RuleId => nameof(DebtInstrumentIssuanceFeeIsSubsidised);

    public IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken) =>
        Financing.Instruments(
            db,
            asOf,
            [InstrumentKind.ShortTermFinancingBill, InstrumentKind.MediumTermNote, InstrumentKind.CollectiveShortTermBill, InstrumentKind.CollectiveMediumTermNote],
            (i, _) => i.IssuanceFee is { } fee ? new DebtIssuanceFacts { IssuedOn = i.IssuedOn, Kind = i.Kind, InterbankMarket = true, Amount = i.Amount, IssuanceFee = fee } : null,
            cancellationToken);

    public string? Kind(DecisionResult decision) => decision.Value is SubsidyAmount { Subsidy.Yuan: > 0 } ? "Subsidy" : null;

    public Domain.Common.Money? Amount(DecisionResult decision) => (decision.Value as SubsidyAmount)?.Subsidy;
}

/// <summary>
/// Art. 11: equity investment funds set up by cluster financing platforms by the date; the funds raised are the
/// instrument's amount, the partner and whether it is a large financial institution are its own columns. The data have
/// no column for "共同筹集政府投资项目资金": it is taken from <see cref="FinancingInstrument.ForInfrastructure"/> — the
/// infrastructure a cluster's platform finances is the government's investment in the cluster — and a fund not marked
/// for infrastructure is not shown to serve government investment projects.
/// </summary>
internal sealed class EquityFundAdapter : IRuleAdapter
{
    public string RuleId => nameof(EquityFundWithLargeInstitutionIsSubsidised);

    public IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken) =>
        Financing.Instruments(db, asOf, [InstrumentKind.EquityInvestmentFund], (i, _) => new EquityFundFacts
        {
            IssuedOn = i.IssuedOn,
            Kind = i.Kind,
            Counterparty = i.Counterparty,
            LargeFinancialInstitution = i.LargeFinancialInstitution,
            ForGovernmentInvestmentProjects = i.ForInfrastructure,
            Amount = i.Amount,
        }, cancellationToken);

    public string? Kind(DecisionResult decision) => decision.Value is SubsidyAmount { Subsidy.Yuan: > 0 } ? "Subsidy" : null;

    public Domain.Common.Money? Amount(DecisionResult decision) => (decision.Value as SubsidyAmount)?.Subsidy;
}

/// <summary>Art. 13: each training base's figures for each year up to the date's year, keyed county/name/year (bases have no code).</summary>
internal sealed class TrainingBaseAdapter : IRuleAdapter
{
    public string RuleId => nameof(TrainingBaseOfScaleAndResultsIsSubsidised);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var t in db.TrainingBases.AsNoTracking().Where(t => t.Year <= asOf.Year).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new Subject("培训基地", $"{t.County.Value}/{t.Name}/{t.Year.ToString(CultureInfo.InvariantCulture)}", t.County, t.Cluster, new TrainingBaseFacts
            {
                Cluster = t.Cluster,
                Demonstration = t.Demonstration,
                Year = t.Year,
                Trainees = t.Trainees,
                Placed = t.Placed,
            });
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is TrainingSubsidyFinding { Eligible: true } ? "Eligible" : null;
}

/// <summary>
/// Art. 18: projects in clusters with planned emissions (project_emissions), against what remains of their cluster's
/// budget. The budget year is the year of the project's latest allocation on the emission ledger up to the date (the
/// year it was admitted against), or the date's year for a project the ledger has not yet allocated anything to. The
/// ledger of that cluster-year counts every trade, allocation and release dated up to the date — except the entries of
/// the project itself: what remains is what the others leave it, so an allocation the ledger already holds for it is
/// not counted against it twice (once as an allocation, once as its request).
/// </summary>
internal sealed class EmissionBudgetAdapter : IRuleAdapter
{
    public bool ReadsLiveProjects => true;

    public string RuleId => nameof(ProjectIsAdmittedOnlyWithinRemainingEmissionBudget);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var planned = await PlannedEmissions.ByProjectAsync(db, cancellationToken);
        if (planned.Count == 0)
        {
            yield break;
        }

        var budgets = (await db.EmissionBudgets.AsNoTracking().Where(b => b.Year <= asOf.Year).ToListAsync(cancellationToken))
            .ToLookup(b => (b.Cluster.Value, b.Year));
        var ledger = await db.EmissionLedger.AsNoTracking().Where(l => l.On <= asOf).ToListAsync(cancellationToken);
        var byClusterYear = ledger.ToLookup(l => (l.Cluster.Value, l.Year));
        var allocatedIn = ledger.Where(l => l.Movement == EmissionMovement.AllocatedToProject && l.Project is not null)
            .GroupBy(l => l.Project!.Value.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(l => l.Year), StringComparer.Ordinal);

        // A cluster-year's budgets, and its ledger, are the same facts for each of its projects (facts are never changed):
        // made once, and a project's own ledger entries left out only for the projects that have some.
        var ofYear = new Dictionary<(string, int), (IReadOnlyList<EmissionBudgetFacts> Budgets, IReadOnlyList<EmissionLedgerFacts> Ledger)>();
        static EmissionLedgerFacts FactsOf(EmissionLedgerEntry l) => new() { Pollutant = l.Pollutant, Movement = l.Movement, Tonnes = l.Tonnes, On = l.On };
        await foreach (var s in Projects.Live(db, asOf, p => p, cancellationToken))
        {
            var p = (LiveProject)s.Facts;
            if (p.Cluster is not { } cluster || !planned.TryGetValue(p.Code.Value, out var emissions))
            {
                continue;
            }

            var key = (cluster.Value, allocatedIn.TryGetValue(p.Code.Value, out var y) ? y : asOf.Year);
            var entries = byClusterYear[key];
            if (!ofYear.TryGetValue(key, out var facts))
            {
                ofYear[key] = facts = (budgets[key].Select(b => new EmissionBudgetFacts { Pollutant = b.Pollutant, Tonnes = b.Tonnes }).ToList(), entries.Select(FactsOf).ToList());
            }

            yield return s with
            {
                Facts = new EmissionAdmissionFacts
                {
                    ProjectEmissions = emissions,
                    Budgets = facts.Budgets,
                    Ledger = entries.Any(l => l.Project == p.Code) ? entries.Where(l => l.Project != p.Code).Select(FactsOf).ToList() : facts.Ledger,
                },
            };
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is EmissionAdmissionFinding { Admitted: false } ? "Refused" : null;
}

/// <summary>Art. 18: projects in clusters, against their cluster's plan EIA (approval date) and their conformity to it.</summary>
internal sealed class PlanEiaConformityAdapter : IRuleAdapter
{
    public bool ReadsLiveProjects => true;

    public string RuleId => nameof(ProjectNotFittingPlanEiaIsRefused);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var eia = await PlanEia.ByClusterAsync(db, cancellationToken);
        await foreach (var s in Projects.Live(db, asOf, p => p, cancellationToken))
        {
            var p = (LiveProject)s.Facts;
            if (p.Cluster is { } c && eia.TryGetValue(c.Value, out var plan))
            {
                yield return s with { Facts = new PlanEiaConformityFacts { PlanEiaApprovedOn = plan.ApprovedOn, ConformsToPlanEia = p.ConformsToPlanEia } };
            }
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is PlanEiaConformityFinding { Refused: true } ? "Refused" : null;
}

/// <summary>
/// Art. 18: the EIA route of projects in clusters. "Well executed" is the cluster's own flag, counted only once its plan
/// EIA has been approved by the date. The data have no column for "规划环评中包含的项目": a project is taken as included
/// when the cluster's plan EIA was approved by the date and the project's conformity review against it found it
/// conforming (符合规划环评) — the review is what places a project within what the plan EIA assessed. A project not
/// reviewed, or in a cluster without an approved plan EIA, is not shown to be included and takes the full route.
/// Only the simplified route is recorded; the full route is routine.
/// </summary>
internal sealed class EiaRouteAdapter : IRuleAdapter
{
    public bool ReadsLiveProjects => true;

    public string RuleId => nameof(WellExecutedPlanEiaSimplifiesProjectEia);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var eia = await PlanEia.ByClusterAsync(db, cancellationToken);
        await foreach (var s in Projects.Live(db, asOf, p => p, cancellationToken))
        {
            var p = (LiveProject)s.Facts;
            if (p.Cluster is not { } c || !eia.TryGetValue(c.Value, out var plan))
            {
                continue;
            }

            var approved = plan.ApprovedOn is { } on && on <= asOf;
            yield return s with
            {
                Facts = new EiaRouteFacts
                {
                    PlanEiaWellExecuted = approved && plan.WellExecuted,
                    IncludedInPlanEia = approved && p.ConformsToPlanEia == true,
                    ConformsToPlanEia = p.ConformsToPlanEia,
                },
            };
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is EiaRouteFinding { Route: EiaRoute.Simplified } ? "Simplified" : null;
}

internal static class PlanEia
{
    public static async Task<Dictionary<string, (DateOnly? ApprovedOn, bool WellExecuted)>> ByClusterAsync(JijuDbContext db, CancellationToken cancellationToken) =>
        (await db.Clusters.AsNoTracking().Select(c => new { c.Code, c.PlanEiaApprovedOn, c.PlanEiaWellExecuted }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Code.Value, c => (c.PlanEiaApprovedOn, c.PlanEiaWellExecuted), StringComparer.Ordinal);
}

internal static class ClusterYears
{
    public static string Key(ClusterCode cluster, int year) => $"{cluster.Value}/{year.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>Financing instruments of the given kinds issued by the date, with their platform's cluster.</summary>
internal static class Financing
{
    /// <summary>
    /// One subject per instrument, keyed platform/issue date/kind (a second one of the same kind on the same day gets "#2" …);
    /// <paramref name="facts"/> returns null for an instrument that lacks what the rule needs.
    /// </summary>
    public static async IAsyncEnumerable<Subject> Instruments(JijuDbContext db, DateOnly asOf, InstrumentKind[] kinds, Func<FinancingInstrument, ClusterCode, object?> facts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var platforms = (await db.FinancingPlatforms.AsNoTracking().Select(p => new { p.CreditCode, p.Cluster }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.CreditCode.Value, p => p.Cluster, StringComparer.Ordinal);
        var instruments = (await db.FinancingInstruments.AsNoTracking().Where(i => i.IssuedOn <= asOf).ToListAsync(cancellationToken))
            .Where(i => kinds.Contains(i.Kind))
            .OrderBy(i => i.Platform.Value, StringComparer.Ordinal).ThenBy(i => i.IssuedOn).ThenBy(i => i.Id)
            .ToList();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in instruments)
        {
            if (!platforms.TryGetValue(i.Platform.Value, out var cluster))
            {
                continue;
            }

            var key = $"{i.Platform.Value}/{i.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{i.Kind}";
            var n = seen[key] = seen.GetValueOrDefault(key) + 1;
            if (facts(i, cluster) is { } f)
            {
                yield return new Subject("融资记录", n == 1 ? key : $"{key}#{n.ToString(CultureInfo.InvariantCulture)}", cluster.County, cluster, f);
            }
        }
    }
}
