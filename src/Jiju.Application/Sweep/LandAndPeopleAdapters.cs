using System.Globalization;
using System.Runtime.CompilerServices;
using Jiju.Data;
using Jiju.Data.Bulk;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Industries;
using Jiju.Domain.Land;
using Jiju.Domain.Projects;
using Jiju.Policy.Engine;
using Jiju.Policy.Environment;
using Jiju.Policy.Fiscal;
using Jiju.Policy.Land;
using Jiju.Policy.Relocation;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Sweep;

/// <summary>Art. 7: projects in clusters building single-storey industrial plants without a special requirement.</summary>
internal sealed class SingleStoreyAdapter : IRuleAdapter
{
    public bool ReadsLiveProjects => true;

    public string RuleId => nameof(NewIndustrialProjectBuildsNoSingleStoreyPlant);

    public IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken) =>
        Projects.Live(db, asOf, p => new PlantStoreysFacts { LandUse = p.LandUse, SpecialIndustryRequirement = p.SpecialIndustryRequirement, Storeys = p.Storeys }, cancellationToken);

    public string? Kind(DecisionResult decision) => decision.Value is PlantStoreysFinding { Permitted: false } ? "Refused" : null;
}

/// <summary>Art. 7: projects suited to multi-storey standard plants that ask for land of their own.</summary>
internal sealed class StandardPlantAdapter : IRuleAdapter
{
    public bool ReadsLiveProjects => true;

    public string RuleId => nameof(ProjectSuitedToStandardPlantGetsNoSeparateLand);

    public IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken) =>
        Projects.Live(db, asOf, p => new SeparateLandFacts { SuitsStandardPlant = p.SuitsStandardPlant, SiteArea = p.SiteArea }, cancellationToken);

    public string? Kind(DecisionResult decision) => decision.Value is SeparateLandFinding { Refused: true } ? "Refused" : null;
}

/// <summary>Art. 8: projects seeking land without pre-review and evaluation.</summary>
internal sealed class PreReviewAdapter : IRuleAdapter
{
    public bool ReadsLiveProjects => true;

    public string RuleId => nameof(LandIsNotApprovedWithoutPreReviewAndEvaluation);

    public IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken) =>
        Projects.Live(db, asOf, p => new LandApprovalFacts { SiteArea = p.SiteArea, LandPreReviewed = p.LandPreReviewed, LandEvaluated = p.LandEvaluated }, cancellationToken);

    public string? Kind(DecisionResult decision) => decision.Value is LandApprovalFinding { MaySubmit: false } ? "Refused" : null;
}

/// <summary>Art. 8: pending requests to change a parcel's land use.</summary>
internal sealed class UseChangeAdapter : IRuleAdapter
{
    public string RuleId => nameof(IndustrialLandIsNotChangedToCommercial);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var requests = await db.LandUseChangeRequests.AsNoTracking()
            .Where(r => r.RequestedOn <= asOf && r.Status == RequestStatus.Pending)
            .Join(db.Parcels, r => r.Parcel, p => p.Code, (r, p) => new { r.Parcel, r.From, r.To, p.County, p.Cluster })
            .ToListAsync(cancellationToken);
        foreach (var r in requests)
        {
            yield return new Subject("用途变更申请", r.Parcel.Value, r.County, r.Cluster, new LandUseChangeFacts { From = r.From, To = r.To, InsideCluster = r.Cluster is not null });
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is LandUseChangeFinding { Refused: true } ? "Refused" : null;
}

/// <summary>Art. 17: each cluster's heat demand in each year up to the date.</summary>
internal sealed class HeatSupplyAdapter : IRuleAdapter
{
    public string RuleId => nameof(LargeSteadyHeatLoadGetsBackPressureChp);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var h in db.HeatingProfiles.AsNoTracking().Where(h => h.Year <= asOf.Year).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new Subject("集中供热", $"{h.Cluster.Value}/{h.Year.ToString(CultureInfo.InvariantCulture)}", h.Cluster.County, h.Cluster, new HeatSupplyFacts
            {
                HeatLoadTonnesPerHour = h.HeatLoadTonnesPerHour,
                AnnualHours = h.AnnualHours,
                LoadStable = h.LoadStable,
                SmallCoalBoilers = h.SmallCoalBoilers,
            });
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is HeatSupplyFinding f ? f.Route.ToString() : null;
}

/// <summary>Art. 24: villages to be relocated by the end of 2013.</summary>
internal sealed class VillageRelocationAdapter : IRuleAdapter
{
    public string RuleId => nameof(VillageRelocationIsLateAfterEndOf2013);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var v in db.Villages.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new Subject("村庄", v.Code.Value, v.Cluster.County, v.Cluster, new VillageRelocationFacts { Status = v.Status, CompletedOn = v.CompletedOn });
        }
    }

    public string? Kind(DecisionResult decision) =>
        decision.Value is VillageRelocationFinding { Status: RelocationTimeliness.Late or RelocationTimeliness.CompletedLate } f ? f.Status.ToString() : null;
}

