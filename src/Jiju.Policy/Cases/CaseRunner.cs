using System.Globalization;
using Jiju.Policy.Engine;
using YamlDotNet.RepresentationModel;

namespace Jiju.Policy.Cases;

/// <summary>The result of one case: passed, or the differences between what it expected and what came out.</summary>
public sealed record CaseResult(string Source, string Name, string? RuleId, bool Passed, IReadOnlyList<string> Differences, DecisionResult? Decision);

/// <summary>
/// Runs case files (docs/cases.md is their contract). The caller reads the files; this class only
/// parses text, so Policy stays free of the file system. A malformed file or case is a failure, with
/// the reason, never a silent skip.
/// </summary>
public static class CaseRunner
{
    private const string FileLevel = "（文件）";

    public static IReadOnlyList<CaseResult> Run(string source, string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            return [Malformed(source, FileLevel, $"YAML 格式错误（第{e.Start.Line}行第{e.Start.Column}列）：{e.Message}")];
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue("cases", out var casesNode) || casesNode is not YamlSequenceNode cases)
        {
            return [Malformed(source, FileLevel, "用例文件应为一个 YAML 映射，含 cases 列表（见 docs/cases.md）")];
        }

        if (Unknown(root, ["rule", "as_of", "cases"]) is { } rootKey)
        {
            return [Malformed(source, FileLevel, $"未知的键“{rootKey}”（可用 rule、as_of、cases）")];
        }

        var fileRule = Text(root, "rule");
        var fileAsOf = Text(root, "as_of");
        var results = new List<CaseResult>();
        var index = 0;
        foreach (var node in cases.Children)
        {
            index++;
            CaseResult result;
            try
            {
                result = node is YamlMappingNode c
                    ? RunCase(source, c, index, fileRule, fileAsOf)
                    : Malformed(source, $"第{index}个用例", "用例应为 YAML 映射");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever a malformed case throws, it fails that case and names it; it never stops the file.
                result = Malformed(source, node is YamlMappingNode m ? Text(m, "name") ?? $"第{index}个用例" : $"第{index}个用例", $"{e.GetType().Name}: {e.Message}");
            }

            results.Add(result);
        }

        var duplicates = results.GroupBy(r => r.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return duplicates.Count == 0
            ? results
            : [.. results, Malformed(source, FileLevel, $"用例名称重复：{string.Join("、", duplicates)}")];
    }

    private static CaseResult RunCase(string source, YamlMappingNode c, int index, string? fileRule, string? fileAsOf)
    {
        var name = Text(c, "name") ?? $"第{index}个用例";
        if (Text(c, "name") is null)
        {
            return Malformed(source, name, "用例缺少 name");
        }

        if (Unknown(c, ["name", "rule", "as_of", "facts", "parameters", "expect"]) is { } caseKey)
        {
            return Malformed(source, name, $"未知的键“{caseKey}”（可用 name、rule、as_of、facts、parameters、expect）");
        }

        var ruleId = Text(c, "rule") ?? fileRule;
        var rule = ruleId is null ? null : RuleCatalog.Find(ruleId);
        if (rule is null)
        {
            return Malformed(source, name, ruleId is null ? "未指定 rule" : $"没有规则“{ruleId}”；见 jiju rules list");
        }

        var asOfText = Text(c, "as_of") ?? fileAsOf;
        if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
        {
            return Malformed(source, name, $"as_of 应为日期（yyyy-MM-dd），实为“{asOfText}”", rule.Id);
        }

        if (!c.Children.TryGetValue("expect", out var expectNode) || expectNode is not YamlMappingNode expect)
        {
            return Malformed(source, name, "用例缺少 expect", rule.Id);
        }

        object facts;
        ParameterSet parameters;
        try
        {
            facts = c.Children.TryGetValue("facts", out var f)
                ? ValueBinder.Bind(f, rule.FactsType, "facts") ?? throw new CaseException("facts 不能为空")
                : throw new CaseException("用例缺少 facts");
            var overlay = new Dictionary<string, string>(StringComparer.Ordinal);
            if (c.Children.TryGetValue("parameters", out var p))
            {
                if (p is not YamlMappingNode map || map.Children.Any(kv => kv.Key is not YamlScalarNode || kv.Value is not YamlScalarNode))
                {
                    throw new CaseException("parameters 应为“参数 id: 值”的映射");
                }

                foreach (var (key, setting) in map.Children)
                {
                    overlay[((YamlScalarNode)key).Value!] = ((YamlScalarNode)setting).Value ?? string.Empty;
                }
            }

            parameters = ParameterSet.Shipped.WithOverlay(overlay);
        }
        catch (Exception e) when (e is CaseException or ParameterFileException or KeyNotFoundException)
        {
            return Malformed(source, name, e.Message, rule.Id);
        }

        DecisionResult decision;
        try
        {
            decision = rule.Evaluate(facts, new RuleContext(asOf, parameters));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new CaseResult(source, name, rule.Id, false, [$"规则执行出错：{e.GetType().Name}: {e.Message}"], null);
        }

        var differences = new List<string>();
        var wantOutcome = Text(expect, "outcome") ?? "decided";
        var outcome = ValueBinder.Snake(decision.Outcome.ToString());
        if (!string.Equals(wantOutcome, outcome, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"outcome：期望 {wantOutcome}，实际 {outcome}（{decision.Trace.Branch}）");
        }

        if (Text(expect, "article") is { } article && article != rule.Article.Number.ToString(CultureInfo.InvariantCulture))
        {
            differences.Add($"article：期望 {article}，实际 {rule.Article.Number}");
        }

        if (expect.Children.TryGetValue("value", out var value))
        {
            differences.AddRange(ValueBinder.Compare(value, decision.Value, rule.ResultType, "value"));
        }

        // The sweep makes its routine decisions without their trace: every case checks that this gives the same decision.
        var untraced = rule.EvaluateWithoutTrace(facts, new RuleContext(asOf, parameters));
        if (untraced.Outcome != decision.Outcome || !SameValue(untraced.Value, decision.Value))
        {
            differences.Add($"不记录推理过程的判断（{untraced.Outcome}：{Json(untraced.Value)}）与完整判断（{decision.Outcome}：{Json(decision.Value)}）不一致");
        }

        foreach (var key in expect.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).Where(k => k is not ("outcome" or "article" or "value")))
        {
            differences.Add($"expect.{key}：未知的期望项（可用 outcome、article、value）");
        }

        return new CaseResult(source, name, rule.Id, differences.Count == 0, differences, decision);
    }

    /// <summary>Values compared by what they hold (a result record may carry lists, which compare by reference).</summary>
    private static bool SameValue(object? a, object? b) => Equals(a, b) || Json(a) == Json(b);

    private static string Json(object? value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static CaseResult Malformed(string source, string name, string problem, string? ruleId = null) =>
        new(source, name, ruleId, false, ["用例格式错误：" + problem], null);

    private static string? Unknown(YamlMappingNode node, string[] keys) =>
        node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty).FirstOrDefault(k => !keys.Contains(k));

    private static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var v) && v is YamlScalarNode s ? s.Value : null;
}
