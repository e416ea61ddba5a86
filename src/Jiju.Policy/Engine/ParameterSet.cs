using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Jiju.Policy.Engine;

/// <summary>
/// All parameters, loaded from the YAML files shipped in the assembly (Parameters/*.yaml), one per
/// file. Loading refuses a missing citation or label, overlapping or impossible dates, a value that
/// does not fit its unit, and a duplicate id. An overlay (what-if) replaces values per request.
/// </summary>
public sealed class ParameterSet
{
    private readonly Dictionary<string, Parameter> _byId;

    private ParameterSet(Dictionary<string, Parameter> byId) => _byId = byId;

    public IReadOnlyCollection<Parameter> All => _byId.Values;

    public static ParameterSet Shipped => LazyShipped.Value;

    private static readonly Lazy<ParameterSet> LazyShipped = new(LoadShipped);

    public Parameter Get(string id) =>
        _byId.TryGetValue(id, out var p) ? p : throw new KeyNotFoundException($"没有参数“{id}”；见 jiju params list");

    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>
    /// The same parameters with some values replaced for every period (a what-if). Each replaced value
    /// is checked against the parameter's unit and cited as an overlay.
    /// </summary>
    public ParameterSet WithOverlay(IReadOnlyDictionary<string, string> overlay)
    {
        if (overlay.Count == 0)
        {
            return this;
        }

        var copy = new Dictionary<string, Parameter>(_byId, StringComparer.Ordinal);
        foreach (var (id, raw) in overlay)
        {
            var p = Get(id);
            if (ParameterUnits.Check(p.Unit, raw, p.Choices) is { } problem)
            {
                throw new ParameterFileException($"参数覆盖 {id}={raw}：{problem}");
            }

            copy[id] = new Parameter
            {
                Id = p.Id,
                LabelZh = p.LabelZh,
                LabelEn = p.LabelEn,
                Unit = p.Unit,
                Choices = p.Choices,
                Values = p.Values.Select(v => v with { Raw = raw, Citation = $"假设分析覆盖（原值 {v.Raw}，{v.Citation}）", Assumption = true }).ToList(),
            };
        }

        return new ParameterSet(copy);
    }

