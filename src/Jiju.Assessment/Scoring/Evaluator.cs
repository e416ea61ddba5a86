using System.Globalization;
using Jiju.Assessment.Indicators;
using Jiju.Policy.Engine;
using Jiju.Policy.Planning;

namespace Jiju.Assessment.Scoring;

/// <summary>
/// Scores and ranks the clusters of one year by an indicator set (docs/assessment.md is the hand-checkable statement):
/// each indicator's value from its formula, rounded to 4 decimals; its score by the normalisation, rounded to 2; the
/// total Σ (goal weight × sub-goal weight × indicator weight × score), rounded to 2; competition ranks on the total,
/// province-wide and per city; and the line at the bottom from the dated parameters in force on the year's last day.
/// A cluster missing any input is listed as unscored with what it lacks, and takes no place in the population.
/// </summary>
public sealed class Evaluator(ParameterSet parameters)
{
    public ParameterSet Parameters => parameters;

    public Ranking Rank(IndicatorSet set, int year, IReadOnlyList<ClusterInputs> clusters, Normalisation? method = null)
    {
        var table = ValueTable.Of(set, clusters);
        return Rank(table, year, method ?? set.Method);
    }

    internal Ranking Rank(ValueTable table, int year, Normalisation method)
    {
        var set = table.Set;
        var n = table.Clusters.Count;
        var indicators = set.Indicators;
        var scores = new decimal[indicators.Count][];
        for (var i = 0; i < indicators.Count; i++)
        {
            var column = new decimal[n];
            for (var c = 0; c < n; c++)
            {
                column[c] = table.Values[c][i];
            }

            scores[i] = Normaliser.Scores(indicators[i].Indicator, method, column);
        }

        var results = new List<(ClusterInputs Cluster, IndicatorResult[] Indicators, decimal Total)>(n);
        for (var c = 0; c < n; c++)
        {
            var row = new IndicatorResult[indicators.Count];
            var sum = 0m;
            for (var i = 0; i < indicators.Count; i++)
            {
                var contribution = indicators[i].GlobalWeight * scores[i][c];
                row[i] = new IndicatorResult(indicators[i], table.Values[c][i], scores[i][c], contribution);
                sum += contribution;
            }

            results.Add((table.Clusters[c], row, Normaliser.Round(sum)));
        }

        var ordered = results.OrderByDescending(r => r.Total).ThenBy(r => r.Cluster.Cluster, StringComparer.Ordinal).ToList();
        var bar = BarOf(set.Kind, year, n);
        var ranks = CompetitionRanks(ordered.Select(r => r.Total).ToList());
        var cityRanks = new Dictionary<string, (int Rank, int Ranked)>(StringComparer.Ordinal);
        foreach (var city in ordered.Select((r, index) => (r, index)).GroupBy(x => x.r.Cluster.City, StringComparer.Ordinal))
        {
            var members = city.ToList();
            var inCity = CompetitionRanks(members.Select(m => m.r.Total).ToList());
            for (var k = 0; k < members.Count; k++)
            {
                cityRanks[members[k].r.Cluster.Cluster] = (inCity[k].Rank, members.Count);
            }
        }

        var ranked = ordered.Select((r, k) => new RankedCluster(
            r.Cluster,
            r.Indicators,
            r.Total,
            ranks[k].Rank,
            ranks[k].TiedWith,
            cityRanks[r.Cluster.Cluster].Rank,
            cityRanks[r.Cluster.Cluster].Ranked,
            BottomPlaces.IsIn(ranks[k].Rank, ranks[k].TiedWith, n, bar.Count, bar.Ties))).ToList();
        return new Ranking(set, year, method, ranked, table.Unscored, bar);
    }

    /// <summary>Competition ranks of totals sorted best first: equal totals share the rank of the first of them.</summary>
    internal static (int Rank, int TiedWith)[] CompetitionRanks(IReadOnlyList<decimal> sortedTotals)
    {
        var ranks = new (int, int)[sortedTotals.Count];
        var start = 0;
        while (start < sortedTotals.Count)
        {
            var end = start;
            while (end + 1 < sortedTotals.Count && sortedTotals[end + 1] == sortedTotals[start])
            {
                end++;
            }

            for (var k = start; k <= end; k++)
            {
                ranks[k] = (start + 1, end - start + 1);
            }

            start = end + 1;
        }

        return ranks;
    }

