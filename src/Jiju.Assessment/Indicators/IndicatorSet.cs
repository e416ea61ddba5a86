using Jiju.Domain.Common;

namespace Jiju.Assessment.Indicators;

/// <summary>The two evaluations the policy ranks clusters by.</summary>
public enum AssessmentKind
{
    /// <summary>Art. 7: 全面开展集聚区土地节约集约利用评价，排名后1/3的产业集聚区不得实施扩区.</summary>
    [Zh("土地节约集约利用评价")] Land = 1,

    /// <summary>Art. 27: 调整完善年度发展考核指标体系…对产业集聚区发展水平按年度统计指标排序.</summary>
    [Zh("年度发展考核")] Development = 2,
}

/// <summary>Whether a larger value of an indicator is better (正向指标) or worse (逆向指标).</summary>
public enum Direction
{
    [Zh("正向（越大越好）")] Higher = 1,
    [Zh("逆向（越小越好）")] Lower = 2,
}

/// <summary>How an indicator's value becomes a score before weighting.</summary>
public enum Normalisation
{
    /// <summary>理想值标准化：实际值与理想值之比（逆向指标按与最差值的距离），乘以100，最高100分。</summary>
    [Zh("理想值标准化")] Ideal = 1,

    /// <summary>极差标准化：(x − 最小值) ÷ (最大值 − 最小值) × 100，逆向指标取反。</summary>
    [Zh("极差标准化")] MinMax = 2,

    /// <summary>Z分数标准化，化为T分数：50 + 10 × (x − 均值) ÷ 标准差，逆向指标取反。</summary>
    [Zh("Z分数标准化")] ZScore = 3,
}

/// <summary>Where a number of the set comes from, and whether the text or a standard gives it or it is assumed.</summary>
public sealed record Source(string Citation, bool Assumption, string? Note);

/// <summary>
/// An indicator system, as data: goals (目标层) of sub-goals (准则层) of indicators (指标层), each with a weight within its
/// parent; per indicator its formula over named inputs, direction and ideal value. A set is valid for the assessment
/// years whose last day lies in [<see cref="From"/>, <see cref="To"/>].
/// </summary>
public sealed record IndicatorSet(
    string Id,
    AssessmentKind Kind,
    string LabelZh,
    string LabelEn,
    DateOnly From,
    DateOnly? To,
    string Citation,
    Normalisation Method,
    IReadOnlyList<Normalisation> Alternatives,
    Source Weights,
    Source Ideals,
    IReadOnlyList<Goal> Goals)
{
    /// <summary>Every indicator with the product of the weights on its path (its weight in the total).</summary>
    public IReadOnlyList<WeightedIndicator> Indicators { get; } =
        [.. Goals.SelectMany(g => g.SubGoals.SelectMany(s => s.Indicators.Select(i => new WeightedIndicator(g, s, i, g.Weight * s.Weight * i.Weight))))];

    public bool AppliesTo(int year) => From <= new DateOnly(year, 12, 31) && (To is null || new DateOnly(year, 12, 31) <= To);
}

public sealed record Goal(string Id, string Zh, decimal Weight, IReadOnlyList<SubGoal> SubGoals);

public sealed record SubGoal(string Id, string Zh, decimal Weight, IReadOnlyList<Indicator> Indicators);

/// <summary>
/// One indicator. <see cref="Ideal"/> is the value that scores 100 under the ideal-value method; for a lower-is-better
/// indicator <see cref="Worst"/> is the value that scores 0. Values are in <see cref="Unit"/>, after the formula's scale.
/// </summary>
public sealed record Indicator(
    string Id,
    string Zh,
    string Unit,
    Direction Direction,
    Formula Formula,
    decimal Weight,
    decimal Ideal,
    decimal? Worst,
    string Definition);

public sealed record WeightedIndicator(Goal Goal, SubGoal SubGoal, Indicator Indicator, decimal GlobalWeight);

public enum FormulaKind
{
    /// <summary>numerator ÷ denominator × scale.</summary>
    Ratio = 1,

    /// <summary>(current ÷ previous − 1) × scale.</summary>
    Growth = 2,

    /// <summary>input × scale.</summary>
    Value = 3,
}

/// <summary>
/// How an indicator's value is computed from inputs. <see cref="WhenDenominatorZero"/>, where given, is the value of a
/// ratio whose denominator is 0 (e.g. a relocation rate with no villages to move is complete); otherwise such a cluster
/// lacks the indicator.
/// </summary>
public sealed record Formula(FormulaKind Kind, IReadOnlyList<string> Inputs, decimal Scale, decimal? WhenDenominatorZero)
{
    public string ToChinese(Func<string, string> zhOf) => Kind switch
    {
        FormulaKind.Ratio => $"{zhOf(Inputs[0])} ÷ {zhOf(Inputs[1])}{ScaleText}",
        FormulaKind.Growth => $"({zhOf(Inputs[0])} ÷ {zhOf(Inputs[1])} − 1){ScaleText}",
        _ => $"{zhOf(Inputs[0])}{ScaleText}",
    };

    private string ScaleText => Scale == 1m ? string.Empty : $" × {Scale:0.##########}";
}
