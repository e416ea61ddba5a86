using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Jiju.Assessment.Indicators;

/// <summary>
/// The indicator sets shipped in the assembly (Sets/*.yaml), one per file. Loading refuses unknown keys, a missing
/// citation or label, weights that do not add up to 1 at a level, an unknown input, an ideal value the method cannot
/// use, and two sets of one kind valid for the same year.
/// </summary>
public sealed class IndicatorSets
{
    private readonly IReadOnlyList<IndicatorSet> _sets;

    private IndicatorSets(IReadOnlyList<IndicatorSet> sets) => _sets = sets;

    public IReadOnlyList<IndicatorSet> All => _sets;

    public static IndicatorSets Shipped => LazyShipped.Value;

    private static readonly Lazy<IndicatorSets> LazyShipped = new(() =>
    {
        var assembly = typeof(IndicatorSets).Assembly;
        const string prefix = "Jiju.Assessment.Sets.";
        return Load(assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n[prefix.Length..], reader.ReadToEnd());
            }));
    });

    /// <summary>The set of <paramref name="kind"/> valid for <paramref name="year"/>.</summary>
    public IndicatorSet For(AssessmentKind kind, int year) =>
        _sets.SingleOrDefault(s => s.Kind == kind && s.AppliesTo(year))
        ?? throw new IndicatorSetException($"没有适用于{year}年度的{KindZh(kind)}指标体系");

    public static string KindZh(AssessmentKind kind) => kind == AssessmentKind.Land ? "土地节约集约利用评价" : "年度发展考核";

    /// <summary>Loads sets given as (file name, YAML text); throws on the first wrong file.</summary>
    public static IndicatorSets Load(IEnumerable<(string Name, string Text)> files)
    {
        var sets = files.Select(f => new SetReader(f.Name).Read(f.Text)).ToList();
        foreach (var group in sets.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new IndicatorSetException($"指标体系“{group.Key}”重复定义");
        }

        foreach (var kind in sets.GroupBy(s => s.Kind))
        {
            var ordered = kind.OrderBy(s => s.From).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i - 1].To is not { } end || end >= ordered[i].From)
                {
                    throw new IndicatorSetException($"{KindZh(kind.Key)}指标体系“{ordered[i - 1].Id}”与“{ordered[i].Id}”的适用期间重叠");
                }
            }
        }

        return new IndicatorSets(sets);
    }

    private sealed class SetReader(string file)
    {
        public IndicatorSet Read(string text)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw Error($"YAML 格式错误（第{e.Start.Line}行）：{e.Message}");
            }

            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                throw Error("应为一个指标体系（YAML 映射）");
            }

            Only(root, "指标体系", "id", "kind", "label", "from", "to", "citation", "method", "alternatives", "weights", "ideals", "goals");
            var id = Required(root, "id", "指标体系");
            var where = $"指标体系“{id}”";
            var kind = Required(root, "kind", where) switch
            {
                "land" => AssessmentKind.Land,
                "development" => AssessmentKind.Development,
                var other => throw Error($"{where}的 kind“{other}”未知；可用：land、development"),
            };
            var label = Mapping(root, "label", where);
            Only(label, $"{where}的 label", "zh", "en");
            var from = Date(Required(root, "from", where), where);
            DateOnly? to = Scalar(root, "to") is { Length: > 0 } toText ? Date(toText, where) : null;
            if (to < from)
            {
                throw Error($"{where}的终止日期 {to:yyyy-MM-dd} 早于起始日期 {from:yyyy-MM-dd}");
            }

            var method = Method(Required(root, "method", where), where);
            var alternatives = root.Children.TryGetValue("alternatives", out var alt) && alt is YamlSequenceNode seq
                ? seq.Children.Select(c => Method((c as YamlScalarNode)?.Value ?? string.Empty, where)).Distinct().ToList()
                : [method];
            if (!alternatives.Contains(method))
            {
                throw Error($"{where}的 alternatives 须包含 method（{method}）");
            }

            var goals = Sequence(root, "goals", where).Select(g => ReadGoal(g, where)).ToList();
            CheckWeights(goals.Select(g => (g.Zh, g.Weight)), where);
            var set = new IndicatorSet(
                id,
                kind,
                Required(label, "zh", $"{where}的 label"),
                Required(label, "en", $"{where}的 label"),
                from,
                to,
                Required(root, "citation", where),
                method,
                alternatives,
                ReadSource(Mapping(root, "weights", where), $"{where}的 weights"),
                ReadSource(Mapping(root, "ideals", where), $"{where}的 ideals"),
                goals);

            var ids = set.Indicators.GroupBy(i => i.Indicator.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (ids is not null)
            {
                throw Error($"{where}中指标“{ids.Key}”重复");
            }

            foreach (var i in set.Indicators.Select(w => w.Indicator))
            {
                if (i.Direction == Direction.Lower && alternatives.Contains(Normalisation.Ideal) && i.Worst is null)
                {
                    throw Error($"{where}中逆向指标“{i.Zh}”须给出 worst（理想值法下得0分的值）");
                }

                if (i.Direction == Direction.Higher && i.Ideal <= 0)
                {
                    throw Error($"{where}中正向指标“{i.Zh}”的理想值须大于0");
                }

                if (i.Direction == Direction.Lower && i.Worst is { } worst && worst <= i.Ideal)
                {
                    throw Error($"{where}中逆向指标“{i.Zh}”的 worst 须大于理想值");
                }
            }

            return set;
        }

        private Goal ReadGoal(YamlMappingNode node, string parent)
        {
            Only(node, "目标", "id", "zh", "weight", "sub-goals");
            var zh = Required(node, "zh", $"{parent}的目标");
            var where = $"目标“{zh}”";
            var subs = Sequence(node, "sub-goals", where).Select(s => ReadSubGoal(s, where)).ToList();
            CheckWeights(subs.Select(s => (s.Zh, s.Weight)), where);
            return new Goal(Required(node, "id", where), zh, Weight(node, where), subs);
        }

        private SubGoal ReadSubGoal(YamlMappingNode node, string parent)
        {
            Only(node, "准则", "id", "zh", "weight", "indicators");
            var zh = Required(node, "zh", $"{parent}的准则");
            var where = $"准则“{zh}”";
            var indicators = Sequence(node, "indicators", where).Select(i => ReadIndicator(i, where)).ToList();
            CheckWeights(indicators.Select(i => (i.Zh, i.Weight)), where);
            return new SubGoal(Required(node, "id", where), zh, Weight(node, where), indicators);
        }

        private Indicator ReadIndicator(YamlMappingNode node, string parent)
        {
            Only(node, "指标", "id", "zh", "unit", "direction", "formula", "weight", "ideal", "worst", "definition");
            var zh = Required(node, "zh", $"{parent}的指标");
            var where = $"指标“{zh}”";
            var direction = Required(node, "direction", where) switch
            {
                "higher" => Direction.Higher,
                "lower" => Direction.Lower,
                var other => throw Error($"{where}的 direction“{other}”未知；可用：higher、lower"),
            };
            return new Indicator(
                Required(node, "id", where),
                zh,
                node.Children.ContainsKey("unit") ? Scalar(node, "unit") ?? string.Empty : throw Error($"{where}缺少“unit”（无量纲的写 \"\"）"),
                direction,
                ReadFormula(Mapping(node, "formula", where), where),
                Weight(node, where),
                Number(Required(node, "ideal", where), $"{where}的 ideal"),
                Scalar(node, "worst") is { Length: > 0 } worst ? Number(worst, $"{where}的 worst") : null,
                Required(node, "definition", where));
        }

        private Formula ReadFormula(YamlMappingNode node, string where)
        {
            Only(node, $"{where}的 formula", "ratio", "growth", "value", "scale", "if-denominator-zero");
            var kinds = new[] { ("ratio", FormulaKind.Ratio, 2), ("growth", FormulaKind.Growth, 2), ("value", FormulaKind.Value, 1) }
                .Where(k => node.Children.ContainsKey(k.Item1))
                .ToList();
            if (kinds.Count != 1)
            {
                throw Error($"{where}的 formula 须且只须给出 ratio、growth、value 之一");
            }

            var (key, kind, arity) = kinds[0];
            var inputs = node.Children[key] switch
            {
                YamlSequenceNode s => s.Children.Select(c => (c as YamlScalarNode)?.Value ?? string.Empty).ToList(),
                YamlScalarNode s => [s.Value ?? string.Empty],
                _ => [],
            };
            if (inputs.Count != arity)
            {
                throw Error($"{where}的 formula.{key} 须有{arity}个输入项");
            }

            foreach (var input in inputs.Where(i => !Inputs.All.ContainsKey(i)))
            {
                throw Error($"{where}的输入项“{input}”未知；可用的输入项见 docs/assessment.md");
            }

            var scale = Scalar(node, "scale") is { Length: > 0 } s2 ? Number(s2, $"{where}的 scale") : 1m;
            decimal? zero = Scalar(node, "if-denominator-zero") is { Length: > 0 } z ? Number(z, $"{where}的 if-denominator-zero") : null;
            if (zero is not null && kind != FormulaKind.Ratio)
            {
                throw Error($"{where}：只有 ratio 可以给出 if-denominator-zero");
            }

            return new Formula(kind, inputs, scale, zero);
        }

        private Source ReadSource(YamlMappingNode node, string where)
        {
            Only(node, where, "citation", "assumption", "note");
            var assumption = Scalar(node, "assumption") switch
            {
                null or "false" => false,
                "true" => true,
                var other => throw Error($"{where}的 assumption 应为 true 或 false，实为“{other}”"),
            };
            var note = Scalar(node, "note");
            if (assumption && string.IsNullOrWhiteSpace(note))
            {
                throw Error($"{where}为假定值（assumption: true），须在 note 中说明由谁确定");
            }

            return new Source(Required(node, "citation", where), assumption, note);
        }

        private void CheckWeights(IEnumerable<(string Zh, decimal Weight)> children, string where)
        {
            var list = children.ToList();
            if (list.Count == 0)
            {
                throw Error($"{where}下没有下级项");
            }

            if (list.Any(c => c.Weight <= 0))
            {
                throw Error($"{where}下“{list.First(c => c.Weight <= 0).Zh}”的权重须大于0");
            }

            var sum = list.Sum(c => c.Weight);
            if (sum != 1m)
            {
                throw Error($"{where}下各项权重之和为{sum.ToString(CultureInfo.InvariantCulture)}，应为1");
            }
        }

        private decimal Weight(YamlMappingNode node, string where) => Number(Required(node, "weight", where), $"{where}的 weight");

        private Normalisation Method(string text, string where) => text switch
        {
            "ideal" => Normalisation.Ideal,
            "minmax" => Normalisation.MinMax,
            "zscore" => Normalisation.ZScore,
            _ => throw Error($"{where}的标准化方法“{text}”未知；可用：ideal、minmax、zscore"),
        };

        private decimal Number(string text, string where) =>
            decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : throw Error($"{where}“{text}”不是数值");

        private DateOnly Date(string text, string where) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw Error($"{where}的日期“{text}”无效（yyyy-MM-dd）");

        private string Required(YamlMappingNode node, string key, string where) =>
            Scalar(node, key) is { Length: > 0 } v ? v : throw Error($"{where}缺少“{key}”");

        private YamlMappingNode Mapping(YamlMappingNode node, string key, string where) =>
            node.Children.TryGetValue(key, out var v) && v is YamlMappingNode m ? m : throw Error($"{where}缺少“{key}”（映射）");

        private IEnumerable<YamlMappingNode> Sequence(YamlMappingNode node, string key, string where) =>
            node.Children.TryGetValue(key, out var v) && v is YamlSequenceNode s
                ? s.Children.Select(c => c as YamlMappingNode ?? throw Error($"{where}的 {key} 每一项应为映射"))
                : throw Error($"{where}缺少“{key}”（列表）");

        private static string? Scalar(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(key, out var v) && v is YamlScalarNode s ? s.Value : null;

        /// <summary>Refuses keys the format does not have: a typo ("wieght:") must not silently drop a weight.</summary>
        private void Only(YamlMappingNode node, string where, params string[] keys)
        {
            foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty))
            {
                if (!keys.Contains(key, StringComparer.Ordinal))
                {
                    throw Error($"{where}中有未知的键“{key}”；可用：{string.Join("、", keys)}");
                }
            }
        }

        private IndicatorSetException Error(string message) => new($"{file}：{message}");
    }
}

public sealed class IndicatorSetException(string message) : Exception(message);
