using System.Globalization;
using System.Runtime.CompilerServices;
using Jiju.Data;
using Jiju.Domain.Clusters;
using Jiju.Domain.Industries;
using Jiju.Policy.Engine;
using Jiju.Policy.Industry;
using Jiju.Policy.Investment;
using Jiju.Policy.Planning;
using Jiju.Policy.Workforce;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Sweep;

/// <summary>
/// Art. 1: what projects in clusters build. Projects carry no location in the data yet, so the zone
/// is unknown and only the prohibitions (real estate, plazas, urban facilities) can be decided.
/// </summary>
internal sealed class ProjectUseAdapter : IRuleAdapter
{
    public bool ReadsLiveProjects => true;

    public string RuleId => nameof(ProhibitedUrbanUsesAndOffZoneUsesAreRefused);

    public IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, CancellationToken cancellationToken) =>
        Projects.Live(db, asOf, p => new ProjectUseFacts { Cluster = p.Cluster, Purpose = p.Purpose, LandUse = p.LandUse }, cancellationToken);

    public string? Kind(DecisionResult decision) => decision.Value is ProjectUseFinding { Allowed: false } f ? f.Ground.ToString() : null;
}

/// <summary>Art. 3: leading-industry projects of 5亿 or more in clusters.</summary>
internal sealed class KeyProjectAdapter : IRuleAdapter
{
    public bool ReadsLiveProjects => true;

    public string RuleId => nameof(LeadingIndustryProjectOf500MillionIsProvincialKeyProject);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var leading = await Clusters.LeadingIndustriesAsync(db, cancellationToken);
        await foreach (var s in Projects.Live(db, asOf, p => p, cancellationToken))
        {
            var p = (LiveProject)s.Facts;
            if (p.Cluster is { } c && leading.TryGetValue(c.Value, out var industry))
            {
                yield return s with { Facts = new KeyProjectFacts { Cluster = c, Industry = p.Industry, LeadingIndustry = industry, Investment = p.Investment } };
            }
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is KeyProjectFinding { IsProvincialKeyProject: true } ? "KeyProject" : null;
}

/// <summary>
/// Art. 3: industrial projects sited outside clusters. The data hold no verdict on whether a project
/// "should have entered" a cluster (应进); this adapter takes it to be so when the project is
/// industrial and its industry lies within the leading industry of a cluster in its own county — the
/// text's "统筹推动同类和关联项目按照主导产业集中布局建设".
/// </summary>
internal sealed class OutsideClusterAdapter : IRuleAdapter
{
    public bool ReadsLiveProjects => true;

    public string RuleId => nameof(IndustrialProjectOutsideClustersGetsNoLandQuota);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var byCounty = (await db.Clusters.AsNoTracking().Where(c => c.Status == ClusterStatus.Cluster).Select(c => new { c.County, c.LeadingIndustry }).ToListAsync(cancellationToken))
            .GroupBy(c => c.County.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.LeadingIndustry).ToList(), StringComparer.Ordinal);
        await foreach (var s in Projects.Live(db, asOf, p => p, cancellationToken))
        {
            var p = (LiveProject)s.Facts;
            if (p.Cluster is not null)
            {
                continue;
            }

            var fits = byCounty.GetValueOrDefault(p.County.Value)?.Any(p.Industry.IsWithin) ?? false;
            yield return s with { Facts = new OutsideClusterProjectFacts { Cluster = null, Industry = p.Industry, QualifiesForCluster = p.Industry.IsIndustrial && fits } };
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is LandQuotaFinding { QuotaAllowed: false } ? "NoQuota" : null;
}

/// <summary>Art. 5: projects of 10亿 or more, or of industry-leading enterprises, and whether they name who is responsible.</summary>
internal sealed class MajorAttractionAdapter : IRuleAdapter
{
    public bool ReadsLiveProjects => true;