    private static ParameterSet LoadShipped()
    {
        var assembly = typeof(ParameterSet).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Jiju.Policy.Parameters.", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (Name: n["Jiju.Policy.Parameters.".Length..], Text: reader.ReadToEnd());
            });
        return Load(files);
    }

    /// <summary>Loads parameter files given as (file name, YAML text); throws on the first wrong file.</summary>
    public static ParameterSet Load(IEnumerable<(string Name, string Text)> files)
    {
        var byId = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        foreach (var (name, text) in files)
        {
            var p = Parse(name, text);
            if (!byId.TryAdd(p.Id, p))
            {
                throw new ParameterFileException($"{name}：参数“{p.Id}”重复定义");
            }
        }

        return new ParameterSet(byId);
    }

    private static Parameter Parse(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ParameterFileException($"{file}：YAML 格式错误（第{e.Start.Line}行）：{e.Message}");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ParameterFileException($"{file}：应为一个参数（YAML 映射）");
        }

        Only(root, ["id", "label", "unit", "choices", "values", "note"], "参数文件");

        string Required(YamlMappingNode node, string key, string where) =>
            Scalar(node, key) is { Length: > 0 } v ? v : throw new ParameterFileException($"{file}：{where}缺少“{key}”");

        var id = Required(root, "id", string.Empty);
        var label = root.Children.TryGetValue("label", out var l) && l is YamlMappingNode labels
            ? (Zh: Required(labels, "zh", "label "), En: Required(labels, "en", "label "))
            : throw new ParameterFileException($"{file}：参数“{id}”缺少 label（zh、en）");
        var unitText = Required(root, "unit", $"参数“{id}”");
        if (!Enum.TryParse<ParameterUnit>(unitText.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var unit))
        {
            throw new ParameterFileException($"{file}：参数“{id}”的单位“{unitText}”未知；可用：{string.Join(", ", Enum.GetNames<ParameterUnit>())}");
        }

        var choices = root.Children.TryGetValue("choices", out var c) && c is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList()
            : [];
        if (unit == ParameterUnit.Choice && choices.Count == 0)
        {
            throw new ParameterFileException($"{file}：参数“{id}”的单位为 choice，须列出 choices");
        }

        if (!root.Children.TryGetValue("values", out var vs) || vs is not YamlSequenceNode valueNodes || valueNodes.Children.Count == 0)
        {
            throw new ParameterFileException($"{file}：参数“{id}”没有 values");
        }

        var values = new List<ParameterValue>();
        foreach (var entry in valueNodes.Children)
        {
            if (entry is not YamlMappingNode node)
            {
                throw new ParameterFileException($"{file}：参数“{id}”的 values 每一项应为映射（from、to、value、citation、assumption、note）");
            }

            Only(node, ["from", "to", "value", "citation", "assumption", "note"], $"参数“{id}”的取值");
            var fromText = Required(node, "from", $"参数“{id}”的取值");
            var from = Date(fromText) ?? throw new ParameterFileException($"{file}：参数“{id}”的起始日期“{fromText}”不是有效日期（yyyy-MM-dd）");
            DateOnly? to = null;
            if (Scalar(node, "to") is { Length: > 0 } toText)
            {
                to = Date(toText) ?? throw new ParameterFileException($"{file}：参数“{id}”的终止日期“{toText}”不是有效日期（yyyy-MM-dd）");
                if (to < from)
                {
                    throw new ParameterFileException($"{file}：参数“{id}”的终止日期 {to:yyyy-MM-dd} 早于起始日期 {from:yyyy-MM-dd}");
                }
            }

            var raw = Required(node, "value", $"参数“{id}”自 {fromText} 起的取值");
            if (ParameterUnits.Check(unit, raw, choices) is { } problem)
            {
                throw new ParameterFileException($"{file}：参数“{id}”自 {fromText} 起的取值与单位 {unit} 不符：{problem}");
            }

            var citation = Scalar(node, "citation");
            if (string.IsNullOrWhiteSpace(citation))
            {
                throw new ParameterFileException($"{file}：参数“{id}”自 {fromText} 起的取值缺少 citation（出处）");
            }

            var assumption = Scalar(node, "assumption") switch
            {
                null or "false" or "False" => false,
                "true" or "True" => true,
                var other => throw new ParameterFileException($"{file}：参数“{id}”自 {fromText} 起的 assumption 应为 true 或 false，实为“{other}”"),
            };
            var note = Scalar(node, "note");
            if (assumption && string.IsNullOrWhiteSpace(note))
            {
                throw new ParameterFileException($"{file}：参数“{id}”自 {fromText} 起为假定值（assumption: true），须在 note 中说明由谁确定");
            }

            values.Add(new ParameterValue(from, to, raw, citation, assumption, note));
        }

        var ordered = values.OrderBy(v => v.From).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i - 1].To is not { } end || end >= ordered[i].From)
            {
                throw new ParameterFileException($"{file}：参数“{id}”自 {ordered[i - 1].From:yyyy-MM-dd} 与自 {ordered[i].From:yyyy-MM-dd} 起的两段取值时间重叠");
            }
        }

        return new Parameter { Id = id, LabelZh = label.Zh, LabelEn = label.En, Unit = unit, Choices = choices, Values = ordered };
    }

    /// <summary>Refuses keys the format does not have: a typo ("too:") must not silently drop an end date.</summary>
    private static void Only(YamlMappingNode node, string[] keys, string where)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty))
        {
            if (!keys.Contains(key))
            {
                throw new ParameterFileException($"{where}中有未知的键“{key}”；可用：{string.Join("、", keys)}");
            }
        }
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var v) && v is YamlScalarNode s ? s.Value : null;

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
