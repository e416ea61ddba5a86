using Jiju.Assessment.Indicators;
using Jiju.Assessment.Scoring;

namespace Jiju.Assessment.Robustness;

/// <summary>How the weights are perturbed in each draw.</summary>
public enum WeightPerturbation
{
    /// <summary>Each weight times a uniform factor in [1 − spread, 1 + spread], then renormalised within its level.</summary>
    Uniform = 1,

    /// <summary>Each level's weights drawn from Dirichlet(concentration × weights): mean the official weights.</summary>
    Dirichlet = 2,
}

/// <summary>
/// The settings of a sensitivity analysis. The seed fixes every draw: the same seed, draws and settings give the same
/// result on any machine and any number of cores.
/// </summary>
public sealed record SensitivityOptions(int Draws = 10_000, int Seed = 20120308, WeightPerturbation Perturbation = WeightPerturbation.Uniform, double Spread = 0.2, double Concentration = 50, bool SwapMethods = true)
{
    public string ToChinese() =>
        $"{Draws}次抽样（随机种子{Seed}）：" + (Perturbation == WeightPerturbation.Uniform
            ? $"各层权重在±{Spread * 100:0.#}%内均匀扰动后按层归一"
            : $"各层权重按狄利克雷分布（集中度{Concentration:0.#}，均值为原权重）抽取")
        + (SwapMethods ? "，标准化方法在指标体系列出的可选方法中等概率抽取" : "，标准化方法不变");
}

/// <summary>What the draws say about one cluster: its rank interval and how often it fell behind the line.</summary>
public sealed record ClusterSensitivity(string Cluster, int RankP05, int RankMedian, int RankP95, double InBarProbability, double? DowngradeProbability);

public sealed record SensitivityResult(SensitivityOptions Options, IReadOnlyList<Normalisation> Methods, IReadOnlyList<ClusterSensitivity> Clusters)
{
    public ClusterSensitivity? Find(string cluster) => Clusters.FirstOrDefault(c => c.Cluster == cluster);
}

/// <summary>
/// Re-ranks the population thousands of times under perturbed weights and swapped normalisation methods, and reports per
/// cluster the 5th–95th percentile of its rank, the probability of being behind the line (bottom third, or below
/// standard), and — where the years already below standard are given — the probability that this year completes the
/// streak that recommends 降. Draws run in fixed blocks, each with its own seeded generator, so the result does not
/// depend on how many threads ran them.
/// </summary>
public static class Sensitivity
{
    private const int Block = 250;

    /// <param name="ranking">The official ranking (its population, values, line and tie rule).</param>
    /// <param name="evaluator">Scores the population under each alternative method.</param>
    /// <param name="options">Draws, seed and how weights and methods are perturbed.</param>
    /// <param name="yearsBelowBefore">Per cluster, consecutive years below standard before this one; null for land.</param>
    /// <param name="downgradeYears">Consecutive years below standard from which 降 is recommended.</param>
    public static SensitivityResult Run(
        Ranking ranking,
        Evaluator evaluator,
        SensitivityOptions options,
        IReadOnlyDictionary<string, int>? yearsBelowBefore = null,
        int downgradeYears = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Draws, 1);
        var set = ranking.Set;
        var n = ranking.Ranked.Count;
        var k = set.Indicators.Count;
        var methods = options.SwapMethods ? set.Alternatives : [ranking.Method];
        var table = ValueTable.Of(ranking);
        var clusters = table.Clusters;

        // Scores per method, cluster and indicator: the draws only re-weight them.
        var scores = methods.Select(m =>
        {
            var byMethod = evaluator.Rank(table, ranking.Year, m);
            var index = byMethod.Ranked.ToDictionary(r => r.Cluster.Cluster, StringComparer.Ordinal);
            var matrix = new double[n * k];
            for (var c = 0; c < n; c++)
            {
                var row = index[clusters[c].Cluster].Indicators;
                for (var i = 0; i < k; i++)
                {
                    matrix[(c * k) + i] = (double)row[i].Score;
                }
            }

            return matrix;
        }).ToArray();

        var completes = clusters.Select(c => yearsBelowBefore is not null && yearsBelowBefore.GetValueOrDefault(c.Cluster) + 1 >= downgradeYears).ToArray();
        var blocks = (options.Draws + Block - 1) / Block;

        // One rank histogram per worker, not per block: n² counts each (3,000 zones: 36 MB), merged at the end. Counts
        // add up the same in any order, so the result still depends only on the seed.
        var histogram = new long[n * n];
        var inBar = new long[n];
        var gate = new object();
        Parallel.For(
            0,
            blocks,
            () => new Tally(n),
            (b, _, tally) =>
            {
                var random = new Random(unchecked((options.Seed * 1_000_003) + b));
                var tree = new WeightTree(set);
                var weights = new double[k];
                var keys = new double[n];
                var order = new int[n];
                var draws = Math.Min(Block, options.Draws - (b * Block));
                for (var d = 0; d < draws; d++)
                {
                    var method = random.Next(methods.Count);
                    tree.Draw(options, random, weights);
                    var matrix = scores[method];
                    for (var c = 0; c < n; c++)
                    {
                        var sum = 0d;
                        var row = c * k;
                        for (var i = 0; i < k; i++)
                        {
                            sum += weights[i] * matrix[row + i];
                        }

                        // Sorted ascending on the negated total: best first. The order within a tie does not matter,
                        // since every tied cluster takes the rank of the first of them.
                        keys[c] = -sum;
                        order[c] = c;
                    }

                    Array.Sort(keys, order);
                    var start = 0;
                    while (start < n)
                    {
                        var end = start;
                        while (end + 1 < n && keys[end + 1] == keys[start])
                        {
                            end++;
                        }

                        var tied = end - start + 1;
                        var isIn = Policy.Planning.BottomPlaces.IsIn(start + 1, tied, n, ranking.Bar.Count, ranking.Bar.Ties);
                        for (var p = start; p <= end; p++)
                        {
                            tally.Histogram[(order[p] * n) + start]++;
                            if (isIn)
                            {
                                tally.InBar[order[p]]++;
                            }
                        }

                        start = end + 1;
                    }
                }

                return tally;
            },
            tally =>
            {
                lock (gate)
                {
                    for (var i = 0; i < histogram.Length; i++)
                    {
                        histogram[i] += tally.Histogram[i];
                    }

                    for (var c = 0; c < n; c++)
                    {
                        inBar[c] += tally.InBar[c];
                    }
                }
            });

