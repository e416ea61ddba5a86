using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jiju.Policy.Engine;

/// <summary>A parameter a decision used: its value on the decision's date and where that value comes from.</summary>
public sealed record ParameterUse(string Id, string Label, string Value, string Unit, string Citation, bool Assumption, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>A fact a decision read, as the official would write it.</summary>
public sealed record FactUse(string Name, string Label, string Value, string? Unit);

/// <summary>
/// Why a rule decided what it did: rule, article and clause, the parameters with their values and
/// citations, the facts read, and the branch taken. Renders as Chinese prose and as JSON (trace.v1).
/// </summary>
public sealed record Trace(
    string RuleId,
    string Title,
    int Article,
    string Clause,
    DateOnly AsOf,
    IReadOnlyList<ParameterUse> Parameters,
    IReadOnlyList<FactUse> Facts,
    string Branch,
    string Conclusion)
{
    public const string Schema = "trace.v1";

    /// <summary>
    /// The trace of a decision made by <see cref="IRule.EvaluateWithoutTrace"/>: it says so, and nothing else. Whoever
    /// needs the explanation evaluates the rule again with <see cref="IRule.Evaluate"/>.
    /// </summary>
    public static Trace NotWritten { get; } = new(string.Empty, string.Empty, 0, string.Empty, default, [], [], "未记录推理过程（仅判断结果）", "未记录");

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The explanation an official reads: article and clause, facts, parameters, reasoning, conclusion.</summary>
    public string ToChinese()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"【{Title}】依据第{ArticleAttribute.Chinese(Article)}条：“{Clause}”\n");
        text.Append(CultureInfo.InvariantCulture, $"判断日期：{AsOf:yyyy-MM-dd}\n");
        if (Facts.Count > 0)
        {
            text.Append("事实：");
            text.AppendJoin("；", Facts.Select(f => $"{f.Label} {f.Value}{f.Unit}"));
            text.Append('\n');
        }

        foreach (var p in Parameters)
        {
            var validity = p.ValidTo is { } to ? $"{p.ValidFrom:yyyy-MM-dd}至{to:yyyy-MM-dd}" : $"{p.ValidFrom:yyyy-MM-dd}起";
            var assumption = p.Assumption ? "；原文未规定具体数值，此为假定值" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"参数：{p.Label} = {p.Value}{p.Unit}（{validity}，依据：{p.Citation}{assumption}）\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"判断：{Branch}\n");
        text.Append(CultureInfo.InvariantCulture, $"结论：{Conclusion}");
        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new TraceDocument(Schema, this), Json);

    private sealed record TraceDocument(string Schema, Trace Trace);
}
