using System.Diagnostics;
using System.Globalization;
using Jiju.Application.Assessment;
using Jiju.Assessment.Indicators;
using Jiju.Assessment.Robustness;
using Jiju.Assessment.Scoring;
using Jiju.Data;
using Jiju.Policy.Engine;

namespace Jiju.Bench;

/// <summary>
/// Item 2: the annual assessment. <see cref="JijuAsync"/> runs both evaluations with a 10,000-draw sensitivity analysis
/// as <c>jiju assess</c> does (end to end, reading every input from the database), then times the parts apart: reading
/// the inputs, ranking, and the draws. <see cref="DuckDbAsync"/> is the baseline: the land evaluation and its sensitivity
/// analysis written as SQL in DuckDB over the same per-cluster inputs.
/// </summary>
public static class AssessmentChildren
{
    public const int Year = 2015;

    public static async Task JijuAsync(ChildArgs a, ChildResult r)
    {
        var options = Children.Sqlite(a["db"]);
        var draws = a.Count("draws", 10_000);
        var scope = Children.Scope(a);
        await DatabaseMigrator.MigrateAsync(options);

        // End to end, as `jiju assess --year 2015 --kind land|development --draws 10000` runs them.
        var times = new List<double>();
        for (var i = 0; i < a.Count("repeat", 1); i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await using var db = options.CreateContext(scope);
            var service = new AssessmentService(db, scope);
            var land = await service.AssessAsync(new AssessmentRequest(Year, AssessmentKind.Land, draws));
            var development = await service.AssessAsync(new AssessmentRequest(Year, AssessmentKind.Development, draws));
            stopwatch.Stop();
            times.Add(stopwatch.Elapsed.TotalSeconds);
            r["land.ranked"] = land.RankedCount;
            r["land.behind_line"] = land.Rows.Count(row => row.Ranked.InBar);
            r["development.ranked"] = development.RankedCount;
            r["development.behind_line"] = development.Rows.Count(row => row.Ranked.InBar);
            Children.Say($"run {i + 1}: land {land.RankedCount:N0} ranked, development {development.RankedCount:N0} ranked, {draws:N0} draws each, in {stopwatch.Elapsed.TotalSeconds:0.00} s");
        }

        r["seconds"] = Children.Median(times);
        r["seconds_first"] = times[0];
        r["runs"] = times.Count;
        r["draws"] = draws;

        // The parts, each timed on its own over the same inputs.
        await using (var db = options.CreateContext(scope))
        {
            var evaluator = new Evaluator(ParameterSet.Shipped);
            var reader = new AssessmentInputsReader(db, ParameterSet.Shipped);
            var clusters = await reader.ClustersAsync(CancellationToken.None);
            var compute = 0d;
            foreach (var kind in new[] { AssessmentKind.Land, AssessmentKind.Development })
            {
                var key = kind.ToString().ToLowerInvariant();
                var read = Stopwatch.StartNew();
                var inputs = await reader.ReadAsync(kind, Year, null, clusters, CancellationToken.None);
                r[key + ".read_seconds"] = read.Elapsed.TotalSeconds;
                var set = IndicatorSets.Shipped.For(kind, Year);
                Ranking ranking = null!;
                r[key + ".rank_seconds"] = MedianOf(5, () => ranking = evaluator.Rank(set, Year, inputs));
                SensitivityResult sensitivity = null!;
                r[key + ".sensitivity_seconds"] = MedianOf(a.Count("repeat", 1), () => sensitivity = Sensitivity.Run(ranking, evaluator, new SensitivityOptions(draws)));
                r[key + ".indicators"] = set.Indicators.Count;
                r[key + ".total_sum"] = (double)ranking.Ranked.Sum(c => c.Score);
                r[key + ".in_bar_probability_sum"] = sensitivity.Clusters.Sum(c => c.InBarProbability);
                compute += r[key + ".rank_seconds"] + r[key + ".sensitivity_seconds"];
                Children.Say($"{key}: read {r[key + ".read_seconds"]:0.000} s, rank {r[key + ".rank_seconds"] * 1000:0.0} ms, {draws:N0} draws {r[key + ".sensitivity_seconds"]:0.000} s");
            }

            r["compute_seconds"] = compute;
        }
    }

