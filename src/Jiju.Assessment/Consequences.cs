using Jiju.Assessment.Indicators;
using Jiju.Assessment.Scoring;
using Jiju.Domain.Clusters;
using Jiju.Policy.Administration;
using Jiju.Policy.Engine;
using Jiju.Policy.Planning;

namespace Jiju.Assessment;

/// <summary>What the registry says of a cluster that the consequences read.</summary>
public sealed record ClusterStanding(string Cluster, ClusterStatus Status, CommitteeLevel? CommitteeLevel, bool PlanningConstraints);

/// <summary>
/// The recommendations one cluster's assessment leads to, each decided by its rule with the trace that cites the
/// article: 增、调、降、退 (art. 2) and the management committee's grade (art. 14). For land, the bar on expansion (art. 7).
/// </summary>
public sealed record ClusterConsequences(
    string Cluster,
    int YearsBelowStandard,
    Decision<AdjustmentRecommendation>? Adjustment,
    Decision<CommitteeGradeRecommendation>? Grade,
    string Summary);

/// <summary>
/// Turns rankings into recommendations. The development ranking of the year and of the years before it give each
/// cluster its consecutive years below standard (behind the line, counted back from the year; a year it was not ranked
/// ends the count) and the rank shares the committee-grade rule reads; revenue growth and the score ÷ 100 (the prospect
/// score) come from the year's own ranking. Recommendations are only that: people decide, through the workflow.
/// </summary>
public static class Consequences
{
    /// <param name="history">Rankings of the same kind, newest first, starting with the year assessed.</param>
    /// <param name="standings">The registry facts of each cluster.</param>
    /// <param name="parameters">The parameters (with any what-if overlay) the rules read.</param>
    public static IReadOnlyList<ClusterConsequences> Of(IReadOnlyList<Ranking> history, IReadOnlyDictionary<string, ClusterStanding> standings, ParameterSet parameters)
    {
        var ranking = history[0];
        var context = new RuleContext(new DateOnly(ranking.Year, 12, 31), parameters);
        var adjustmentRule = new DynamicAdjustmentIsRecommendedFromAssessment();
        var gradeRule = new CommitteeGradeFollowsAssessment();
        var result = new List<ClusterConsequences>();
        foreach (var row in ranking.Ranked)
        {
            var code = row.Cluster.Cluster;
            if (ranking.Set.Kind == AssessmentKind.Land)
            {
                result.Add(new ClusterConsequences(code, 0, null, null, row.InBar ? $"{ranking.Bar.Zh}，不得实施扩区（第（七）条）" : string.Empty));
                continue;
            }

            var standing = standings.GetValueOrDefault(code) ?? new ClusterStanding(code, ClusterStatus.Cluster, null, false);
            var yearsBelow = YearsBehindLine(history, code);
            var growth = row.Cluster["revenue"] is { } now && row.Cluster["revenue.previous"] is { } before && before > 0
                ? Math.Round((now / before) - 1m, 4, MidpointRounding.AwayFromZero)
                : 0m;
            var adjustment = adjustmentRule.Evaluate(
                new AssessmentOutcomeFacts
                {
                    Status = standing.Status,
                    Rank = row.Rank,
                    Ranked = ranking.Ranked.Count,
                    GrowthRate = growth,
                    PlanningConstraints = standing.PlanningConstraints,
                    YearsBelowStandard = yearsBelow,
                    ProspectScore = Math.Clamp(row.Score / 100m, 0m, 1m),
                },
                context);
            var shares = history
                .Select(h => h.Find(code) is { } r ? (decimal?)Math.Round((decimal)r.Rank / h.Ranked.Count, 4, MidpointRounding.AwayFromZero) : null)
                .TakeWhile(s => s is not null)
                .Select(s => s!.Value)
                .ToList();
            var grade = gradeRule.Evaluate(
                new CommitteeGradeFacts { Status = standing.Status, Level = standing.CommitteeLevel, RankShares = shares },
                context);
            var parts = new List<string>();
            if (adjustment.Value is { Recommended: not Adjustment.None } a)
            {
                parts.Add(FactFormatting.ZhOf(a.Recommended));
            }

            if (grade.Value is { Change: not GradeChange.Keep } g)
            {
                parts.Add($"管委会{FactFormatting.ZhOf(g.Change)}为{FactFormatting.ZhOf(g.To)}");
            }

            result.Add(new ClusterConsequences(code, yearsBelow, adjustment, grade, string.Join("；", parts)));
        }

        return result;
    }

    /// <summary>Consecutive years behind the line, counted back from the newest ranking.</summary>
    public static int YearsBehindLine(IReadOnlyList<Ranking> history, string cluster) =>
        history.TakeWhile(h => h.Find(cluster) is { InBar: true }).Count();
}
