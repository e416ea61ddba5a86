using System.Runtime.CompilerServices;
using Jiju.Data;
using Jiju.Domain.Common;
using Jiju.Domain.Land;
using Jiju.Policy.Engine;
using Jiju.Policy.Land;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Sweep;

/// <summary>The adapters that feed the rules from the database, one per rule.</summary>
public static class RuleAdapters
{
    public static IReadOnlyList<IRuleAdapter> All { get; } =
    [
        new ProjectUseAdapter(),
        new ControlAreaAdapter(),
        new KeyProjectAdapter(),
        new OutsideClusterAdapter(),
        new LeadingIndustryGapAdapter(),
        new ChainGapAdapter(),
        new MajorAttractionAdapter(),
        new YishangAdapter(),
        new QuotaBatchAdapter(),
        new IdleLandAdapter(),
        new SingleStoreyAdapter(),
        new RewardFundAdapter(),
        new StandardPlantAdapter(),
        new PreReviewAdapter(),
        new LandUseStandardsAdapter(),
        new UseChangeAdapter(),
        new LandSupervisionAdapter(),
        new LoanInterestAdapter(),
        new IssuanceFeeAdapter(),
        new EquityFundAdapter(),
        new HukouAdapter(),
        new TrainingBaseAdapter(),
        new HeatSupplyAdapter(),
        new EmissionBudgetAdapter(),
        new PlanEiaConformityAdapter(),
        new LargeEmitterAdapter(),
        new EiaRouteAdapter(),
        new SafetyCapacityAdapter(),
        new VillageRelocationAdapter(),
        new ResettlementCommunityAdapter(),
        new FiscalRewardAdapter(),
    ];
}

/// <summary>Art. 7 idle land: every parcel granted before the date, with its latest approved extension.</summary>
internal sealed class IdleLandAdapter : IRuleAdapter
{
    public string RuleId => nameof(IdleLandIsChargedOrRecovered);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var p in ParcelsAsync(db, asOf, inClustersOnly: false, cancellationToken))
        {
            yield return p.Subject;
        }
    }

    /// <summary>Each parcel granted by the date with its idle-land facts and its area (the land evaluation sums idle areas).</summary>
    internal static async IAsyncEnumerable<(Subject Subject, Area Area)> ParcelsAsync(JijuDbContext db, DateOnly asOf, bool inClustersOnly, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var extensions = (await db.ParcelExtensions.AsNoTracking().Where(x => x.ApprovedOn <= asOf).ToListAsync(cancellationToken))
            .GroupBy(x => x.Parcel)
            .ToDictionary(g => g.Key, g => g.MaxBy(x => x.ApprovedOn)!);
        // Only the columns the rule reads: decoding every parcel's boundary would dominate the sweep.
        var parcels = db.Parcels.AsNoTracking()
            .Where(p => p.GrantedOn <= asOf && (!inClustersOnly || p.Cluster != null))
            .Select(p => new { p.Code, p.County, p.Cluster, p.GrantType, p.Price, p.AgreedStart, p.ActualStart, p.Area });
        await foreach (var p in parcels.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var extension = extensions.GetValueOrDefault(p.Code);
            yield return (new Subject("宗地", p.Code.Value, p.County, p.Cluster, new IdleLandFacts
            {
                GrantType = p.GrantType,
                Price = p.Price,
                AgreedStart = p.AgreedStart,
                ApprovedNewStart = extension?.NewAgreedStart,
                ActualStart = p.ActualStart,
                GovernmentCausedDelay = extension?.Reason == DelayReason.Government,
            }), p.Area);
        }
    }

    public string? Kind(DecisionResult decision) =>
        decision.Value is IdleLandFinding { Status: not IdleLandStatus.NotIdle } f ? f.Status.ToString() : null;

    public Money? Amount(DecisionResult decision) => (decision.Value as IdleLandFinding)?.Fee;
}
