using Jiju.Application.Overview;
using Jiju.Application.Sweep;
using Jiju.Assessment.Indicators;
using Jiju.Data;
using Jiju.Data.Bulk;
using Jiju.Domain.Clusters;
using Jiju.Domain.Environmental;
using Jiju.Domain.Relocation;
using Jiju.Domain.Services;
using Jiju.Domain.Statistics;
using Jiju.Policy.Engine;
using Jiju.Policy.Industry;
using Jiju.Policy.Investment;
using Jiju.Policy.Land;
using Jiju.Policy.Planning;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Assessment;

/// <summary>
/// Reads the inputs of the indicator formulas for every cluster (status 产业集聚区) and a year, from the sources
/// docs/assessment.md lists: the year's statistics (the highest version submitted by the date, if one is given) and the
/// year before's for growth; idle land from the parcels, judged by the art. 7 rule on 31 December; the chain, key-project
/// and major-attraction counts by their own rules; facilities and villages from their registries. A registry without rows
/// for a cluster means none (0); statistics without a row mean the figure is missing.
/// </summary>
internal sealed class AssessmentInputsReader(JijuDbContext db, ParameterSet parameters)
{
    private static readonly FacilityKind[] Platforms =
    [
        FacilityKind.KeyLaboratory, FacilityKind.EngineeringResearchCentre, FacilityKind.TestingCentre, FacilityKind.LogisticsPark,
        FacilityKind.DistributionCentre, FacilityKind.TradingMarket, FacilityKind.ServiceCentre,
    ];

    public async Task<IReadOnlyList<Cluster>> ClustersAsync(CancellationToken cancellationToken) =>
        await db.Clusters.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ClusterInputs>> ReadAsync(AssessmentKind kind, int year, DateOnly? submittedBy, IReadOnlyList<Cluster> clusters, CancellationToken cancellationToken)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var current = await StatisticsAsync(year, submittedBy, cancellationToken);
        var values = clusters
            .Where(c => c.Status == ClusterStatus.Cluster)
            .ToDictionary(c => c.Code.Value, _ => new Dictionary<string, decimal?>(StringComparer.Ordinal), StringComparer.Ordinal);
        void Set(string cluster, string input, decimal? value)
        {
            if (values.TryGetValue(cluster, out var row))
            {
                row[input] = value;
            }
        }

        foreach (var (code, row) in values)
        {
            var s = current.GetValueOrDefault(code);
            row["land.total"] = s?.TotalLand?.SquareMetres;
            row["land.ready"] = s?.LandReadyForSupply?.SquareMetres;
            row["land.supplied"] = s?.LandSupplied?.SquareMetres;
            row["land.built-up"] = s?.LandBuiltUp?.SquareMetres;
            row["land.industrial"] = s?.IndustrialLandBuiltUp?.SquareMetres;
            row["floor.total"] = s?.TotalFloorArea?.SquareMetres;
            row["footprint.total"] = s?.TotalBuildingFootprint?.SquareMetres;
            row["floor.industrial"] = s?.IndustrialFloorArea?.SquareMetres;
            row["coverage.industrial"] = s?.IndustrialCoverage?.SquareMetres;
            row["fai.industrial"] = s?.IndustrialFixedAssets?.Yuan;
            row["tax.industrial"] = s?.IndustrialTax?.Yuan;
            row["tax.total"] = s?.TotalTax.Yuan;
            row["revenue"] = s?.Revenue.Yuan;
            row["revenue.leading"] = s?.LeadingIndustryRevenue.Yuan;
            row["value-added"] = s?.IndustrialValueAdded?.Yuan;
            row["fai"] = s?.FixedAssetInvestment?.Yuan;
            row["employment"] = s?.Employment;
            row["enterprises.above-scale"] = s?.EnterprisesAboveScale;
        }

