using Jiju.Policy.Engine;

namespace Jiju.Policy.Tests;

public sealed class CaseDocumentationTests
{
    [Fact]
    public void DocsCases_DescribesEveryRuleAsTheCodeDoes()
    {
        var path = Jiju.Tests.Repository.File("docs", "cases.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var at = text.IndexOf(CaseDocumentation.Marker, StringComparison.Ordinal);

        Assert.True(at >= 0, "docs/cases.md 缺少生成部分的标记行");
        Assert.True(
            text[(at + CaseDocumentation.Marker.Length)..].Trim() == CaseDocumentation.Markdown().Trim(),
            "docs/cases.md 与规则代码不一致：运行 dotnet run --project src/Jiju.Cli -- rules doc --write docs/cases.md");
    }

    [Fact]
    public void EveryArticle_HasRulesOrAStatedReason()
    {
        var uncovered = Coverage.Articles().Where(a => a.Rules.Count == 0 && a.NotFormalisedBecause is null).Select(a => a.Article).ToList();

        Assert.True(uncovered.Count == 0, $"这些条款既无规则也无说明：{string.Join("、", uncovered)}");
    }

    [Fact]
    public void EveryRule_QuotesAClauseThatIsInTheOriginalText()
    {
        // The clause is quoted from the 2012 text; allow the ellipsis (……) where a quote skips words.
        var original = File.ReadAllText(Jiju.Tests.Repository.File("docs", "regulation", "henan-2012-industrial-cluster-opinions.txt"));
        foreach (var rule in RuleCatalog.All)
        {
            foreach (var piece in rule.Article.Clause.Split("……", StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.True(original.Contains(piece.Trim('“', '”'), StringComparison.Ordinal), $"{rule.Id} 引用的条文不在原文中：{piece}");
            }
        }
    }
}

public sealed class CaseContractTests
{
    [Fact]
    public void TheExampleInDocsCases_RunsUnchanged()
    {
        var doc = File.ReadAllText(Jiju.Tests.Repository.File("docs", "cases.md")).ReplaceLineEndings("\n");
        var start = doc.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        var results = Cases.CaseRunner.Run("docs/cases.md", yaml);

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.Passed, string.Join("\n", r.Differences)));
    }
}
