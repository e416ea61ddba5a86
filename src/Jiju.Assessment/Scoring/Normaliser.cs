using Jiju.Assessment.Indicators;

namespace Jiju.Assessment.Scoring;

/// <summary>
/// Turns indicator values into scores (docs/assessment.md gives each formula). Every score is rounded to 2 decimals, half
/// away from zero, so that a score can be checked by hand from the published values.
/// </summary>
public static class Normaliser
{
    public const int ValueDecimals = 4;

    public const int ScoreDecimals = 2;

    /// <summary>The scores of one indicator's <paramref name="values"/> across the ranked population.</summary>
    public static decimal[] Scores(Indicator indicator, Normalisation method, IReadOnlyList<decimal> values)
    {
        var scores = new decimal[values.Count];
        switch (method)
        {
            case Normalisation.Ideal:
                for (var c = 0; c < values.Count; c++)
                {
                    scores[c] = Ideal(indicator, values[c]);
                }

                break;
            case Normalisation.MinMax:
                var min = values.Count == 0 ? 0 : values.Min();
                var max = values.Count == 0 ? 0 : values.Max();
                for (var c = 0; c < values.Count; c++)
                {
                    var share = max == min ? 1m : indicator.Direction == Direction.Higher ? (values[c] - min) / (max - min) : (max - values[c]) / (max - min);
                    scores[c] = Round(100m * share);
                }

                break;
            default:
                var mean = values.Count == 0 ? 0 : values.Average();
                var sd = values.Count == 0 ? 0 : (decimal)Math.Sqrt((double)values.Sum(v => (v - mean) * (v - mean)) / values.Count);
                for (var c = 0; c < values.Count; c++)
                {
                    var z = sd == 0 ? 0 : (values[c] - mean) / sd;
                    scores[c] = Round(50m + (10m * (indicator.Direction == Direction.Higher ? z : -z)));
                }

                break;
        }

        return scores;
    }

    /// <summary>
    /// Ideal-value realisation: a higher-is-better value scores 100 × value ÷ ideal, at most 100 and at least 0; a
    /// lower-is-better value scores 100 at or below the ideal, 0 at or above the worst, and proportionally between.
    /// </summary>
    public static decimal Ideal(Indicator indicator, decimal value)
    {
        if (indicator.Direction == Direction.Higher)
        {
            return Round(Math.Clamp(100m * value / indicator.Ideal, 0m, 100m));
        }

        var worst = indicator.Worst ?? indicator.Ideal;
        return value <= indicator.Ideal ? 100m
            : value >= worst ? 0m
            : Round(100m * (worst - value) / (worst - indicator.Ideal));
    }

    public static decimal Round(decimal score) => Math.Round(score, ScoreDecimals, MidpointRounding.AwayFromZero);
}
