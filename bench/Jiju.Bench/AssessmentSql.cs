using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Jiju.Assessment.Indicators;
using Jiju.Assessment.Scoring;
using Jiju.Policy.Planning;

namespace Jiju.Bench;

/// <summary>
/// An indicator set as DuckDB tables and SQL, the way an analyst would write the evaluation by hand: a wide table of
/// inputs (one row per cluster), a table of indicators (direction, ideal, worst, weight and the nodes above it), the
/// weight tree, and queries written out from the set's formulas. Values are DOUBLE and rounded as the documented method
/// rounds them (values to 4 decimals, scores and totals to 2).
/// </summary>
public sealed class AssessmentSql(IndicatorSet set, BarRule bar)
{
    private readonly List<string> _inputs = [.. set.Indicators.SelectMany(i => i.Indicator.Formula.Inputs).Distinct(StringComparer.Ordinal)];

    public async Task LoadAsync(DuckDBConnection duck, IReadOnlyList<ClusterInputs> clusters)
    {
        await using (var create = duck.CreateCommand())
        {
            create.CommandText = $"""
                CREATE TABLE inputs (cluster VARCHAR, {string.Join(", ", _inputs.Select((_, c) => $"c{c} DOUBLE"))});
                CREATE TABLE ind (i INTEGER, higher BOOLEAN, ideal DOUBLE, worst DOUBLE, weight DOUBLE, node INTEGER, sub INTEGER, goal INTEGER);
                CREATE TABLE nodes (id INTEGER, parent INTEGER, weight DOUBLE);
                """;
            await create.ExecuteNonQueryAsync();
        }

        using (var appender = duck.CreateAppender("inputs"))
        {
            foreach (var cluster in clusters)
            {
                var row = appender.CreateRow().AppendValue(cluster.Cluster);
                foreach (var input in _inputs)
                {
                    row = row.AppendValue(cluster[input] is { } v ? (double?)(double)v : null);
                }

                row.EndRow();
            }
        }

        // The tree: goals under node 0, sub-goals under their goal, indicators under their sub-goal.
        var nodes = new List<(int Id, int Parent, double Weight)>();
        var indicators = new List<(int I, bool Higher, double Ideal, double? Worst, double Weight, int Node, int Sub, int Goal)>();
        var id = 0;
        var i = 0;
        foreach (var goal in set.Goals)
        {
            var goalId = ++id;
            nodes.Add((goalId, 0, (double)goal.Weight));
            foreach (var sub in goal.SubGoals)
            {
                var subId = ++id;
                nodes.Add((subId, goalId, (double)sub.Weight));
                foreach (var indicator in sub.Indicators)
                {
                    var node = ++id;
                    nodes.Add((node, subId, (double)indicator.Weight));
                    indicators.Add((i, indicator.Direction == Direction.Higher, (double)indicator.Ideal, (double?)indicator.Worst, (double)(goal.Weight * sub.Weight * indicator.Weight), node, subId, goalId));
                    i++;
                }
            }
        }

        using (var appender = duck.CreateAppender("nodes"))
        {
            foreach (var (nodeId, parent, weight) in nodes)
            {
                appender.CreateRow().AppendValue(nodeId).AppendValue(parent).AppendValue(weight).EndRow();
            }
        }

        using (var appender = duck.CreateAppender("ind"))
        {
            foreach (var x in indicators)
            {
                appender.CreateRow().AppendValue(x.I).AppendValue(x.Higher).AppendValue(x.Ideal).AppendValue(x.Worst).AppendValue(x.Weight)
                    .AppendValue(x.Node).AppendValue(x.Sub).AppendValue(x.Goal).EndRow();
            }
        }
    }

    /// <summary>The official evaluation: cluster, total and competition rank, best first.</summary>
    public string Evaluation() => $"""
        WITH {Scores([set.Method])},
        totals AS (SELECT cluster, round(sum(ind.weight * s), 2) AS total FROM scores JOIN ind USING (i) GROUP BY cluster)
        SELECT cluster, total, rank() OVER (ORDER BY total DESC) AS r FROM totals ORDER BY r, cluster
        """;

