using Jiju.Assessment.Robustness;
using Jiju.Assessment.Scoring;
using Jiju.Policy.Engine;

namespace Jiju.Assessment.Tests;

public sealed class RobustnessTests
{
    private static readonly Evaluator Evaluator = new(ParameterSet.Shipped);

    private static Ranking Thirty() =>
        Evaluator.Rank(
            Population.Tiny().With(Indicators.AssessmentKind.Land),
            2015,
            Enumerable.Range(1, 30).Select(i => Population.Cluster($"C{i:00}", 20 + (i * 2.5m), (i * 7919 % 97) * 1000m)).ToList());

    [Fact]
    public void Sensitivity_IsTheSameForTheSameSeed()
    {
        var ranking = Thirty();

        var first = Sensitivity.Run(ranking, Evaluator, new SensitivityOptions(Draws: 2_000, Seed: 7));
        var second = Sensitivity.Run(ranking, Evaluator, new SensitivityOptions(Draws: 2_000, Seed: 7));

        Assert.Equal(first.Clusters, second.Clusters);
    }

    [Fact]
    public void Sensitivity_GivesIntervalsAroundTheRankAndProbabilities()
    {
        var ranking = Thirty();

        var result = Sensitivity.Run(ranking, Evaluator, new SensitivityOptions(Draws: 2_000, Seed: 7, Perturbation: WeightPerturbation.Dirichlet));

        Assert.All(result.Clusters, c =>
        {
            Assert.InRange(c.RankP05, 1, c.RankMedian);
            Assert.InRange(c.RankP95, c.RankMedian, 30);
            Assert.InRange(c.InBarProbability, 0, 1);
            Assert.Null(c.DowngradeProbability);
        });

        // The clear leader and the clear laggard are certain; somebody near the line is not.
        Assert.Contains(result.Clusters, c => c.InBarProbability is > 0 and < 1);
        Assert.Equal(10, ranking.Bar.Count);
    }

    [Fact]
    public void DowngradeProbability_IsZeroUnlessThisYearCanCompleteTheStreak()
    {
        var ranking = Thirty();
        var before = ranking.Ranked.ToDictionary(r => r.Cluster.Cluster, r => r.Cluster.Cluster == "C01" ? 1 : 0);

        var result = Sensitivity.Run(ranking, Evaluator, new SensitivityOptions(Draws: 1_000, Seed: 1), before, downgradeYears: 2);

        Assert.Equal(result.Find("C01")!.InBarProbability, result.Find("C01")!.DowngradeProbability);
        Assert.Equal(0d, result.Find("C02")!.DowngradeProbability);
    }

    [Fact]
    public void Gamma_HasItsShapeAsMean()
    {
        var random = new Random(3);

        var mean = Enumerable.Range(0, 20_000).Average(_ => Sensitivity.Gamma(2.5, random));

        Assert.InRange(mean, 2.4, 2.6);
    }

    [Fact]
    public void MinimalChange_IsTheSmallestValueThatCrossesTheLine()
    {
        var ranking = Thirty();
        var laggard = ranking.Ranked.Last(r => r.InBar);

        var explanation = Explainer.Explain(ranking, Evaluator, laggard.Cluster.Cluster);

        var revenue = explanation.Changes[0];
        Assert.NotNull(revenue.Needed);
        Assert.True(revenue.Needed > revenue.Current);
        Assert.False(InBar(ranking, laggard.Cluster.Cluster, revenue.Needed!.Value));
        Assert.True(InBar(ranking, laggard.Cluster.Cluster, revenue.Needed.Value - 0.0001m));
        Assert.Equal(laggard.Score, Normaliser.Round(explanation.Subtotals.Where(s => s.SubGoal is null).Sum(s => s.Contribution)));
    }

    [Fact]
    public void Consequences_CountYearsBehindTheLineBackFromTheYear()
    {
        var ranking = Thirty();
        var last = ranking.Ranked[^1].Cluster.Cluster;

        Assert.Equal(2, Consequences.YearsBehindLine([ranking, ranking, Thirty() with { Ranked = [] }], last));
        Assert.Equal(0, Consequences.YearsBehindLine([ranking], ranking.Ranked[0].Cluster.Cluster));
    }

    private static bool InBar(Ranking ranking, string cluster, decimal revenueYi)
    {
        var inputs = ranking.Ranked.Select(r => r.Cluster.Cluster == cluster
            ? r.Cluster with { Values = new Dictionary<string, decimal?>(r.Cluster.Values) { ["revenue"] = revenueYi * 100_000_000m } }
            : r.Cluster).ToList();
        return Evaluator.Rank(ranking.Set, ranking.Year, inputs).Find(cluster)!.InBar;
    }
}
