using Jiju.Application.Sweep;
using Jiju.Assessment;
using Jiju.Assessment.Indicators;
using Jiju.Assessment.Robustness;
using Jiju.Assessment.Scoring;
using Jiju.Data;
using Jiju.Data.Jurisdiction;
using Jiju.Policy.Engine;

namespace Jiju.Application.Assessment;

/// <summary>What to assess: a year, a kind, and optionally sensitivity draws, a past submission date, a cluster to explain and a what-if overlay.</summary>
public sealed record AssessmentRequest(
    int Year,
    AssessmentKind Kind,
    int Draws = 0,
    int Seed = 20120308,
    DateOnly? SubmittedBy = null,
    string? Explain = null,
    WeightPerturbation Perturbation = WeightPerturbation.Uniform,
    double Spread = 0.2,
    double Concentration = 50,
    IReadOnlyDictionary<string, string>? Overlay = null);

/// <summary>One visible cluster's line of the report.</summary>
public sealed record AssessmentRow(RankedCluster Ranked, int? PreviousRank, ClusterSensitivity? Sensitivity, ClusterConsequences Consequences)
{
    /// <summary>Places gained since last year (positive: up), or null when it was not ranked last year.</summary>
    public int? Change => PreviousRank - Ranked.Rank;
}

/// <summary>
/// A ranking as the caller may see it: the whole population was ranked, but <see cref="Rows"/> and
/// <see cref="Unscored"/> hold only the clusters in the caller's jurisdiction. The line (how many places, where it
/// falls) is about the population and is shown to all.
/// </summary>
public sealed record AssessmentReport(
    AssessmentRequest Request,
    IndicatorSet Set,
    Normalisation Method,
    int RankedCount,
    BarRule Bar,
    LineScores? Line,
    string Scope,
    IReadOnlyList<AssessmentRow> Rows,
    IReadOnlyList<UnscoredCluster> Unscored,
    SensitivityOptions? Sensitivity,
    IReadOnlyList<Normalisation> SensitivityMethods,
    ClusterExplanation? Explanation,
    int HistoryYears);

/// <summary>Where the line falls: the score of the best place behind it and of the last place before it.</summary>
public sealed record LineScores(int FirstPlaceBehind, decimal ScoreBehind, decimal? ScoreBefore);

/// <summary>
/// Runs an assessment for the web application and the CLI. The ranking is a province's computation: it reads every
/// cluster through <paramref name="population"/>, a province-level context, and never writes. What it returns is cut to
/// <paramref name="viewer"/>'s jurisdiction (ADR 0005): a county sees its own clusters' scores, ranks, intervals and
/// recommendations, and the line, but not the other clusters.
/// </summary>
public sealed class AssessmentService(JijuDbContext population, JurisdictionScope viewer, IndicatorSets? sets = null)
{
    private readonly IndicatorSets _sets = sets ?? IndicatorSets.Shipped;