/// <summary>Art. 24: resettlement communities, against the 5000-people scale and their siting.</summary>
internal sealed class ResettlementCommunityAdapter : IRuleAdapter
{
    public string RuleId => nameof(ResettlementCommunityHoldsFiveThousandOutsideCluster);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var c in db.ResettlementCommunities.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new Subject("安置社区", c.Name, c.County, c.Cluster, new ResettlementCommunityFacts
            {
                Cluster = c.Cluster,
                PlannedPopulation = c.PlannedPopulation,
                OutsideCluster = c.OutsideCluster,
                InsideUrbanPlanningArea = c.InsideUrbanPlanningArea,
                HasPublicFacilities = c.HasPublicFacilities,
            });
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is ResettlementCommunityFinding { Meets: false } ? "NotMet" : null;
}

/// <summary>Art. 26: each cluster-year's provincial tax shares (latest corrections) against the year before.</summary>
internal sealed class FiscalRewardAdapter : IRuleAdapter
{
    public string RuleId => nameof(ProvincialShareTaxIncreaseIsRewardedToCounty);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The year before is the calendar year before ("比上年"): a cluster without statistics of it has no base, even when
        // it has some of an earlier year.
        var statistics = await LatestStatistics.OfAsync(db, asOf, cancellationToken);
        foreach (var year in statistics.Years)
        {
            foreach (var s in statistics.Of(year))
            {
                var before = statistics.Of(year - 1, s.Cluster.Value);
                yield return new Subject("年度税收", $"{s.Cluster.Value}/{year.ToString(CultureInfo.InvariantCulture)}", s.Cluster.County, s.Cluster, new FiscalRewardFacts
                {
                    Year = year,
                    VatProvincialShare = s.VatProvincialShare,
                    BusinessTaxProvincialShare = s.BusinessTaxProvincialShare,
                    IncomeTaxProvincialShare = s.IncomeTaxProvincialShare,
                    PreviousVatProvincialShare = before?.VatProvincialShare,
                    PreviousBusinessTaxProvincialShare = before?.BusinessTaxProvincialShare,
                    PreviousIncomeTaxProvincialShare = before?.IncomeTaxProvincialShare,
                });
            }
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is FiscalRewardFinding { Reward.Yuan: > 0 } ? "Reward" : null;

    public Domain.Common.Money? Amount(DecisionResult decision) => (decision.Value as FiscalRewardFinding)?.Reward;
}

/// <summary>Projects signed by the date (or undated), for the project rules.</summary>
internal static class Projects
{
    /// <summary>Every live project as a subject: read once for the run when it shares its reads (<see cref="SharedReads"/>), else streamed.</summary>
    public static async IAsyncEnumerable<Subject> Live(JijuDbContext db, DateOnly asOf, Func<LiveProject, object> facts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Subject SubjectOf(LiveProject p) => new("投资项目", p.Code.Value, p.County, p.Cluster, facts(p));
        if (SharedReads.Of(db) is { } shared)
        {
            foreach (var p in await shared.LiveProjectsAsync(db, asOf, cancellationToken))
            {
                yield return SubjectOf(p);
            }

            yield break;
        }

        foreach (var p in Read(db, asOf, cancellationToken))
        {
            yield return SubjectOf(p);
        }
    }