    public string RuleId => nameof(ProjectOf1BillionOrByIndustryLeaderIsProvincialMajorAttractionProject);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var leaders = (await EnterpriseSummary.OfAsync(db, cancellationToken)).Leaders;
        await foreach (var s in Projects.Live(db, asOf, p => new MajorAttractionFacts
        {
            Cluster = p.Cluster,
            Investment = p.Investment,
            IndustryLeader = leaders.Contains(p.Investor.Value),
            ResponsibleUnit = p.ResponsibleUnit,
            ResponsiblePerson = p.ResponsiblePerson,
        }, cancellationToken))
        {
            yield return s;
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value switch
    {
        MajorAttractionFinding { IsMajorProject: true, MissingResponsibleUnit: false, MissingResponsiblePerson: false } => "Major",
        MajorAttractionFinding { IsMajorProject: true } => "MissingResponsible",
        _ => null,
    };
}

/// <summary>Art. 5 以商招商: each introduced project and year with funds in place, with every dated exchange rate.</summary>
internal sealed class YishangAdapter : IRuleAdapter
{
    public string RuleId => nameof(FundsOf30MillionDollarsIntroducedByClusterEnterpriseAreRewarded);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rates = (await db.ExchangeRates.AsNoTracking().ToListAsync(cancellationToken))
            .Select(r => new ExchangeRateFacts { Currency = r.Currency, EffectiveOn = r.EffectiveOn, YuanPerUnit = r.YuanPerUnit })
            .ToList();
        var leading = await Clusters.LeadingIndustriesAsync(db, cancellationToken);
        var enterpriseCluster = new Dictionary<string, string?>(StringComparer.Ordinal);
        // Only the introduced projects' fundings: nationally 4 projects of 190,817 were introduced, and all 38,165 fundings
        // were read as entities to keep theirs.
        var fundings = (await db.ProjectFundings.AsNoTracking()
                .Where(f => f.InPlaceOn <= asOf && db.Projects.Any(p => p.Code == f.Project && p.IntroducedBy != null))
                .ToListAsync(cancellationToken))
            .GroupBy(f => f.Project)
            .ToDictionary(g => g.Key, g => g.ToList());
        var projects = await db.Projects.AsNoTracking().Where(p => p.IntroducedBy != null).ToListAsync(cancellationToken);
        foreach (var p in projects.Where(p => fundings.ContainsKey(p.Code)))
        {
            var introducer = p.IntroducedBy!.Value;
            if (!enterpriseCluster.TryGetValue(introducer.Value, out var introducerCluster))
            {
                introducerCluster = (await db.Enterprises.AsNoTracking().Where(e => e.CreditCode == introducer).Select(e => e.Cluster).FirstOrDefaultAsync(cancellationToken))?.Value;
                enterpriseCluster[introducer.Value] = introducerCluster;
            }

            var leadingIndustry = p.Cluster is { } c && leading.TryGetValue(c.Value, out var l) ? l : p.Industry;
            foreach (var year in fundings[p.Code].GroupBy(f => f.Year).OrderBy(g => g.Key))
            {
                yield return new Subject("以商招商项目", $"{p.Code.Value}/{year.Key.ToString(CultureInfo.InvariantCulture)}", p.County, p.Cluster, new IntroducedInvestmentFacts
                {
                    Cluster = p.Cluster,
                    Industry = p.Industry,
                    LeadingIndustry = leadingIndustry,
                    IntroducedBy = introducer,
                    IntroducerInCluster = introducerCluster is not null,
                    Year = year.Key,
                    Fundings = year.Select(f => new FundingFacts { Origin = f.Origin, Currency = f.Currency, Amount = f.Amount, InPlaceOn = f.InPlaceOn }).ToList(),
                    ExchangeRates = rates,
                });
            }
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is IntroducedInvestmentFinding { Eligible: true } ? "Eligible" : null;
}

/// <summary>Art. 13: migrant workers in clusters, with the kind of county-level unit their cluster is in.</summary>
internal sealed class HukouAdapter : IRuleAdapter
{
    public string RuleId => nameof(MigrantWorkerOfAYearInCountyClusterGetsHukouPriority);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        db.EnsureDivisionsLoaded();
        await foreach (var w in db.MigrantWorkers.AsNoTracking().Where(w => w.WorkingSince <= asOf).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var kind = db.DivisionDirectory.Find(w.Cluster.County)?.Kind ?? Domain.Divisions.DivisionKind.District;
            yield return new Subject("农民工", w.PersonRef, w.Cluster.County, w.Cluster, new MigrantWorkerFacts
            {
                CountyKind = kind,
                WorkingSince = w.WorkingSince,
                LeftOn = w.LeftOn,
                WantsUrbanHukou = w.WantsUrbanHukou,
                FamilyMembers = w.FamilyMembers,
            });
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is HukouPriorityFinding { Priority: true } ? "Priority" : null;
}

internal static class Clusters
{
    public static async Task<Dictionary<string, IndustryCode>> LeadingIndustriesAsync(JijuDbContext db, CancellationToken cancellationToken) =>
        (await db.Clusters.AsNoTracking().Select(c => new { c.Code, c.LeadingIndustry }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Code.Value, c => c.LeadingIndustry, StringComparer.Ordinal);
}
