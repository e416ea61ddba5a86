using Jiju.Assessment.Indicators;

namespace Jiju.Assessment.Tests;

public sealed class IndicatorSetTests
{
    [Theory]
    [InlineData(AssessmentKind.Land, 12)]
    [InlineData(AssessmentKind.Development, 18)]
    public void ShippedSets_LoadWithWeightsThatMultiplyToOne(AssessmentKind kind, int indicators)
    {
        var set = IndicatorSets.Shipped.For(kind, 2015);

        Assert.Equal(indicators, set.Indicators.Count);
        Assert.Equal(1m, set.Indicators.Sum(i => i.GlobalWeight));
        Assert.True(set.Weights.Assumption && set.Ideals.Assumption);
    }

    [Fact]
    public void ShippedLandSet_HasTheTwelveStandardIndicators()
    {
        var names = IndicatorSets.Shipped.For(AssessmentKind.Land, 2015).Indicators.Select(i => i.Indicator.Zh).ToList();

        Assert.Equal(
            ["土地开发率", "土地供应率", "土地建成率", "工业用地率", "综合容积率", "建筑密度", "工业用地综合容积率", "工业用地建筑系数", "工业用地固定资产投入强度", "工业用地地均税收", "综合地均税收", "闲置土地率"],
            names);
    }

    [Fact]
    public void NoSet_IsValidBeforeThePolicy()
    {
        var error = Assert.Throws<IndicatorSetException>(() => IndicatorSets.Shipped.For(AssessmentKind.Land, 2011));

        Assert.Contains("2011", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("weight: 0.6", "weight: 0.5", "各项权重之和为0.9，应为1")]
    [InlineData("value: revenue", "value: profit", "输入项“profit”未知")]
    [InlineData("ideal: 100,", "ideal: 100, wieght: 1,", "未知的键“wieght”")]
    [InlineData("worst: 10, ", "", "须给出 worst")]
    [InlineData("method: ideal", "method: topsis", "标准化方法“topsis”未知")]
    [InlineData("weights: {citation: 测试}", "weights: {citation: 测试, assumption: true}", "须在 note 中说明由谁确定")]
    public void Loading_RefusesAWrongSetAndSaysWhere(string replace, string with, string message)
    {
        var error = Assert.Throws<IndicatorSetException>(() => Population.Tiny(replace, with));

        Assert.StartsWith("tiny.yaml：", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSetsOfOneKind_MayNotCoverTheSameYear()
    {
        var second = Population.TinySet.Replace("id: tiny", "id: tiny2", StringComparison.Ordinal);

        var error = Assert.Throws<IndicatorSetException>(() => IndicatorSets.Load([("a.yaml", Population.TinySet), ("b.yaml", second)]));

        Assert.Contains("适用期间重叠", error.Message, StringComparison.Ordinal);
    }
}

public sealed class AssessmentDocumentTests
{
    [Fact]
    public void DocsAssessment_ListsEveryShippedIndicatorWithItsFormulaAndWeights()
    {
        var text = File.ReadAllText(Path.Combine(Jiju.Tests.Repository.Root, "docs", "assessment.md"));

        foreach (var set in IndicatorSets.Shipped.All)
        {
            Assert.Contains($"`{set.Id}`", text, StringComparison.Ordinal);
            foreach (var w in set.Indicators)
            {
                var i = w.Indicator;
                Assert.Contains($"| {i.Zh} | {(i.Direction == Direction.Higher ? "正向" : "逆向")} | {i.Definition} |", text, StringComparison.Ordinal);
            }
        }
    }
}
