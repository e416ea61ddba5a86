using System.Text.Json;
using Jiju.Domain.Common;
using Jiju.Domain.Land;
using Jiju.Policy.Cases;
using Jiju.Policy.Engine;
using Jiju.Policy.Land;

namespace Jiju.Policy.Tests;

public sealed class ParameterLoadingTests
{
    private const string Good = """
        id: test.rate
        label: {zh: 测试比例, en: Test rate}
        unit: ratio
        values:
          - {from: 2012-01-01, to: 2012-12-31, value: 0.2, citation: "第（七）条"}
          - {from: 2013-01-01, value: 0.25, citation: "假设"}
        """;

    private static string LoadError(string yaml) =>
        Assert.Throws<ParameterFileException>(() => ParameterSet.Load([("test.yaml", yaml)])).Message;

    [Fact]
    public void AWellFormedParameter_GivesTheValueInForceOnEachDate()
    {
        var p = ParameterSet.Load([("test.yaml", Good)]).Get("test.rate");

        Assert.Null(p.At(new DateOnly(2011, 12, 31)));
        Assert.Equal(0.2m, p.At(new DateOnly(2012, 12, 31))!.AsDecimal);
        Assert.Equal(0.25m, p.At(new DateOnly(2013, 1, 1))!.AsDecimal);
    }

