using System.Runtime.CompilerServices;
using Jiju.Data;
using Jiju.Data.Bulk;
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
internal sealed class IdleLandAdapter(long parcelsPerPart = IdleLandAdapter.ParcelsPerPart) : IPartitionedRuleAdapter
{
    /// <summary>A part is worth reading on a context of its own from about this many parcels (tests split smaller tables).</summary>
    public const long ParcelsPerPart = 1_000_000;

    public string RuleId => nameof(IdleLandIsChargedOrRecovered);

    public IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken) =>
        SubjectsAsync(db, asOf, TablePart.All, cancellationToken);

    /// <summary>Two parts per worker, so that a worker that finishes early takes another part rather than waiting.</summary>
    public IReadOnlyList<TablePart> Parts(JijuDbContext db, int workers) => BulkReader.Split<LandParcel>(db, workers * 2, parcelsPerPart);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, TablePart part, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var extensions = await ExtensionsAsync(db, asOf, cancellationToken);
        using var rows = Open(db, asOf, inClustersOnly: false, part);
        foreach (var (subject, _) in Parcels(rows, extensions, cancellationToken))
        {
            yield return subject;
        }
    }

    /// <summary>
    /// Each parcel in a cluster granted by the date, with its idle-land facts and its area in square metres as stored
    /// (the land evaluation sums the areas of the idle ones: <see cref="BulkReader.StoredArea"/>).
    /// </summary>
    internal static async IAsyncEnumerable<(Subject Subject, double SquareMetres)> ClusterParcelsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var extensions = await ExtensionsAsync(db, asOf, cancellationToken);
        using var rows = Open(db, asOf, inClustersOnly: true, TablePart.All);
        foreach (var parcel in Parcels(rows, extensions, cancellationToken))
        {
            yield return parcel;
        }
    }

    /// <summary>Each parcel's latest extension approved by the date.</summary>
    private static async Task<Dictionary<string, ParcelExtension>> ExtensionsAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken) =>
        (await db.ParcelExtensions.AsNoTracking().Where(x => x.ApprovedOn <= asOf).ToListAsync(cancellationToken))
            .GroupBy(x => x.Parcel.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(x => x.ApprovedOn)!, StringComparer.Ordinal);

    /// <summary>
    /// The parcels granted by the date, in the part: millions nationally, so they are read with
    /// <see cref="BulkReader"/> (EF Core's query and jurisdiction filter, without its materialisation), and only the
    /// columns the rule reads: decoding every parcel's boundary would dominate the sweep.
    /// </summary>
    private static BulkReader Open(JijuDbContext db, DateOnly asOf, bool inClustersOnly, TablePart part) =>
        BulkReader.Open(db, BulkReader.Rows<LandParcel>(db, part).AsNoTracking()
            .Where(p => p.GrantedOn <= asOf && (!inClustersOnly || p.Cluster != null))
            .Select(p => new { p.Code, p.County, p.Cluster, p.GrantType, p.Price, p.AgreedStart, p.ActualStart, p.Area }));

    /// <summary>A synchronous loop under one asynchronous one: each layer of async iteration costs every parcel.</summary>
    private static IEnumerable<(Subject Subject, double SquareMetres)> Parcels(BulkReader rows, Dictionary<string, ParcelExtension> extensions, CancellationToken cancellationToken)
    {
        var (code, county, cluster, grantType, price, agreedStart, actualStart, area) = (
            rows.Ordinal("Code"), rows.Ordinal("County"), rows.Ordinal("Cluster"), rows.Ordinal("GrantType"),
            rows.Ordinal("Price"), rows.Ordinal("AgreedStart"), rows.Ordinal("ActualStart"), rows.Ordinal("Area"));
        var read = 0;
        while (rows.Read())
        {
            if (++read % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var key = rows.Text(code);
            var extension = extensions.Count == 0 ? null : extensions.GetValueOrDefault(key);
            yield return (new Subject("宗地", key, rows.Division(county), rows.Cluster(cluster), new IdleLandFacts
            {
                GrantType = (GrantType)rows.Whole(grantType),
                Price = rows.Money(price),
                AgreedStart = rows.Date(agreedStart),
                ApprovedNewStart = extension?.NewAgreedStart,
                ActualStart = rows.NullableDate(actualStart),
                GovernmentCausedDelay = extension?.Reason == DelayReason.Government,
            }), rows.Real(area));
        }
    }

    public string? Kind(DecisionResult decision) =>
        decision.Value is IdleLandFinding { Status: not IdleLandStatus.NotIdle } f ? f.Status.ToString() : null;

    public Money? Amount(DecisionResult decision) => (decision.Value as IdleLandFinding)?.Fee;
}