        var result = new List<ClusterSensitivity>(n);
        for (var c = 0; c < n; c++)
        {
            var counts = new ReadOnlySpan<long>(histogram, c * n, n);
            var p = (double)inBar[c] / options.Draws;
            result.Add(new ClusterSensitivity(
                clusters[c].Cluster,
                Percentile(counts, options.Draws, 0.05),
                Percentile(counts, options.Draws, 0.5),
                Percentile(counts, options.Draws, 0.95),
                p,
                yearsBelowBefore is null ? null : completes[c] ? p : 0d));
        }

        return new SensitivityResult(options, methods, result);
    }

    /// <summary>The smallest rank whose cumulative count reaches the share <paramref name="q"/> of the draws.</summary>
    private static int Percentile(ReadOnlySpan<long> counts, int draws, double q)
    {
        var needed = Math.Max(1, (long)Math.Ceiling(q * draws));
        var cumulative = 0L;
        for (var r = 0; r < counts.Length; r++)
        {
            cumulative += counts[r];
            if (cumulative >= needed)
            {
                return r + 1;
            }
        }

        return counts.Length;
    }

    /// <summary>A Gamma(shape, 1) variate (Marsaglia and Tsang, 2000); normalised Gamma variates are Dirichlet.</summary>
    internal static double Gamma(double shape, Random random)
    {
        if (shape < 1)
        {
            return Gamma(shape + 1, random) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    private static double Normal(Random random)
    {
        // Box–Muller; 1 − u keeps the logarithm finite.
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>What one worker counts: per cluster, how often it took each rank and how often it was behind the line.</summary>
    private sealed class Tally(int n)
    {
        public int[] Histogram { get; } = new int[n * n];

        public int[] InBar { get; } = new int[n];
    }

    /// <summary>
    /// The set's weights level by level, with buffers to perturb them in (one tree per block of draws): each level is
    /// perturbed and renormalised, then the global weights are multiplied down the tree. The generator is consumed in the
    /// same order for every draw: goals, then per goal its sub-goals, then per sub-goal its indicators.
    /// </summary>
    private sealed class WeightTree
    {
        private readonly double[] _goals;
        private readonly double[][] _subs;
        private readonly double[][][] _indicators;
        private readonly double[] _drawnGoals;
        private readonly double[][] _drawnSubs;
        private readonly double[][][] _drawnIndicators;

        public WeightTree(IndicatorSet set)
        {
            _goals = [.. set.Goals.Select(g => (double)g.Weight)];
            _subs = [.. set.Goals.Select(g => g.SubGoals.Select(s => (double)s.Weight).ToArray())];
            _indicators = [.. set.Goals.Select(g => g.SubGoals.Select(s => s.Indicators.Select(i => (double)i.Weight).ToArray()).ToArray())];
            _drawnGoals = new double[_goals.Length];
            _drawnSubs = [.. _subs.Select(s => new double[s.Length])];
            _drawnIndicators = [.. _indicators.Select(g => g.Select(s => new double[s.Length]).ToArray())];
        }

        public void Draw(SensitivityOptions options, Random random, double[] weights)
        {
            Perturb(_goals, options, random, _drawnGoals);
            var i = 0;
            for (var g = 0; g < _goals.Length; g++)
            {
                var subs = _drawnSubs[g];
                Perturb(_subs[g], options, random, subs);
                for (var s = 0; s < subs.Length; s++)
                {
                    var indicators = _drawnIndicators[g][s];
                    Perturb(_indicators[g][s], options, random, indicators);
                    foreach (var w in indicators)
                    {
                        weights[i++] = _drawnGoals[g] * subs[s] * w;
                    }
                }
            }
        }

        private static void Perturb(double[] weights, SensitivityOptions options, Random random, double[] drawn)
        {
            if (weights.Length == 1)
            {
                drawn[0] = weights[0];
                return;
            }

            var sum = 0d;
            for (var i = 0; i < weights.Length; i++)
            {
                drawn[i] = options.Perturbation == WeightPerturbation.Uniform
                    ? weights[i] * (1 + (options.Spread * ((2 * random.NextDouble()) - 1)))
                    : Gamma(options.Concentration * weights[i], random);
                sum += drawn[i];
            }

            for (var i = 0; i < drawn.Length; i++)
            {
                drawn[i] /= sum;
            }
        }
    }
}