    /// <summary>
    /// The live projects, read with <see cref="BulkReader"/> (EF Core's query and jurisdiction filter, without its
    /// materialisation): nationally 190,817 projects, which EF Core took 2–3 s to materialise while art. 7 ran on the
    /// other core. Each is a <see cref="LiveProject"/>: what the entity EF Core would give holds, but its name and
    /// location, which no rule reads (a test holds the two reads equal). Streamed.
    /// </summary>
    public static IEnumerable<LiveProject> Read(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken)
    {
        using var rows = BulkReader.Open(db, LiveQuery(db, asOf).Select(p => new
        {
            p.Code,
            p.Investor,
            p.Investment,
            p.Industry,
            p.County,
            p.Cluster,
            p.Purpose,
            p.LandUse,
            p.SiteArea,
            p.BuildingFootprint,
            p.FloorArea,
            p.Storeys,
            p.SpecialIndustryRequirement,
            p.SuitsStandardPlant,
            p.Stage,
            p.ResponsibleUnit,
            p.ResponsiblePerson,
            p.LandPreReviewed,
            p.LandEvaluated,
            p.ConformsToPlanEia,
            p.SafetyCapacityDemand,
            p.IntroducedBy,
            p.SignedOn,
            p.StartedOn,
        }));
        int C(string name) => rows.Ordinal(name);
        var (code, investor, investment, industry, county, cluster, purpose, landUse, siteArea) = (
            C("Code"), C("Investor"), C("Investment"), C("Industry"), C("County"), C("Cluster"), C("Purpose"), C("LandUse"), C("SiteArea"));
        var (footprint, floorArea, storeys, special, standardPlant, stage, unit, person, preReviewed, evaluated) = (
            C("BuildingFootprint"), C("FloorArea"), C("Storeys"), C("SpecialIndustryRequirement"), C("SuitsStandardPlant"), C("Stage"),
            C("ResponsibleUnit"), C("ResponsiblePerson"), C("LandPreReviewed"), C("LandEvaluated"));
        var (conforms, safety, introducedBy, signedOn, startedOn) = (
            C("ConformsToPlanEia"), C("SafetyCapacityDemand"), C("IntroducedBy"), C("SignedOn"), C("StartedOn"));

        // Few distinct industries, land uses, responsible units and people: each is made (and checked) once, and the
        // projects that share one share its string.
        var industries = new Dictionary<string, IndustryCode>(StringComparer.Ordinal);
        var landUses = new Dictionary<string, LandUseClass>(StringComparer.Ordinal);
        var read = 0;
        while (rows.Read())
        {
            if (++read % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var industryText = rows.RepeatedText(industry);
            LandUseClass? use = null;
            if (!rows.IsNull(landUse))
            {
                var useText = rows.RepeatedText(landUse);
                use = landUses.TryGetValue(useText, out var u) ? u : landUses[useText] = LandUseClass.Of(useText);
            }

            yield return new LiveProject
            {
                Code = ProjectCode.Of(rows.Text(code)),
                Investor = UnifiedSocialCreditCode.Of(rows.Text(investor)),
                Investment = rows.Money(investment),
                Industry = industries.TryGetValue(industryText, out var i) ? i : industries[industryText] = IndustryCode.Of(industryText),
                County = rows.Division(county),
                Cluster = rows.Cluster(cluster),
                Purpose = (ProjectPurpose)rows.Whole(purpose),
                LandUse = use,
                SiteArea = rows.IsNull(siteArea) ? null : rows.Area(siteArea),
                BuildingFootprint = rows.IsNull(footprint) ? null : rows.Area(footprint),
                FloorArea = rows.IsNull(floorArea) ? null : rows.Area(floorArea),
                Storeys = rows.IsNull(storeys) ? null : checked((int)rows.Whole(storeys)),
                SpecialIndustryRequirement = rows.Whole(special) != 0,
                SuitsStandardPlant = rows.Whole(standardPlant) != 0,
                Stage = (ProjectStage)rows.Whole(stage),
                ResponsibleUnit = rows.IsNull(unit) ? null : rows.RepeatedText(unit),
                ResponsiblePerson = rows.IsNull(person) ? null : rows.RepeatedText(person),
                LandPreReviewed = rows.Whole(preReviewed) != 0,
                LandEvaluated = rows.Whole(evaluated) != 0,
                ConformsToPlanEia = rows.IsNull(conforms) ? null : rows.Whole(conforms) != 0,
                SafetyCapacityDemand = rows.IsNull(safety) ? null : rows.Number(safety),
                IntroducedBy = rows.IsNull(introducedBy) ? null : UnifiedSocialCreditCode.Of(rows.Text(introducedBy)),
                SignedOn = rows.NullableDate(signedOn),
                StartedOn = rows.NullableDate(startedOn),
            };
        }
    }

    /// <summary>The projects not cancelled and signed by the date, or not yet signed.</summary>
    public static IQueryable<InvestmentProject> LiveQuery(JijuDbContext db, DateOnly asOf) =>
        db.Projects.AsNoTracking().Where(p => p.Stage != ProjectStage.Cancelled && (p.SignedOn == null || p.SignedOn <= asOf));
}