    [Fact]
    public void AValueWithoutACitation_IsRefused() =>
        Assert.Contains("缺少 citation", LoadError(Good.Replace(", citation: \"假设\"", string.Empty, StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void OverlappingPeriods_AreRefused() =>
        Assert.Contains("时间重叠", LoadError(Good.Replace("from: 2013-01-01", "from: 2012-12-31", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void AnImpossibleDate_IsRefused() =>
        Assert.Contains("不是有效日期", LoadError(Good.Replace("2012-12-31", "2012-02-30", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void APeriodThatEndsBeforeItStarts_IsRefused() =>
        Assert.Contains("早于起始日期", LoadError(Good.Replace("to: 2012-12-31", "to: 2011-12-31", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void AValueThatDoesNotFitItsUnit_IsRefused() =>
        Assert.Contains("20% 写作 0.2", LoadError(Good.Replace("value: 0.2,", "value: 20,", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void AnAssumptionWithoutANoteOnWhoSetsIt_IsRefused() =>
        Assert.Contains("由谁确定", LoadError(Good.Replace("citation: \"假设\"", "citation: \"假设\", assumption: true", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Theory]
    [InlineData("to: 2012-12-31", "too: 2012-12-31", "未知的键“too”")]
    [InlineData("citation: \"假设\"}", "citation: \"假设\", assumption: yes, note: 省厅}", "assumption 应为 true 或 false")]
    [InlineData("unit: ratio", "unit: ratio\nunits: ratio", "未知的键“units”")]
    public void ATypoInAParameterFile_IsRefusedRatherThanIgnored(string from, string to, string reason) =>
        Assert.Contains(reason, LoadError(Good.Replace(from, to, StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void AValuesEntryThatIsNotAMapping_IsRefused() =>
        Assert.Contains("每一项应为映射", LoadError(Good + "\n  - 0.3\n"), StringComparison.Ordinal);

    [Fact]
    public void TheSameIdTwice_IsRefused() =>
        Assert.Contains("重复定义", Assert.Throws<ParameterFileException>(() => ParameterSet.Load([("a.yaml", Good), ("b.yaml", Good)])).Message, StringComparison.Ordinal);

    [Fact]
    public void TheShippedParameters_LoadAndEveryValueIsCited()
    {
        var all = ParameterSet.Shipped.All;

        Assert.NotEmpty(all);
        Assert.All(all.SelectMany(p => p.Values), v => Assert.False(string.IsNullOrWhiteSpace(v.Citation)));
    }

    [Fact]
    public void AnOverlay_ReplacesTheValue_AndSaysSoInTheCitation()
    {
        var overlaid = ParameterSet.Shipped.WithOverlay(new Dictionary<string, string> { ["land.idle.fee-rate"] = "0.3" });
        var value = overlaid.Get("land.idle.fee-rate").At(new DateOnly(2015, 12, 31))!;

        Assert.Equal(0.3m, value.AsDecimal);
        Assert.Contains("假设分析覆盖", value.Citation, StringComparison.Ordinal);
        Assert.Equal(0.2m, ParameterSet.Shipped.Get("land.idle.fee-rate").At(new DateOnly(2015, 12, 31))!.AsDecimal);
        Assert.Throws<ParameterFileException>(() => ParameterSet.Shipped.WithOverlay(new Dictionary<string, string> { ["land.idle.fee-rate"] = "2" }));
    }
}

public sealed class TraceTests
{
    private static Decision<IdleLandFinding> ExactlyOneYearLate() =>
        new IdleLandIsChargedOrRecovered().Evaluate(
            new IdleLandFacts { GrantType = GrantType.Transfer, Price = new Money(12_345_678.90m), AgreedStart = new DateOnly(2014, 12, 30) },
            RuleContext.On(new DateOnly(2015, 12, 31)));

    [Fact]
    public void TheTrace_NamesRuleArticleClauseParametersFactsAndBranch()
    {
        var trace = ExactlyOneYearLate().Trace;

        Assert.Equal("IdleLandIsChargedOrRecovered", trace.RuleId);
        Assert.Equal(7, trace.Article);
        Assert.Contains("按出让或划拨土地价款的20%征收土地闲置费", trace.Clause, StringComparison.Ordinal);
        Assert.Contains(trace.Parameters, p => p.Id == "land.idle.fee-rate" && p.Value == "20%" && p.Citation.Contains("第（七）条", StringComparison.Ordinal));
        Assert.Contains(trace.Facts, f => f.Label == "约定动工日期" && f.Value == "2014-12-30");
        Assert.Contains("已满1年", trace.Branch, StringComparison.Ordinal);
        Assert.Contains("2,469,135.78", trace.Conclusion, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTrace_ReadsAsChineseProse()
    {
        var text = ExactlyOneYearLate().Trace.ToChinese();

        Assert.StartsWith("【闲置土地征收闲置费或收回】依据第（七）条：", text, StringComparison.Ordinal);
        Assert.Contains("参数：土地闲置费比例 = 20%（2012-03-08起，依据：", text, StringComparison.Ordinal);
        Assert.Contains("结论：按出让价款12,345,678.90元的20%征收土地闲置费2,469,135.78元", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTrace_IsVersionedJson()
    {
        using var json = JsonDocument.Parse(ExactlyOneYearLate().Trace.ToJson());

        Assert.Equal("trace.v1", json.RootElement.GetProperty("schema").GetString());
        var trace = json.RootElement.GetProperty("trace");
        Assert.Equal(7, trace.GetProperty("article").GetInt32());
        Assert.Equal("2015-12-31", trace.GetProperty("as_of").GetString());
        Assert.Contains(trace.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("id").GetString() == "land.idle.fee-rate");
    }

    [Fact]
    public void TheTracesJson_CarriesTheFactsAsTheyWereGiven()
    {
        using var json = JsonDocument.Parse(ExactlyOneYearLate().Trace.ToJson());

        var facts = json.RootElement.GetProperty("trace").GetProperty("facts").EnumerateArray().ToList();
        Assert.Contains(facts, f => f.GetProperty("label").GetString() == "出让或划拨价款" && f.GetProperty("value").GetString() == "12,345,678.90");
        Assert.Equal(FactFormatting.Describe(new IdleLandFacts { GrantType = GrantType.Transfer, Price = new Money(12_345_678.90m), AgreedStart = new DateOnly(2014, 12, 30) }).Count, facts.Count);
    }

    [Fact]
    public void TwoDecisionsUnderDifferentOverlays_EachCiteTheirOwnValue()
    {
        var facts = new IdleLandFacts { GrantType = GrantType.Transfer, Price = new Money(1_000_000m), AgreedStart = new DateOnly(2014, 12, 30) };
        var rule = new IdleLandIsChargedOrRecovered();
        var on = new DateOnly(2015, 12, 31);

        var shipped = rule.Evaluate(facts, RuleContext.On(on)).Trace;
        var overlaid = rule.Evaluate(facts, new RuleContext(on, ParameterSet.Shipped.WithOverlay(new Dictionary<string, string> { ["land.idle.fee-rate"] = "0.3" }))).Trace;
        var again = rule.Evaluate(facts, RuleContext.On(on)).Trace;

        Assert.Equal("20%", shipped.Parameters.Single(p => p.Id == "land.idle.fee-rate").Value);
        Assert.Equal("30%", overlaid.Parameters.Single(p => p.Id == "land.idle.fee-rate").Value);
        Assert.Equal("20%", again.Parameters.Single(p => p.Id == "land.idle.fee-rate").Value);
    }

    [Fact]
    public void ADecisionWithoutItsTrace_IsTheSameDecision_AndSaysItsTraceWasNotWritten()
    {
        var facts = new IdleLandFacts { GrantType = GrantType.Transfer, Price = new Money(12_345_678.90m), AgreedStart = new DateOnly(2014, 12, 30) };
        var context = RuleContext.On(new DateOnly(2015, 12, 31));

        var untraced = new IdleLandIsChargedOrRecovered().EvaluateWithoutTrace(facts, context);

        Assert.Equal(ExactlyOneYearLate().Outcome, untraced.Outcome);
        Assert.Equal(new IdleLandFinding(IdleLandStatus.Fee, 1, new Money(2_469_135.78m)), untraced.Value);
        Assert.Same(Trace.NotWritten, untraced.Trace);
    }

    [Fact]
    public void DecisionsWithoutTheirTrace_UnderContextsInTurn_EachFollowTheirOwnContext()
    {
        var facts = new IdleLandFacts { GrantType = GrantType.Transfer, Price = new Money(1_000_000m), AgreedStart = new DateOnly(2014, 12, 30) };
        var rule = new IdleLandIsChargedOrRecovered();
        var on = new DateOnly(2015, 12, 31);
        var shipped = RuleContext.On(on);
        var overlaid = new RuleContext(on, ParameterSet.Shipped.WithOverlay(new Dictionary<string, string> { ["land.idle.fee-rate"] = "0.3" }));
        var earlier = RuleContext.On(new DateOnly(2015, 6, 30));

        Assert.Equal(new Money(200_000m), rule.EvaluateWithoutTrace(facts, shipped).Value!.Fee);
        Assert.Equal(new Money(300_000m), rule.EvaluateWithoutTrace(facts, overlaid).Value!.Fee);
        Assert.Equal(new Money(200_000m), rule.EvaluateWithoutTrace(facts, shipped).Value!.Fee);
        Assert.Equal(rule.Evaluate(facts, earlier).Value, rule.EvaluateWithoutTrace(facts, earlier).Value);
    }

    [Fact]
    public void ADecisionThatTheRuleDoesNotApply_WithoutItsTrace_IsTheSameAsWithIt()
    {
        IRule rule = new IdleLandIsChargedOrRecovered();
        var facts = new IdleLandFacts { GrantType = GrantType.Transfer, Price = new Money(1_000_000m), AgreedStart = new DateOnly(2013, 1, 1), GovernmentCausedDelay = true };
        var context = RuleContext.On(new DateOnly(2015, 12, 31));

        var traced = rule.Evaluate(facts, context);
        var untraced = rule.EvaluateWithoutTrace(facts, context);

        Assert.Equal(Outcome.NotApplicable, traced.Outcome);
        Assert.Equal(traced.Outcome, untraced.Outcome);
        Assert.Equal(traced.Value, untraced.Value);
        Assert.NotSame(Trace.NotWritten, traced.Trace);
        Assert.Same(Trace.NotWritten, untraced.Trace);
    }

    [Fact]
    public void TheTextOfATrace_IsFormattedOnlyWhenTheTraceIsWritten()
    {
        var rule = new CountingRule();

        rule.EvaluateWithoutTrace(new CountedFacts(), RuleContext.On(new DateOnly(2015, 12, 31)));
        Assert.Equal(0, rule.Formatted);

        var traced = rule.Evaluate(new CountedFacts(), RuleContext.On(new DateOnly(2015, 12, 31)));
        Assert.Equal(2, rule.Formatted);
        Assert.Equal("第1次 2015-12-31", traced.Trace.Branch);
        Assert.Equal("第2次，常量", traced.Trace.Conclusion);
    }

    [Fact]
    public void APlainStringGivenAsTraceText_IsKeptAsItIs()
    {
        var traced = new CountingRule { Plain = true }.Evaluate(new CountedFacts(), RuleContext.On(new DateOnly(2015, 12, 31)));

        Assert.Equal(Outcome.NotApplicable, traced.Outcome);
        Assert.Equal("原样的说明", traced.Trace.Branch);
    }

    [Theory]
    [InlineData(7, "（七）")]
    [InlineData(10, "（十）")]
    [InlineData(13, "（十三）")]
    [InlineData(20, "（二十）")]
    [InlineData(27, "（二十七）")]
    public void ArticleNumbers_AreWrittenAsTheTextWritesThem(int article, string chinese) =>
        Assert.Equal(chinese, ArticleAttribute.Chinese(article));
}

public sealed class CaseRunnerTests
{
    [Fact]
    public void AWrongExpectation_FailsWithADiffOfExpectedAndActual()
    {
        var result = Assert.Single(CaseRunner.Run("x.yaml", """
            rule: IdleLandIsChargedOrRecovered
            cases:
              - name: 期望错误
                as_of: 2015-12-31
                facts: {grant_type: Transfer, price: 1000000, agreed_start: 2014-12-30}
                expect: {value: {status: Fee, fee: 200000.01}}
            """));

        Assert.False(result.Passed);
        Assert.Equal("value.fee：期望 200,000.01，实际 200,000.00", Assert.Single(result.Differences));
    }

    [Theory]
    [InlineData("cases: [ {name: a", "YAML 格式错误")]
    [InlineData("rules: []", "含 cases 列表")]
    [InlineData("cases:\n  - {name: a, rule: NoSuchRule, as_of: 2015-01-01, facts: {}, expect: {}}", "没有规则“NoSuchRule”")]
    [InlineData("cases:\n  - {name: a, rule: IdleLandIsChargedOrRecovered, as_of: 2015-02-30, facts: {}, expect: {}}", "as_of 应为日期")]
    [InlineData("cases:\n  - {name: a, rule: IdleLandIsChargedOrRecovered, as_of: 2015-01-01, facts: {grant_type: Transfer}, expect: {}}", "缺少必填项 price, agreed_start")]
    [InlineData("cases:\n  - {name: a, rule: IdleLandIsChargedOrRecovered, as_of: 2015-01-01, facts: {grant_type: Sold, price: 1, agreed_start: 2014-01-01}, expect: {}}", "“Sold”不是 GrantType 的取值")]
    [InlineData("cases:\n  - {name: a, rule: IdleLandIsChargedOrRecovered, as_of: 2015-01-01, facts: {grant_type: Transfer, price: 1, agreed_start: 2014-01-01, colour: red}, expect: {}}", "facts.colour：IdleLandFacts 没有这一项")]
    [InlineData("cases:\n  - {name: a, rule: IdleLandIsChargedOrRecovered, as_of: 2015-01-01, facts: {grant_type: Transfer, price: 1, agreed_start: 2014-01-01}, parameters: {no.such: 1}, expect: {}}", "没有参数“no.such”")]
    [InlineData("cases:\n  - {name: a, rule: IdleLandIsChargedOrRecovered, as_of: 2015-01-01, facts: {grant_type: Transfer, price: 1, agreed_start: 2014-01-01}}", "缺少 expect")]
    [InlineData("cases:\n  - {name: a, rule: IdleLandIsChargedOrRecovered, as_of: 2015-01-01, facts: {grant_type: Transfer, price: 1, agreed_start: 2014-01-01}, paramters: {land.idle.fee-rate: 0.3}, expect: {}}", "未知的键“paramters”")]
    [InlineData("cases:\n  - {name: a, rule: IdleLandIsChargedOrRecovered, as_of: 2015-01-01, facts: {grant_type: Transfer, price: 1, agreed_start: 2014-01-01}, parameters: [0.3], expect: {}}", "parameters 应为")]
    [InlineData("cases:\n  - {name: a, rule: IdleLandIsChargedOrRecovered, as_of: 2015-01-01, facts: {grant_type: Transfer, price: 1000000.005, agreed_start: 2014-01-01}, expect: {}}", "精确到分")]
    [InlineData("cases:\n  - {name: a, rule: IdleLandIsChargedOrRecovered, as_of: 2015-12-31, facts: {grant_type: Transfer, price: 1, agreed_start: 2015-01-01, government_caused_delay: true}, expect: {outcome: not_applicable, value: {status: Fee}}}", "期望有结果，实际无结果")]
    [InlineData("cases: []\nkases: []", "未知的键“kases”")]
    public void AMalformedCase_FailsAndSaysWhy(string yaml, string reason)
    {
        var result = CaseRunner.Run("bad.yaml", yaml).First(r => !r.Passed);

        Assert.Contains(reason, string.Join("\n", result.Differences), StringComparison.Ordinal);
    }

    [Fact]
    public void ChineseLabels_WorkForEnumsInFactsAndExpectations()
    {
        var result = Assert.Single(CaseRunner.Run("zh.yaml", """
            cases:
              - name: 中文取值
                rule: IdleLandIsChargedOrRecovered
                as_of: 2015-12-31
                facts: {grant_type: 划拨, price: 1000000, agreed_start: 2013-12-30}
                expect: {outcome: decided, article: 7, value: {status: 收回土地使用权}}
            """));

        Assert.True(result.Passed, string.Join("\n", result.Differences));
    }
}

/// <summary>Facts for <see cref="CountingRule"/>.</summary>
public sealed class CountedFacts
{
}

/// <summary>A rule that counts how often the values interpolated into its trace are formatted.</summary>
[Article(7, "测试")]
public sealed class CountingRule : Rule<CountedFacts, int>
{
    public int Formatted { get; private set; }

    public bool Plain { get; init; }

    public override string Title => "计数";

    public override IReadOnlyList<string> ParameterIds { get; } = [];

    protected override Decision<int> Decide(CountedFacts facts, Evaluation e)
    {
        if (Plain)
        {
            var why = "原样的说明";
            return e.NotApplicable(why);
        }

        return e.Decided(1, $"{new Counted(this)} {e.AsOf:yyyy-MM-dd}", $"{new Counted(this)}，常量");
    }

    private sealed class Counted(CountingRule rule) : IFormattable
    {
        public override string ToString() => ToString(null, null);

        public string ToString(string? format, IFormatProvider? formatProvider) => $"第{++rule.Formatted}次";
    }
}
