using Jiju.Assessment.Indicators;

namespace Jiju.Assessment.Scoring;

/// <summary>One indicator of one cluster: its value, its score after normalisation, and its part of the total.</summary>
public sealed record IndicatorResult(WeightedIndicator Indicator, decimal Value, decimal Score, decimal Contribution);

/// <summary>
/// A ranked cluster. <see cref="Rank"/> is the competition rank (1 + the number scoring strictly more), shared by the
/// <see cref="TiedWith"/> clusters of one score; the same within the city. <see cref="InBar"/>: in the line the kind
/// draws (the bottom third for land, below standard for development).
/// </summary>
public sealed record RankedCluster(
    ClusterInputs Cluster,
    IReadOnlyList<IndicatorResult> Indicators,
    decimal Score,
    int Rank,
    int TiedWith,
    int CityRank,
    int CityRanked,
    bool InBar);

/// <summary>A cluster that could not be scored, and why: each indicator it lacks, with the input that is missing.</summary>
public sealed record UnscoredCluster(ClusterInputs Cluster, IReadOnlyList<string> Missing);

/// <summary>
/// The line a ranking draws at its bottom: for land, "排名后1/3" (art. 7, no expansion); for development, "考核期内达不到标准"
/// (art. 2, towards 降). <see cref="Count"/> places out of the ranked; ties across the line are all in or all out.
/// </summary>
public sealed record BarRule(string Zh, string Definition, int Count, string Ties, IReadOnlyList<string> Citations)
{
    public int FirstPlace(int ranked) => ranked - Count + 1;
}

/// <summary>The result of one evaluation of one year: ranked clusters in order, the unscored, and the line.</summary>
public sealed record Ranking(
    IndicatorSet Set,
    int Year,
    Normalisation Method,
    IReadOnlyList<RankedCluster> Ranked,
    IReadOnlyList<UnscoredCluster> Unscored,
    BarRule Bar)
{
    public RankedCluster? Find(string cluster) => Ranked.FirstOrDefault(r => r.Cluster.Cluster == cluster);
}
