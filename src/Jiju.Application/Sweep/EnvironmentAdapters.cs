using System.Runtime.CompilerServices;
using Jiju.Data;
using Jiju.Data.Bulk;
using Jiju.Domain.Environmental;
using Jiju.Policy.Engine;
using Jiju.Policy.Environment;
using Microsoft.EntityFrameworkCore;

namespace Jiju.Application.Sweep;

/// <summary>
/// Art. 18: projects in clusters with planned emissions, against the environmental department's latest
/// determination on or before the date that the cluster's facilities lag or its capacity is insufficient
/// (none recorded: neither has been determined), and the cluster's budgets of the date's year.
/// </summary>
internal sealed class LargeEmitterAdapter : IRuleAdapter
{
    public bool ReadsLiveProjects => true;

    public string RuleId => nameof(LaggingClusterDefersLargeEmissionProjects);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var planned = await PlannedEmissions.ByProjectAsync(db, cancellationToken);
        if (planned.Count == 0)
        {
            yield break;
        }

        var determinations = (await db.EnvironmentalDeterminations.AsNoTracking().Where(d => d.DeterminedOn <= asOf).ToListAsync(cancellationToken))
            .GroupBy(d => d.Cluster.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(d => d.DeterminedOn)!, StringComparer.Ordinal);
        var budgets = (await db.EmissionBudgets.AsNoTracking().Where(b => b.Year == asOf.Year).ToListAsync(cancellationToken))
            .ToLookup(b => b.Cluster.Value, StringComparer.Ordinal);
        await foreach (var s in Projects.Live(db, asOf, p => p, cancellationToken))
        {
            var p = (LiveProject)s.Facts;
            if (p.Cluster is not { } cluster || !planned.TryGetValue(p.Code.Value, out var emissions))
            {
                continue;
            }

            var determination = determinations.GetValueOrDefault(cluster.Value);
            yield return s with
            {
                Facts = new LargeEmitterFacts
                {
                    EnvironmentalFacilitiesLag = determination?.FacilitiesLag ?? false,
                    EnvironmentalCapacityInsufficient = determination?.CapacityInsufficient ?? false,
                    ProjectEmissions = emissions,
                    Budgets = budgets[cluster.Value].Select(b => new EmissionBudgetFacts { Pollutant = b.Pollutant, Tonnes = b.Tonnes }).ToList(),
                },
            };
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is LargeEmitterFinding { Deferred: true } ? "Deferred" : null;
}

/// <summary>
/// Art. 19: projects in clusters that record a demand on the safety capacity, against the cluster's latest
/// regional safety evaluation on or before the date and what it records as already used.
/// </summary>
internal sealed class SafetyCapacityAdapter : IRuleAdapter
{
    public bool ReadsLiveProjects => true;

    public string RuleId => nameof(HighRiskClusterAdmitsWithinSafetyCapacity);

    public async IAsyncEnumerable<Subject> SubjectsAsync(JijuDbContext db, DateOnly asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var highRisk = (await db.Clusters.AsNoTracking().Select(c => new { c.Code, c.HighRiskIndustry }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Code.Value, c => c.HighRiskIndustry, StringComparer.Ordinal);
        var evaluations = (await db.SafetyCapacities.AsNoTracking().Where(c => c.AssessedOn <= asOf).ToListAsync(cancellationToken))
            .GroupBy(c => c.Cluster.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.AssessedOn)!, StringComparer.Ordinal);
        await foreach (var s in Projects.Live(db, asOf, p => p, cancellationToken))
        {
            var p = (LiveProject)s.Facts;
            if (p.Cluster is not { } cluster || p.SafetyCapacityDemand is not { } demand)
            {
                continue;
            }

            var evaluation = evaluations.GetValueOrDefault(cluster.Value);
            yield return s with
            {
                Facts = new SafetyCapacityFacts
                {
                    HighRiskIndustry = highRisk.GetValueOrDefault(cluster.Value),
                    AssessedOn = evaluation?.AssessedOn,
                    Measure = evaluation?.Measure,
                    Unit = evaluation?.Unit,
                    Capacity = evaluation?.Capacity,
                    Used = evaluation?.Used ?? 0,
                    ProjectDemand = demand,
                },
            };
        }
    }

    public string? Kind(DecisionResult decision) => decision.Value is SafetyCapacityFinding { Admitted: false } ? "Refused" : null;
}

/// <summary>Each project's planned annual emissions, as the art. 18 rules read them.</summary>
internal static class PlannedEmissions
{
    /// <summary>By project code; read once per run when the run shares its reads (two art. 18 rules read them).</summary>
    public static Task<Dictionary<string, List<ProjectEmissionFacts>>> ByProjectAsync(JijuDbContext db, CancellationToken cancellationToken) =>
        SharedReads.Of(db) is { } shared ? shared.PlannedEmissionsAsync(db, cancellationToken) : Task.FromResult(Read(db, cancellationToken));

    /// <summary>
    /// Read with <see cref="BulkReader"/> (EF Core's query and jurisdiction filter, without its materialisation): nationally
    /// 95,400 rows, which EF Core materialised as entities, project codes checked, only to keep their pollutant and tonnage.
    /// </summary>
    public static Dictionary<string, List<ProjectEmissionFacts>> Read(JijuDbContext db, CancellationToken cancellationToken)
    {
        using var rows = BulkReader.Open(db, db.ProjectEmissions.AsNoTracking().Select(e => new { e.Project, e.Pollutant, e.TonnesPerYear }));
        var (project, pollutant, tonnes) = (rows.Ordinal("Project"), rows.Ordinal("Pollutant"), rows.Ordinal("TonnesPerYear"));
        var byProject = new Dictionary<string, List<ProjectEmissionFacts>>(StringComparer.Ordinal);
        var read = 0;
        while (rows.Read())
        {
            if (++read % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var code = rows.Text(project);
            if (!byProject.TryGetValue(code, out var list))
            {
                byProject[code] = list = [];
            }

            list.Add(new ProjectEmissionFacts { Pollutant = (Pollutant)rows.Whole(pollutant), TonnesPerYear = rows.Number(tonnes) });
        }

        return byProject;
    }
}
