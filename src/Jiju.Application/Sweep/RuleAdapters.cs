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

/// <summary>
/// Art. 7 idle land: every parcel granted by the date, with its latest approved extension. A sweep reads only the
/// parcels that could be idle, screened by the database, and counts the rest (ADR 0013).
/// </summary>
internal sealed class IdleLandAdapter(long parcelsPerPart = IdleLandAdapter.ParcelsPerPart) : IPartitionedRuleAdapter, IScreenedRuleAdapter
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
        using var rows = Open(db, InPart(db, inClustersOnly: false, part));
        foreach (var (subject, _) in Parcels(rows, extensions, grantedBy: asOf, cancellationToken))
        {
            yield return subject;
        }
    }

    public bool CanScreen(RuleContext context) => IdleLandIsChargedOrRecovered.FewestIdleDaysOfAFinding(context) is not null;

    /// <summary>
    /// The parcels granted by the date: all of them less those granted after it, found on the index of the date of grant
    /// (few for a recent date). SQLite counts a whole table from its smallest index's pages without visiting each entry,
    /// about ten times faster than it counts an index range of ten million. The two counts are two statements: a write
    /// between them shows in the count as it would between the reads of a table's parts.
    /// </summary>
    public async Task<int> CountAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken) =>
        await db.Parcels.CountAsync(cancellationToken) - await db.Parcels.CountAsync(p => p.GrantedOn > asOf, cancellationToken);

    public async IAsyncEnumerable<Subject> CandidatesAsync(JijuDbContext db, RuleContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var fewestIdleDays = IdleLandIsChargedOrRecovered.FewestIdleDaysOfAFinding(context)
            ?? throw new InvalidOperationException("闲置土地参数不提供筛查条件：应逐宗判断");
        await foreach (var (subject, _) in CandidatesAsync(db, context.AsOf, fewestIdleDays, inClustersOnly: false, cancellationToken))
        {
            yield return subject;
        }
    }

    /// <summary>
    /// Each parcel in a cluster granted by the date that could be idle under <paramref name="context"/>'s parameters
    /// (all of them when the parameters give no bound), with its idle-land facts and its area in square metres as
    /// stored: the land evaluation sums the areas of the idle ones (<see cref="BulkReader.StoredArea"/>).
    /// </summary>
    internal static async IAsyncEnumerable<(Subject Subject, double SquareMetres)> ClusterParcelsAsync(JijuDbContext db, RuleContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (IdleLandIsChargedOrRecovered.FewestIdleDaysOfAFinding(context) is { } fewestIdleDays)
        {
            await foreach (var parcel in CandidatesAsync(db, context.AsOf, fewestIdleDays, inClustersOnly: true, cancellationToken))
            {
                yield return parcel;
            }

            yield break;
        }

        var extensions = await ExtensionsAsync(db, context.AsOf, cancellationToken);
        using var rows = Open(db, InPart(db, inClustersOnly: true, TablePart.All));
        foreach (var parcel in Parcels(rows, extensions, grantedBy: context.AsOf, cancellationToken))
        {
            yield return parcel;
        }
    }

    /// <summary>
    /// The parcels granted by the date that the rule could find idle, in code order (ADR 0013). A finding needs at least
    /// <paramref name="fewestIdleDays"/> idle days (<see cref="IdleLandIsChargedOrRecovered.FewestIdleDaysOfAFinding"/>),
    /// so a parcel can be one only if it:
    /// <list type="bullet">
    /// <item>has no actual start, and its agreed start is that many days before the date or more;</item>
    /// <item>has an actual start that many days and one after its agreed start, or more. That is one that started by
    /// the date (its last idle day is the day before), or one that starts after the date with its agreed start already
    /// that far back;</item>
    /// <item>or has an extension approved by the date, which moves its start: these few are all read.</item>
    /// </list>
    /// The first two are index ranges, the third look-ups by code; the parcels the three let through are decided by the rule.
    /// </summary>
    private static async IAsyncEnumerable<(Subject Subject, double SquareMetres)> CandidatesAsync(
        JijuDbContext db, DateOnly asOf, int fewestIdleDays, bool inClustersOnly, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var extensions = await ExtensionsAsync(db, asOf, cancellationToken);
        var screens = Screens(db, asOf, fewestIdleDays, inClustersOnly, [.. extensions.Values.Select(x => x.Parcel)]);

        // The date of grant is checked as the rows are read, not in SQL: the database then has one index to choose for each screen.
        var candidates = new SortedDictionary<string, (Subject, double)>(StringComparer.Ordinal);
        foreach (var screen in screens)
        {
            using var rows = Open(db, screen);
            foreach (var parcel in Parcels(rows, extensions, grantedBy: asOf, cancellationToken))
            {
                candidates.TryAdd(parcel.Subject.Key, parcel);
            }
        }

        foreach (var candidate in candidates.Values)
        {
            yield return candidate;
        }
    }

    /// <summary>The queries of <see cref="CandidatesAsync(JijuDbContext, DateOnly, int, bool, CancellationToken)"/>, one a condition.</summary>
    internal static List<IQueryable<LandParcel>> Screens(JijuDbContext db, DateOnly asOf, int fewestIdleDays, bool inClustersOnly, IReadOnlyList<ParcelCode> extended)
    {
        var parcels = InPart(db, inClustersOnly, TablePart.All);
        var screens = new List<IQueryable<LandParcel>>();
        if (asOf.DayNumber - fewestIdleDays >= DateOnly.MinValue.DayNumber)
        {
            var latestStart = DateOnly.FromDayNumber(asOf.DayNumber - fewestIdleDays);
            screens.Add(parcels.Where(p => p.ActualStart == null && p.AgreedStart <= latestStart));
        }

        // Started by the date, its last idle day the day before; or starting after the date with its agreed start already
        // that far back, which makes its delay longer still.
        var fewestDelayDays = fewestIdleDays + 1;
        screens.Add(parcels.Where(p => EF.Property<int?>(p, JijuDbContext.StartDelayDays) >= fewestDelayDays));
        if (extended.Count > 0)
        {
            screens.Add(parcels.Where(p => extended.Contains(p.Code)));
        }

        return screens;
    }

    /// <summary>Each parcel's latest extension approved by the date.</summary>
    private static async Task<Dictionary<string, ParcelExtension>> ExtensionsAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken) =>
        (await db.ParcelExtensions.AsNoTracking().Where(x => x.ApprovedOn <= asOf).ToListAsync(cancellationToken))
            .GroupBy(x => x.Parcel.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(x => x.ApprovedOn)!, StringComparer.Ordinal);

    /// <summary>
    /// The parcels in the part (in a cluster only, for the land evaluation), with no condition on the date of grant: it is
    /// checked as each row is read. A condition on the date in SQL could lead SQLite to read millions of rows through the
    /// index on it, one look-up each, instead of the table in order, or instead of a screen's own index.
    /// </summary>
    private static IQueryable<LandParcel> InPart(JijuDbContext db, bool inClustersOnly, TablePart part) =>
        BulkReader.Rows<LandParcel>(db, part).AsNoTracking().Where(p => !inClustersOnly || p.Cluster != null);

    /// <summary>
    /// The parcels of <paramref name="parcels"/>: millions nationally, so they are read with <see cref="BulkReader"/>
    /// (EF Core's query and jurisdiction filter, without its materialisation), and only the columns the rule reads:
    /// decoding every parcel's boundary would dominate the sweep.
    /// </summary>
    private static BulkReader Open(JijuDbContext db, IQueryable<LandParcel> parcels) =>
        BulkReader.Open(db, parcels.Select(p => new { p.Code, p.County, p.Cluster, p.GrantType, p.Price, p.AgreedStart, p.ActualStart, p.Area, p.GrantedOn }));

    /// <summary>
    /// A synchronous loop under one asynchronous one: each layer of async iteration costs every parcel. Parcels granted
    /// after <paramref name="grantedBy"/> are skipped.
    /// </summary>
    private static IEnumerable<(Subject Subject, double SquareMetres)> Parcels(BulkReader rows, Dictionary<string, ParcelExtension> extensions, DateOnly grantedBy, CancellationToken cancellationToken)
    {
        var (code, county, cluster, grantType, price, agreedStart, actualStart, area, grantedOn) = (
            rows.Ordinal("Code"), rows.Ordinal("County"), rows.Ordinal("Cluster"), rows.Ordinal("GrantType"),
            rows.Ordinal("Price"), rows.Ordinal("AgreedStart"), rows.Ordinal("ActualStart"), rows.Ordinal("Area"), rows.Ordinal("GrantedOn"));
        var read = 0;
        while (rows.Read())
        {
            if (++read % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (rows.Date(grantedOn) > grantedBy)
            {
                continue;
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
