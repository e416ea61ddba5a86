namespace Jiju.Policy.Statute;

/// <summary>
/// How the statute reads a number (Civil Code art. 1259): 以上、以下、以内、届满、满 include the number;
/// 不满、超过、以外 exclude it. Each method names the word it implements, so a rule reads like its clause.
/// </summary>
public static class Thresholds
{
    /// <summary>“N以上” / “满N”: at least N.</summary>
    public static bool AtLeast(decimal value, decimal threshold) => value >= threshold;

    /// <summary>“超过N”: more than N.</summary>
    public static bool Exceeds(decimal value, decimal threshold) => value > threshold;

    /// <summary>“N以下” / “N以内”: at most N.</summary>
    public static bool AtMost(decimal value, decimal threshold) => value <= threshold;

    /// <summary>“不满N”: less than N.</summary>
    public static bool Under(decimal value, decimal threshold) => value < threshold;
}
