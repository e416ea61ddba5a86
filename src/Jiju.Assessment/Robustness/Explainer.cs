using System.Globalization;
using Jiju.Assessment.Indicators;
using Jiju.Assessment.Scoring;

namespace Jiju.Assessment.Robustness;

/// <summary>
/// The smallest change of one indicator, everything else held, that moves a cluster across the line: out of it if it is
/// behind the line, into it if it is not. <see cref="Needed"/> is null when no value of this indicator alone does it.
/// </summary>
public sealed record MinimalChange(WeightedIndicator Indicator, decimal Current, decimal? Needed, int? RankAfter, string Explanation);

/// <summary>A goal's or sub-goal's part of the total: Σ of its indicators' contributions.</summary>
public sealed record Subtotal(string Goal, string? SubGoal, decimal Weight, decimal Contribution);

/// <summary>Why a cluster has its score and rank, and what would move it across the line.</summary>
public sealed record ClusterExplanation(
    RankedCluster Cluster,
    IReadOnlyList<Subtotal> Subtotals,
    RankedCluster? Above,
    RankedCluster? Below,
    IReadOnlyList<MinimalChange> Changes);

/// <summary>
/// Explains one cluster's place: each indicator's contribution (global weight × score, summing to the total before
/// rounding), the clusters just above and below, and per indicator the smallest change that would cross the line. The
/// search re-scores the whole population for each trial value, so it holds for every normalisation, including those
/// where one cluster's value moves the others' scores (min–max, z-score). Values are searched on the 4-decimal grid the
/// indicators are published on.
/// </summary>
public static class Explainer
{
    public static ClusterExplanation Explain(Ranking ranking, Evaluator evaluator, string cluster)
    {
        var index = ranking.Ranked.ToList().FindIndex(r => r.Cluster.Cluster == cluster);
        if (index < 0)
        {
            throw new KeyNotFoundException($"集聚区“{cluster}”不在{ranking.Year}年度的排名中");
        }

        var target = ranking.Ranked[index];
        var subtotals = new List<Subtotal>();
        foreach (var goal in ranking.Set.Goals)
        {
            subtotals.Add(new Subtotal(goal.Zh, null, goal.Weight, target.Indicators.Where(i => i.Indicator.Goal == goal).Sum(i => i.Contribution)));
            subtotals.AddRange(goal.SubGoals.Select(s => new Subtotal(goal.Zh, s.Zh, goal.Weight * s.Weight, target.Indicators.Where(i => i.Indicator.SubGoal == s).Sum(i => i.Contribution))));
        }

        var table = ValueTable.Of(ranking);
        var changes = ranking.Set.Indicators.Select((w, i) => Search(ranking, evaluator, table, index, i)).ToList();
        return new ClusterExplanation(
            target,
            subtotals,
            index > 0 ? ranking.Ranked[index - 1] : null,
            index + 1 < ranking.Ranked.Count ? ranking.Ranked[index + 1] : null,
            changes);
    }

    private static MinimalChange Search(Ranking ranking, Evaluator evaluator, ValueTable table, int c, int i)
    {
        var weighted = ranking.Set.Indicators[i];
        var indicator = weighted.Indicator;
        var self = ranking.Ranked[c];
        var current = table.Values[c][i];
        var leave = self.InBar;

        // To leave the line a cluster improves; to stay out of it, it must not worsen past the value found.
        var up = leave == (indicator.Direction == Direction.Higher);
        var column = table.Values.Select(v => v[i]).ToList();
        var range = column.Max() - column.Min();
        var bound = up
            ? Math.Max(Math.Max(current, column.Max()), Math.Max(indicator.Ideal, indicator.Worst ?? 0)) + range + 1
            : column.Min() >= 0 ? 0 : column.Min() - range - 1;

        bool Crosses(decimal value, out int rank)
        {
            var rescored = evaluator.Rank(table.With(c, i, value), ranking.Year, ranking.Method);
            var me = rescored.Find(self.Cluster.Cluster)!;
            rank = me.Rank;
            return me.InBar != leave;
        }

        var verb = leave ? "退出" : "落入";
        if (!Crosses(bound, out _))
        {
            return new MinimalChange(weighted, current, null, null, $"仅靠{indicator.Zh}一项无法{verb}{ranking.Bar.Zh}");
        }

        // Binary search on the grid of 0.0001 between the current value (does not cross) and the bound (crosses).
        const decimal step = 0.0001m;
        var steps = (long)Math.Ceiling(Math.Abs(bound - current) / step);
        long lo = 0, hi = steps;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (Crosses(At(mid), out _))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        var needed = At(hi);
        Crosses(needed, out var rankAfter);
        return new MinimalChange(weighted, current, needed, rankAfter, Describe(weighted, self.Cluster, current, needed, rankAfter, verb, ranking.Bar.Zh));

        decimal At(long k) => k >= steps ? bound : current + ((up ? step : -step) * k);
    }

    private static string Describe(WeightedIndicator weighted, ClusterInputs cluster, decimal current, decimal needed, int rankAfter, string verb, string bar)
    {
        var i = weighted.Indicator;
        var text = $"{i.Zh}由{Format(current)}{i.Unit}{(needed > current ? "升至" : "降至")}{Format(needed)}{i.Unit}，排名变为第{rankAfter}名，{verb}{bar}";
        var f = i.Formula;
        var first = cluster[f.Inputs[0]]!.Value;
        var input = f.Kind switch
        {
            FormulaKind.Ratio => needed / f.Scale * cluster[f.Inputs[1]]!.Value,
            FormulaKind.Growth => (1m + (needed / f.Scale)) * cluster[f.Inputs[1]]!.Value,
            _ => needed / f.Scale,
        };
        var unit = Inputs.All[f.Inputs[0]].Unit;
        var held = f.Kind == FormulaKind.Value ? string.Empty : $"（{Inputs.ZhOf(f.Inputs[1])}不变）";
        return $"{text}；相当于{Inputs.ZhOf(f.Inputs[0])}由{Format(first)}{unit}变为约{Format(Math.Round(input, 2))}{unit}{held}";
    }

    private static string Format(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);
}