    public async Task<AssessmentReport> AssessAsync(AssessmentRequest request, CancellationToken cancellationToken = default)
    {
        if (!population.Scope.IsProvince)
        {
            throw new InvalidOperationException("排名须以全省为范围计算：请以省级范围打开数据库");
        }

        var parameters = ParameterSet.Shipped.WithOverlay(request.Overlay ?? new Dictionary<string, string>());
        var evaluator = new Evaluator(parameters);
        var reader = new AssessmentInputsReader(population, parameters);
        var clusters = await reader.ClustersAsync(cancellationToken);
        using var shared = SharedReads.Begin(population);

        // The year and the years before it that the consequences look back on (and last year's rank).
        var lookBack = request.Kind == AssessmentKind.Development
            ? Math.Max(2, (int)Math.Max(YearsParameter(parameters, "planning.adjust.downgrade-years-below-standard", request.Year), YearsParameter(parameters, "administration.committee.consecutive-years", request.Year)))
            : 2;
        var years = new List<int>();
        for (var year = request.Year; year > request.Year - lookBack && _sets.All.Any(s => s.Kind == request.Kind && s.AppliesTo(year)); year--)
        {
            years.Add(year);
        }

        var inputs = await ReadYearsAsync(request, parameters, reader, clusters, years, cancellationToken);
        var history = new List<Ranking>();
        for (var i = 0; i < years.Count; i++)
        {
            var ranking = evaluator.Rank(_sets.For(request.Kind, years[i]), years[i], inputs[i]);
            if (i > 0 && ranking.Ranked.Count == 0)
            {
                break;
            }

            history.Add(ranking);
        }

        if (history.Count == 0)
        {
            throw new IndicatorSetException($"没有适用于{request.Year}年度的{IndicatorSets.KindZh(request.Kind)}指标体系");
        }

        var current = history[0];
        var constrained = request.Kind == AssessmentKind.Development
            ? await reader.PlanningConstrainedAsync(new DateOnly(request.Year, 12, 31), cancellationToken)
            : [];
        var standings = clusters.ToDictionary(
            c => c.Code.Value,
            c => new ClusterStanding(c.Code.Value, c.Status, c.CommitteeLevel, constrained.Contains(c.Code.Value)),
            StringComparer.Ordinal);
        var consequences = Consequences.Of(history, standings, parameters).ToDictionary(c => c.Cluster, StringComparer.Ordinal);

        SensitivityResult? sensitivity = null;
        if (request.Draws > 0 && current.Ranked.Count > 0)
        {
            var before = request.Kind == AssessmentKind.Development
                ? current.Ranked.ToDictionary(r => r.Cluster.Cluster, r => Consequences.YearsBehindLine(history.Skip(1).ToList(), r.Cluster.Cluster), StringComparer.Ordinal)
                : null;
            var downgradeYears = (int)YearsParameter(parameters, "planning.adjust.downgrade-years-below-standard", request.Year);
            sensitivity = Sensitivity.Run(
                current,
                evaluator,
                new SensitivityOptions(request.Draws, request.Seed, request.Perturbation, request.Spread, request.Concentration),
                before,
                downgradeYears);
        }

        population.EnsureDivisionsLoaded();
        var visible = clusters
            .Where(c => viewer.Covers(population.DivisionDirectory.PathOf(c)))
            .Select(c => c.Code.Value)
            .ToHashSet(StringComparer.Ordinal);
        var previous = history.Count > 1 ? history[1] : null;
        var rows = current.Ranked
            .Where(r => visible.Contains(r.Cluster.Cluster))
            .Select(r => new AssessmentRow(r, previous?.Find(r.Cluster.Cluster)?.Rank, sensitivity?.Find(r.Cluster.Cluster), consequences[r.Cluster.Cluster]))
            .ToList();

        ClusterExplanation? explanation = null;
        if (request.Explain is { } code)
        {
            if (!visible.Contains(code) || current.Find(code) is null)
            {
                throw new KeyNotFoundException(current.Unscored.Any(u => u.Cluster.Cluster == code) && visible.Contains(code)
                    ? $"集聚区“{code}”{request.Year}年度数据不全，未参加排名"
                    : $"未找到集聚区“{code}”的{request.Year}年度排名");
            }

            // The neighbours' scores are theirs: shown only to whoever may see those clusters.
            var explained = Explainer.Explain(current, evaluator, code);
            explanation = explained with
            {
                Above = explained.Above is { } a && visible.Contains(a.Cluster.Cluster) ? a : null,
                Below = explained.Below is { } b && visible.Contains(b.Cluster.Cluster) ? b : null,
            };
        }

        var first = current.Bar.FirstPlace(current.Ranked.Count);
        var line = current.Bar.Count > 0 && current.Ranked.Count > 0
            ? new LineScores(first, current.Ranked[first - 1].Score, first >= 2 ? current.Ranked[first - 2].Score : null)
            : null;
        return new AssessmentReport(
            request,
            current.Set,
            current.Method,
            current.Ranked.Count,
            current.Bar,
            line,
            viewer.Path,
            rows,
            current.Unscored.Where(u => visible.Contains(u.Cluster.Cluster)).ToList(),
            sensitivity?.Options,
            sensitivity?.Methods ?? [],
            explanation,
            history.Count);
    }

    /// <summary>
    /// Each year's inputs. The years are read in parallel, each on a context of its own (a context is not thread-safe),
    /// except inside a transaction, whose writes another connection would not see.
    /// </summary>
    private async Task<IReadOnlyList<ClusterInputs>[]> ReadYearsAsync(
        AssessmentRequest request, ParameterSet parameters, AssessmentInputsReader reader, IReadOnlyList<Domain.Clusters.Cluster> clusters, List<int> years, CancellationToken cancellationToken)
    {
        var inputs = new IReadOnlyList<ClusterInputs>[years.Count];
        if (population.Database.CurrentTransaction is not null || years.Count < 2)
        {
            for (var i = 0; i < years.Count; i++)
            {
                inputs[i] = await reader.ReadAsync(request.Kind, years[i], request.SubmittedBy, clusters, cancellationToken);
            }

            return inputs;
        }

        await Task.WhenAll(years.Select((year, i) => Task.Run(
            async () =>
            {
                if (i == 0)
                {
                    inputs[i] = await reader.ReadAsync(request.Kind, year, request.SubmittedBy, clusters, cancellationToken);
                    return;
                }

                await using var sibling = population.CreateSibling();
                using var shared = SharedReads.Begin(sibling);
                inputs[i] = await new AssessmentInputsReader(sibling, parameters).ReadAsync(request.Kind, year, request.SubmittedBy, clusters, cancellationToken);
            },
            cancellationToken)));
        return inputs;
    }

    private static decimal YearsParameter(ParameterSet parameters, string id, int year) =>
        parameters.Get(id).At(new DateOnly(year, 12, 31))?.AsDecimal ?? 1m;
}
