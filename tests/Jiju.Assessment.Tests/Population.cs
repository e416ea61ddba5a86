using Jiju.Assessment.Indicators;

namespace Jiju.Assessment.Tests;

/// <summary>Small indicator sets and populations whose scores can be worked out by hand in the tests.</summary>
internal static class Population
{
    /// <summary>
    /// Two goals: 规模 (0.6) with 收入 (亿元, ideal 100, weight 1) and 效率 (0.4) with 闲置率 (%, lower, ideal 0, worst 10,
    /// weight 1). Global weights 0.6 and 0.4.
    /// </summary>
    public const string TinySet = """
        id: tiny
        kind: development
        label: {zh: 测试考核, en: Test}
        from: 2012-01-01
        citation: 测试
        method: ideal
        alternatives: [ideal, minmax, zscore]
        weights: {citation: 测试}
        ideals: {citation: 测试}
        goals:
          - id: scale
            zh: 规模
            weight: 0.6
            sub-goals:
              - id: size
                zh: 总量
                weight: 1
                indicators:
                  - {id: revenue, zh: 收入, unit: 亿元, direction: higher, formula: {value: revenue, scale: 0.00000001}, weight: 1, ideal: 100, definition: 收入}
          - id: efficiency
            zh: 效率
            weight: 0.4
            sub-goals:
              - id: idle
                zh: 闲置
                weight: 1
                indicators:
                  - {id: idle, zh: 闲置率, unit: "%", direction: lower, formula: {ratio: [land.idle, land.supplied], scale: 100}, weight: 1, ideal: 0, worst: 10, definition: 闲置率}
        """;

    public static IndicatorSet Tiny(string? replace = null, string? with = null) =>
        IndicatorSets.Load([("tiny.yaml", replace is null ? TinySet : TinySet.Replace(replace, with, StringComparison.Ordinal))]).All[0];

    /// <summary>A cluster with revenue in 亿元 and idle land in m² of 1,000,000 m² supplied.</summary>
    public static ClusterInputs Cluster(string code, decimal? revenueYi, decimal? idle, string city = "410100") =>
        new(code, "集聚区" + code, city, "市" + city, new Dictionary<string, decimal?>(StringComparer.Ordinal)
        {
            ["revenue"] = revenueYi * 100_000_000m,
            ["land.idle"] = idle,
            ["land.supplied"] = 1_000_000m,
        });
}