    /// <summary>
    /// The statements of the sensitivity analysis, to run in order; the last one returns per cluster the 5th, 50th and
    /// 95th percentile rank over the draws and the share of draws behind the line. The scores are computed once; the
    /// draws are ranked in batches of at most about 40 million weighted scores (one batch on the province), because
    /// DuckDB ran out of memory (18.8 GiB) ranking all 10,000 draws over the national zones in one query.
    /// </summary>
    public IReadOnlyList<string> Sensitivity(int draws, int ranked)
    {
        var first = bar.FirstPlace(ranked);
        var allTied = bar.Ties == BottomPlaces.AllTiedIn ? "TRUE" : "FALSE";
        var batch = Math.Max(1, 40_000_000 / Math.Max(1, ranked * set.Indicators.Count));
        var statements = new List<string>
        {
            $"""
            CREATE OR REPLACE TABLE scores AS WITH {Scores(set.Alternatives)} SELECT * FROM scores;
            CREATE OR REPLACE TABLE ranks (cluster VARCHAR, r BIGINT, tied BIGINT);
            """,
        };
        for (var start = 0; start < draws; start += batch)
        {
            statements.Add(string.Create(CultureInfo.InvariantCulture, $"""
                INSERT INTO ranks
                WITH draws AS MATERIALIZED (SELECT range AS d, CAST(floor(random() * {set.Alternatives.Count}) AS INTEGER) AS m FROM range({start}, {Math.Min(draws, start + batch)})),
                pert AS MATERIALIZED (SELECT d, id, parent, weight * (1 + 0.2 * (2 * random() - 1)) AS w FROM draws CROSS JOIN nodes),
                norm AS MATERIALIZED (SELECT d, id, w / sum(w) OVER (PARTITION BY d, parent) AS w FROM pert),
                gw AS MATERIALIZED (
                    SELECT n.d, ind.i, g.w * s.w * n.w AS w
                    FROM ind JOIN norm n ON n.id = ind.node
                    JOIN norm s ON s.id = ind.sub AND s.d = n.d
                    JOIN norm g ON g.id = ind.goal AND g.d = n.d),
                totals AS (
                    SELECT gw.d, sc.cluster, sum(gw.w * sc.s) AS total
                    FROM gw JOIN draws USING (d) JOIN scores sc ON sc.m = draws.m AND sc.i = gw.i
                    GROUP BY gw.d, sc.cluster)
                SELECT cluster, rank() OVER (PARTITION BY d ORDER BY total DESC) AS r, count(*) OVER (PARTITION BY d, total) AS tied
                FROM totals
                """));
        }

        statements.Add(string.Create(CultureInfo.InvariantCulture, $"""
            SELECT cluster, quantile_disc(r, 0.05), quantile_disc(r, 0.5), quantile_disc(r, 0.95),
                   avg(CASE WHEN r >= {first} OR (r + tied - 1 >= {first} AND {allTied}) THEN 1.0 ELSE 0.0 END)
            FROM ranks GROUP BY cluster
            """));
        return statements;
    }

    /// <summary>
    /// CTEs up to <c>scores(m, cluster, i, s)</c>: each indicator's value from its formula, clusters lacking any value left
    /// out, and the score under each method, numbered in the order given (0, 1, …).
    /// </summary>
    private string Scores(IReadOnlyList<Normalisation> methods)
    {
        var k = set.Indicators.Count;
        var values = string.Join(",\n        ", set.Indicators.Select((x, i) => $"{Value(x.Indicator.Formula)} AS v{i}"));
        var complete = string.Join(" AND ", Enumerable.Range(0, k).Select(i => $"v{i} IS NOT NULL"));
        var unpivot = string.Join("\n        UNION ALL ", Enumerable.Range(0, k).Select(i => $"SELECT cluster, {i} AS i, v{i} AS v FROM ok"));
        var cases = new StringBuilder();
        for (var m = 0; m < methods.Count; m++)
        {
            cases.Append(CultureInfo.InvariantCulture, $"\n            WHEN {m} THEN {Score(methods[m])}");
        }

        return $"""
            vals AS (SELECT cluster,
                    {values}
                FROM inputs),
            ok AS (SELECT * FROM vals WHERE {complete}),
            long AS ({unpivot}),
            stats AS (SELECT i, min(v) AS mn, max(v) AS mx, avg(v) AS mean, stddev_pop(v) AS sd FROM long GROUP BY i),
            methods AS (SELECT range AS m FROM range({methods.Count})),
            scores AS MATERIALIZED (
                SELECT methods.m, long.cluster, long.i, CASE methods.m{cases}
                    END AS s
                FROM long JOIN ind USING (i) JOIN stats USING (i) CROSS JOIN methods)
            """;
    }

    private static string Score(Normalisation method) => method switch
    {
        Normalisation.Ideal => "CASE WHEN higher THEN round(least(greatest(100 * v / ideal, 0), 100), 2) WHEN v <= ideal THEN 100 WHEN v >= worst THEN 0 ELSE round(100 * (worst - v) / (worst - ideal), 2) END",
        Normalisation.MinMax => "CASE WHEN mx = mn THEN 100 WHEN higher THEN round(100 * (v - mn) / (mx - mn), 2) ELSE round(100 * (mx - v) / (mx - mn), 2) END",
        _ => "CASE WHEN sd = 0 THEN 50 ELSE round(50 + 10 * (CASE WHEN higher THEN 1 ELSE -1 END) * (v - mean) / sd, 2) END",
    };

    private string Value(Formula formula)
    {
        string Column(string input) => $"c{_inputs.IndexOf(input)}";
        var scale = AssessmentChildren.Sql(formula.Scale);
        return formula.Kind switch
        {
            FormulaKind.Value => $"round({Column(formula.Inputs[0])} * {scale}, 4)",
            FormulaKind.Ratio => $"CASE WHEN {Column(formula.Inputs[1])} = 0 THEN {(formula.WhenDenominatorZero is { } z ? AssessmentChildren.Sql(z) : "NULL")} ELSE round({Column(formula.Inputs[0])} / {Column(formula.Inputs[1])} * {scale}, 4) END",
            _ => $"CASE WHEN {Column(formula.Inputs[1])} <= 0 THEN NULL ELSE round(({Column(formula.Inputs[0])} / {Column(formula.Inputs[1])} - 1) * {scale}, 4) END",
        };
    }
}