    /// <summary>
    /// The baseline: the land evaluation (values, ideal-value scores, weighted total, rank) and its sensitivity analysis
    /// (weights perturbed ±20 % at every level and renormalised, the method drawn from the set's alternatives, ranks per
    /// draw, the 5th/50th/95th percentile and the share of draws behind the line) as SQL in DuckDB. The inputs are read by
    /// Jiju's reader (untimed) and loaded through the appender (timed apart), so both start from the same per-cluster
    /// figures. DuckDB draws its own random numbers, so its sensitivity figures agree with Jiju's statistically, not
    /// digit for digit; the child says by how much.
    /// </summary>
    public static async Task DuckDbAsync(ChildArgs a, ChildResult r)
    {
        var options = Children.Sqlite(a["db"]);
        var draws = a.Count("draws", 10_000);
        var scope = Children.Scope(a);
        await DatabaseMigrator.MigrateAsync(options);
        var set = IndicatorSets.Shipped.For(AssessmentKind.Land, Year);
        var evaluator = new Evaluator(ParameterSet.Shipped);
        IReadOnlyList<ClusterInputs> inputs;
        await using (var db = options.CreateContext(scope))
        {
            var reader = new AssessmentInputsReader(db, ParameterSet.Shipped);
            inputs = await reader.ReadAsync(AssessmentKind.Land, Year, null, await reader.ClustersAsync(CancellationToken.None), CancellationToken.None);
        }

        // Jiju's answer, untimed, to compare with.
        var jiju = evaluator.Rank(set, Year, inputs);
        var jijuSensitivity = Sensitivity.Run(jiju, evaluator, new SensitivityOptions(draws));

        await using var duck = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
        await duck.OpenAsync();
        var sql = new AssessmentSql(set, jiju.Bar);
        var load = Stopwatch.StartNew();
        await sql.LoadAsync(duck, inputs);
        r["load_seconds"] = load.Elapsed.TotalSeconds;

        var evaluation = new List<(string Cluster, double Total, long Rank)>();
        r["evaluate_seconds"] = await MedianOfAsync(5, async () =>
        {
            evaluation = [];
            await using var command = duck.CreateCommand();
            command.CommandText = sql.Evaluation();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                evaluation.Add((reader.GetString(0), reader.GetDouble(1), reader.GetInt64(2)));
            }
        });
        var sensitivity = new Dictionary<string, (long P05, long Median, long P95, double InBar)>(StringComparer.Ordinal);
        r["sensitivity_seconds"] = await MedianOfAsync(a.Count("repeat", 1), async () =>
        {
            sensitivity = new(StringComparer.Ordinal);
            var statements = sql.Sensitivity(draws, jiju.Ranked.Count);
            foreach (var statement in statements.SkipLast(1))
            {
                await using var step = duck.CreateCommand();
                step.CommandText = statement;
                await step.ExecuteNonQueryAsync();
            }

            await using var command = duck.CreateCommand();
            command.CommandText = statements[^1];
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sensitivity[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetDouble(4));
            }
        });
        r["seconds"] = r["evaluate_seconds"] + r["sensitivity_seconds"];
        r["draws"] = draws;
        r["ranked"] = evaluation.Count;

        // Agreement: the evaluation digit for digit, the sensitivity within sampling error.
        var jijuRanks = jiju.Ranked.ToDictionary(c => c.Cluster.Cluster, StringComparer.Ordinal);
        r["same_rank"] = evaluation.Count(e => jijuRanks.TryGetValue(e.Cluster, out var j) && j.Rank == e.Rank);
        r["same_total"] = evaluation.Count(e => jijuRanks.TryGetValue(e.Cluster, out var j) && (double)j.Score == e.Total);
        r.Notes["different_totals"] = string.Join("; ", evaluation
            .Where(e => !jijuRanks.TryGetValue(e.Cluster, out var j) || (double)j.Score != e.Total)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Cluster}: DuckDB {e.Total:0.00####} rank {e.Rank}, Jiju {jijuRanks.GetValueOrDefault(e.Cluster)?.Score} rank {jijuRanks.GetValueOrDefault(e.Cluster)?.Rank}")));
        var differences = jijuSensitivity.Clusters.Where(c => sensitivity.ContainsKey(c.Cluster)).Select(c => (Jiju: c, Duck: sensitivity[c.Cluster])).ToList();
        r["sensitivity_clusters"] = differences.Count;
        r["in_bar_max_difference"] = differences.Count == 0 ? double.NaN : differences.Max(d => Math.Abs(d.Jiju.InBarProbability - d.Duck.InBar));
        r["median_rank_mean_difference"] = differences.Count == 0 ? double.NaN : differences.Average(d => Math.Abs(d.Jiju.RankMedian - d.Duck.Median));
        r["p95_rank_mean_difference"] = differences.Count == 0 ? double.NaN : differences.Average(d => Math.Abs(d.Jiju.RankP95 - d.Duck.P95));
        Children.Say($"DuckDB: load {r["load_seconds"]:0.000} s, evaluation {r["evaluate_seconds"] * 1000:0.0} ms ({r["same_rank"]:N0} of {jiju.Ranked.Count:N0} ranks as Jiju's), {draws:N0} draws {r["sensitivity_seconds"]:0.000} s (behind-the-line probability within {r["in_bar_max_difference"]:0.000} of Jiju's)");
        r.Notes["evaluation_sql"] = sql.Evaluation();
        r.Notes["sensitivity_sql"] = string.Join(";\n", sql.Sensitivity(draws, jiju.Ranked.Count));
    }

    private static double MedianOf(int runs, Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < Math.Max(1, runs); i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            times.Add(stopwatch.Elapsed.TotalSeconds);
        }

        return Children.Median(times);
    }

    private static async Task<double> MedianOfAsync(int runs, Func<Task> action)
    {
        var times = new List<double>();
        for (var i = 0; i < Math.Max(1, runs); i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await action();
            times.Add(stopwatch.Elapsed.TotalSeconds);
        }

        return Children.Median(times);
    }

    /// <summary>Compact invariant number text for SQL literals.</summary>
    internal static string Sql(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