        if (kind == AssessmentKind.Land)
        {
            await IdleLandAsync(yearEnd, values, cancellationToken);
        }
        else
        {
            var previous = await StatisticsAsync(year - 1, submittedBy, cancellationToken);
            var target = parameters.Get("industry.leading.target-revenue").At(yearEnd)?.AsDecimal;
            foreach (var (code, row) in values)
            {
                var p = previous.GetValueOrDefault(code);
                row["revenue.previous"] = p?.Revenue.Yuan;
                row["fai.previous"] = p?.FixedAssetInvestment?.Yuan;
                row["tax.previous"] = p?.TotalTax.Yuan;
                row["leading.target"] = target;
                row["projects.major-attraction"] = 0;
                row["projects.key"] = 0;
                row["sewage.capacity"] = 0;
                row["services.platforms"] = 0;
                row["villages.total"] = 0;
                row["villages.relocated"] = 0;
            }

            await ByRuleAsync(new ChainGapAdapter(), yearEnd, (s, d) =>
            {
                if (d.Value is ChainGapFinding f && s.Cluster is { } c)
                {
                    Set(c.Value, "chain.segments", f.FilledCount + f.GapCount);
                    Set(c.Value, "chain.segments-present", f.FilledCount);
                }
            }, cancellationToken);

            await ByRuleAsync(new KeyProjectAdapter(), yearEnd, (s, d) =>
            {
                if (d.Value is KeyProjectFinding { IsProvincialKeyProject: true } && s.Cluster is { } c && values.TryGetValue(c.Value, out var row))
                {
                    row["projects.key"] = row["projects.key"] + 1;
                }
            }, cancellationToken);

            var signedThisYear = (await db.Projects.AsNoTracking()
                    .Where(p => p.SignedOn >= new DateOnly(year, 1, 1) && p.SignedOn <= yearEnd)
                    .Select(p => p.Code)
                    .ToListAsync(cancellationToken))
                .Select(c => c.Value)
                .ToHashSet(StringComparer.Ordinal);
            await ByRuleAsync(new MajorAttractionAdapter(), yearEnd, (s, d) =>
            {
                if (d.Value is MajorAttractionFinding { IsMajorProject: true } && signedThisYear.Contains(s.Key) && s.Cluster is { } c && values.TryGetValue(c.Value, out var row))
                {
                    row["projects.major-attraction"] = row["projects.major-attraction"] + 1;
                }
            }, cancellationToken);

            var sewage = await db.SewagePlants.AsNoTracking()
                .Where(p => p.Status == FacilityStatus.Operating && (p.OperatingSince == null || p.OperatingSince <= yearEnd))
                .Select(p => new { p.Cluster, p.CapacityTonnesPerDay })
                .ToListAsync(cancellationToken);
            foreach (var g in sewage.GroupBy(p => p.Cluster.Value, StringComparer.Ordinal))
            {
                Set(g.Key, "sewage.capacity", g.Sum(p => p.CapacityTonnesPerDay));
            }

            var platforms = await db.ServiceFacilities.AsNoTracking()
                .Where(f => Platforms.Contains(f.Kind) && f.Status == FacilityStatus.Operating && (f.CompletedOn == null || f.CompletedOn <= yearEnd))
                .Select(f => f.Cluster)
                .ToListAsync(cancellationToken);
            foreach (var g in platforms.GroupBy(c => c.Value, StringComparer.Ordinal))
            {
                Set(g.Key, "services.platforms", g.Count());
            }

            var villages = await db.Villages.AsNoTracking().Select(v => new { v.Cluster, v.Status, v.CompletedOn }).ToListAsync(cancellationToken);
            foreach (var g in villages.GroupBy(v => v.Cluster.Value, StringComparer.Ordinal))
            {
                Set(g.Key, "villages.total", g.Count());
                Set(g.Key, "villages.relocated", g.Count(v => v.Status == RelocationStatus.Completed && v.CompletedOn <= yearEnd));
            }
        }

        db.EnsureDivisionsLoaded();
        return clusters
            .Where(c => values.ContainsKey(c.Code.Value))
            .Select(c =>
            {
                var city = db.DivisionDirectory.CityOf(c.County);
                return new ClusterInputs(c.Code.Value, c.Name, city?.Code.Value ?? c.County.Value, city?.Name ?? c.County.Value, values[c.Code.Value]);
            })
            .ToList();
    }

    /// <summary>Art. 2 "存在规划制约因素": the control area does not avoid basic farmland, by the art. 2 rule.</summary>
    public async Task<HashSet<string>> PlanningConstrainedAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var constrained = new HashSet<string>(StringComparer.Ordinal);
        await ByRuleAsync(new ControlAreaAdapter(), asOf, (s, d) =>
        {
            if (d.Value is ControlAreaFinding { Avoids: false } && s.Cluster is { } c)
            {
                constrained.Add(c.Value);
            }
        }, cancellationToken);
        return constrained;
    }

    private async Task IdleLandAsync(DateOnly yearEnd, Dictionary<string, Dictionary<string, decimal?>> values, CancellationToken cancellationToken)
    {
        foreach (var row in values.Values)
        {
            row["land.idle"] = 0;
        }

        var rule = new IdleLandIsChargedOrRecovered();
        var context = new RuleContext(yearEnd, parameters);
        await foreach (var (subject, squareMetres) in IdleLandAdapter.ClusterParcelsAsync(db, context, cancellationToken))
        {
            if (subject.Cluster is { } c && values.TryGetValue(c.Value, out var row)
                && rule.EvaluateWithoutTrace((IdleLandFacts)subject.Facts, context).Value is { Status: not IdleLandStatus.NotIdle })
            {
                row["land.idle"] = row["land.idle"] + BulkReader.StoredArea(squareMetres).SquareMetres;
            }
        }
    }

    /// <summary>Each subject's decision by the adapter's rule. The inputs use the decisions' values only, so they are made without their traces.</summary>
    private async Task ByRuleAsync(IRuleAdapter adapter, DateOnly asOf, Action<Subject, DecisionResult> use, CancellationToken cancellationToken)
    {
        var rule = RuleCatalog.Find(adapter.RuleId)!;
        var context = new RuleContext(asOf, parameters);
        await foreach (var subject in adapter.SubjectsAsync(db, asOf, cancellationToken))
        {
            use(subject, rule.EvaluateWithoutTrace(subject.Facts, context));
        }
    }

    private async Task<Dictionary<string, ClusterStatistics>> StatisticsAsync(int year, DateOnly? submittedBy, CancellationToken cancellationToken) =>
        (await new OverviewService(db).LatestVersionsAsync(year, submittedBy, cancellationToken)).ToDictionary(s => s.Cluster.Value, StringComparer.Ordinal);
}