    /// <summary>The line at the bottom of a ranking of <paramref name="ranked"/> clusters, from the parameters on 31 December.</summary>
    public BarRule BarOf(AssessmentKind kind, int year, int ranked)
    {
        var on = new DateOnly(year, 12, 31);
        ParameterValue Value(string id) =>
            parameters.Get(id).At(on) ?? throw new IndicatorSetException($"参数“{id}”在{on:yyyy-MM-dd}无有效取值");
        string Cite(string id)
        {
            var v = Value(id);
            return $"{parameters.Get(id).LabelZh}（{id}）= {v.Raw}：{v.Citation}{(v.Assumption ? "（假定值）" : string.Empty)}";
        }

        var rounding = Value("planning.expansion.bottom-third-rounding").Raw;
        var ties = Value("planning.expansion.bottom-third-ties").Raw;
        var tiesZh = ties == BottomPlaces.AllTiedIn ? "边界处同分者全部计入" : "边界处同分者全部不计入";
        var roundingZh = rounding switch
        {
            "ceil" => "向上取整",
            "round" => "四舍五入",
            _ => "向下取整",
        };
        if (kind == AssessmentKind.Land)
        {
            var denominator = Value("planning.expansion.bottom-share-denominator").AsDecimal;
            var count = BottomPlaces.CountOfFraction(ranked, denominator, rounding);
            var d = denominator.ToString("0.##", CultureInfo.InvariantCulture);
            return new BarRule(
                $"排名后1/{d}",
                $"{ranked}个参评，后1/{d}为{ranked}÷{d}{roundingZh}={count}个（第{ranked - count + 1}至第{ranked}名），{tiesZh}；排名后1/{d}的不得实施扩区（第（七）条）",
                count,
                ties,
                [Cite("planning.expansion.bottom-share-denominator"), Cite("planning.expansion.bottom-third-rounding"), Cite("planning.expansion.bottom-third-ties")]);
        }

        var share = Value("planning.adjust.below-standard-share").AsDecimal;
        var below = BottomPlaces.CountOfShare(ranked, share, rounding);
        var percent = (share * 100m).ToString("0.##", CultureInfo.InvariantCulture);
        return new BarRule(
            $"未达到考核标准（排名后{percent}%）",
            $"{ranked}个参评，后{percent}%为{ranked}×{percent}%{roundingZh}={below}个（第{ranked - below + 1}至第{ranked}名），{tiesZh}；连续未达标的建议降级（第（二）条）",
            below,
            ties,
            [Cite("planning.adjust.below-standard-share"), Cite("planning.expansion.bottom-third-rounding"), Cite("planning.expansion.bottom-third-ties")]);
    }
}

/// <summary>The indicator values of the clusters that have them all (rows in input order), and those that do not.</summary>
internal sealed record ValueTable(IndicatorSet Set, IReadOnlyList<ClusterInputs> Clusters, IReadOnlyList<decimal[]> Values, IReadOnlyList<UnscoredCluster> Unscored)
{
    public static ValueTable Of(IndicatorSet set, IReadOnlyList<ClusterInputs> clusters)
    {
        var scored = new List<ClusterInputs>();
        var values = new List<decimal[]>();
        var unscored = new List<UnscoredCluster>();
        foreach (var cluster in clusters)
        {
            var row = new decimal[set.Indicators.Count];
            var missing = new List<string>();
            for (var i = 0; i < row.Length; i++)
            {
                var indicator = set.Indicators[i].Indicator;
                var (value, problem) = ValueOf(indicator.Formula, cluster);
                if (problem is not null)
                {
                    missing.Add($"{indicator.Zh}：{problem}");
                }
                else
                {
                    row[i] = value;
                }
            }

            if (missing.Count > 0)
            {
                unscored.Add(new UnscoredCluster(cluster, missing));
            }
            else
            {
                scored.Add(cluster);
                values.Add(row);
            }
        }

        return new ValueTable(set, scored, values, unscored);
    }

    /// <summary>The values a ranking was computed from: its ranked clusters, in rank order.</summary>
    public static ValueTable Of(Ranking ranking) =>
        new(ranking.Set, ranking.Ranked.Select(r => r.Cluster).ToList(), ranking.Ranked.Select(r => r.Indicators.Select(i => i.Value).ToArray()).ToList(), []);

    public ValueTable With(int cluster, int indicator, decimal value)
    {
        var values = Values.ToList();
        var row = (decimal[])values[cluster].Clone();
        row[indicator] = value;
        values[cluster] = row;
        return this with { Values = values };
    }

    /// <summary>An indicator's value from its formula, rounded to 4 decimals, or why it has none.</summary>
    public static (decimal Value, string? Problem) ValueOf(Formula formula, ClusterInputs cluster)
    {
        var missing = formula.Inputs.Where(i => cluster[i] is null).Select(Inputs.ZhOf).ToList();
        if (missing.Count > 0)
        {
            return (0, $"缺少{string.Join("、", missing)}");
        }

        var first = cluster[formula.Inputs[0]]!.Value;
        decimal raw;
        switch (formula.Kind)
        {
            case FormulaKind.Value:
                raw = first;
                break;
            case FormulaKind.Ratio:
                var denominator = cluster[formula.Inputs[1]]!.Value;
                if (denominator == 0)
                {
                    return formula.WhenDenominatorZero is { } z ? (z, null) : (0, $"{Inputs.ZhOf(formula.Inputs[1])}为0，无法计算");
                }

                raw = first / denominator;
                break;
            default:
                var previous = cluster[formula.Inputs[1]]!.Value;
                if (previous <= 0)
                {
                    return (0, $"{Inputs.ZhOf(formula.Inputs[1])}为0，无法计算增长率");
                }

                raw = (first / previous) - 1m;
                break;
        }

        return (Math.Round(raw * formula.Scale, Normaliser.ValueDecimals, MidpointRounding.AwayFromZero), null);
    }
}
