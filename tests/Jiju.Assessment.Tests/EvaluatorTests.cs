using Jiju.Assessment.Indicators;
using Jiju.Assessment.Scoring;
using Jiju.Policy.Engine;

namespace Jiju.Assessment.Tests;

public sealed class EvaluatorTests
{
    private static readonly Evaluator Evaluator = new(ParameterSet.Shipped);

    [Fact]
    public void Scores_AreTheDocumentedFormulasWorkedByHand()
    {
        // A: 收入 80亿 → 80/100 × 100 = 80.00; 闲置率 2.5% → 100 × (10 − 2.5)/(10 − 0) = 75.00; 0.6 × 80 + 0.4 × 75 = 78.00.
        // B: 收入 120亿 → capped at 100.00; 闲置率 10% → 0.00; 0.6 × 100 = 60.00.
        // C: 收入 33.333亿 → 33.333 → 33.33; 闲置率 0 → 100.00; 0.6 × 33.33 + 40 = 59.998 → 60.00 (ties with B).
        var ranking = Evaluator.Rank(Population.Tiny(), 2015, [Population.Cluster("A", 80m, 25_000m), Population.Cluster("B", 120m, 100_000m), Population.Cluster("C", 33.333m, 0m)]);

        Assert.Equal(["A", "B", "C"], ranking.Ranked.Select(r => r.Cluster.Cluster));
        Assert.Equal([78.00m, 60.00m, 60.00m], ranking.Ranked.Select(r => r.Score));
        Assert.Equal([80.00m, 75.00m], ranking.Find("A")!.Indicators.Select(i => i.Score));
        Assert.Equal(2.5m, ranking.Find("A")!.Indicators[1].Value);
        Assert.Equal([1, 2, 2], ranking.Ranked.Select(r => r.Rank));
        Assert.Equal([1, 2, 2], ranking.Ranked.Select(r => r.TiedWith));
    }

    [Fact]
    public void MinMaxAndZScore_FollowTheirFormulas()
    {
        var clusters = new[] { Population.Cluster("A", 10m, 0m), Population.Cluster("B", 20m, 0m), Population.Cluster("C", 40m, 0m) };

        var minmax = Evaluator.Rank(Population.Tiny(), 2015, clusters, Normalisation.MinMax);
        var zscore = Evaluator.Rank(Population.Tiny(), 2015, clusters, Normalisation.ZScore);

        // Min–max: (20 − 10)/(40 − 10) × 100 = 33.33; equal idle rates all score 100.
        Assert.Equal(33.33m, minmax.Find("B")!.Indicators[0].Score);
        Assert.Equal(100m, minmax.Find("B")!.Indicators[1].Score);

        // Z: mean 23.333, population sd 12.472; B: 50 + 10 × (20 − 23.333)/12.472 = 47.33; sd 0 scores 50.
        Assert.Equal(47.33m, zscore.Find("B")!.Indicators[0].Score);
        Assert.Equal(50m, zscore.Find("B")!.Indicators[1].Score);
    }

    [Fact]
    public void ACluster_MissingAnInput_IsListedNotScoredAsZero()
    {
        var ranking = Evaluator.Rank(Population.Tiny(), 2015, [Population.Cluster("A", 80m, 0m), Population.Cluster("B", null, 0m)]);

        Assert.Equal(["A"], ranking.Ranked.Select(r => r.Cluster.Cluster));
        var unscored = Assert.Single(ranking.Unscored);
        Assert.Equal("B", unscored.Cluster.Cluster);
        Assert.Equal(["收入：缺少主营业务收入"], unscored.Missing);
    }

    [Fact]
    public void AZeroDenominator_LeavesTheIndicatorUncomputed()
    {
        var cluster = Population.Cluster("A", 80m, 0m) with { Values = new Dictionary<string, decimal?> { ["revenue"] = 1m, ["land.idle"] = 0m, ["land.supplied"] = 0m } };

        var ranking = Evaluator.Rank(Population.Tiny(), 2015, [cluster]);

        Assert.Contains("已供应国有建设用地面积为0", Assert.Single(ranking.Unscored).Missing[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(11, 3)]
    [InlineData(12, 4)]
    public void BottomThird_IsFloorOfNOverThreeByDefault(int n, int count)
    {
        var clusters = Enumerable.Range(1, n).Select(i => Population.Cluster($"C{i:00}", i, 0m)).ToList();

        var ranking = Evaluator.Rank(Population.Tiny().With(AssessmentKind.Land), 2015, clusters);

        Assert.Equal(count, ranking.Bar.Count);
        Assert.Equal(Enumerable.Range(1, count).Select(i => $"C{i:00}"), ranking.Ranked.Where(r => r.InBar).Select(r => r.Cluster.Cluster).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("all-tied-out", false)]
    [InlineData("all-tied-in", true)]
    public void ATieAcrossTheBottomThirdLine_IsAllInOrAllOutByTheParameter(string ties, bool inBar)
    {
        // Ten clusters; C03 and C04 share a score at places 7 and 8, across the line before place 8.
        var clusters = Enumerable.Range(1, 10).Select(i => Population.Cluster($"C{i:00}", i == 3 ? 4 : i, 0m)).ToList();
        var evaluator = new Evaluator(ParameterSet.Shipped.WithOverlay(new Dictionary<string, string> { ["planning.expansion.bottom-third-ties"] = ties }));

        var ranking = evaluator.Rank(Population.Tiny().With(AssessmentKind.Land), 2015, clusters);

        var tied = ranking.Ranked.Where(r => r.Cluster.Cluster is "C03" or "C04").ToList();
        Assert.All(tied, r => Assert.Equal((7, 2, inBar), (r.Rank, r.TiedWith, r.InBar)));
        Assert.True(ranking.Find("C02")!.InBar);
    }

    [Fact]
    public void CityRanks_CountWithinTheCityOnly()
    {
        var ranking = Evaluator.Rank(Population.Tiny(), 2015, [Population.Cluster("A", 90m, 0m, "410100"), Population.Cluster("B", 80m, 0m, "410200"), Population.Cluster("C", 70m, 0m, "410100")]);

        Assert.Equal((2, 2), (ranking.Find("C")!.CityRank, ranking.Find("C")!.CityRanked));
        Assert.Equal((1, 1), (ranking.Find("B")!.CityRank, ranking.Find("B")!.CityRanked));
    }
}

internal static class SetExtensions
{
    public static IndicatorSet With(this IndicatorSet set, AssessmentKind kind) => set with { Kind = kind };
}
