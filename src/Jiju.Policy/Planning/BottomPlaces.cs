namespace Jiju.Policy.Planning;

/// <summary>
/// Which places of a ranking "排名后1/N" (art. 7) or "后百分之x" covers. Ranks are competition ranks: 1 + the number of
/// clusters scoring strictly better, so a group of k clusters sharing a score at rank r holds places r … r+k−1. The rule
/// that reads an expansion request and the assessment that marks the bottom third both count here, so the two cannot
/// disagree about who is in it.
/// </summary>
public static class BottomPlaces
{
    /// <summary>The rounding choices of <c>planning.expansion.bottom-third-rounding</c>.</summary>
    public static IReadOnlyList<string> Roundings { get; } = ["floor", "ceil", "round"];

    /// <summary>The tie choices of <c>planning.expansion.bottom-third-ties</c>.</summary>
    public const string AllTiedIn = "all-tied-in";

    /// <summary>How many of <paramref name="n"/> places "后1/<paramref name="denominator"/>" covers.</summary>
    public static int CountOfFraction(int n, decimal denominator, string rounding) => Rounded(n / denominator, n, rounding);

    /// <summary>How many of <paramref name="n"/> places a bottom <paramref name="share"/> (0.1 = 10%) covers.</summary>
    public static int CountOfShare(int n, decimal share, string rounding) => Rounded(n * share, n, rounding);

    /// <summary>
    /// Whether a group of <paramref name="tiedWith"/> clusters at competition rank <paramref name="rank"/> among
    /// <paramref name="n"/> is in the last <paramref name="count"/> places. A group wholly inside is in, a group wholly
    /// outside is out, and a group straddling the boundary is all in or all out by <paramref name="ties"/>.
    /// </summary>
    public static bool IsIn(int rank, int tiedWith, int n, int count, string ties)
    {
        if (count <= 0)
        {
            return false;
        }

        var firstBarred = n - count + 1;
        var lastPlace = rank + tiedWith - 1;
        return rank >= firstBarred || (lastPlace >= firstBarred && ties == AllTiedIn);
    }

    private static int Rounded(decimal share, int n, string rounding)
    {
        var count = rounding switch
        {
            "ceil" => Math.Ceiling(share),
            "round" => Math.Round(share, MidpointRounding.AwayFromZero),
            _ => Math.Floor(share),
        };
        return (int)Math.Clamp(count, 0, n);
    }
}
