using Jiju.Domain.Common;

namespace Jiju.Policy.Finance;

/// <summary>An art. 11 subsidy: the amount it is computed on, the rate, and the subsidy rounded once to the fen.</summary>
public sealed record SubsidyAmount(
    [property: Zh("计算基数", Unit = "元")] Money Basis,
    [property: Zh("比例")] decimal Rate,
    [property: Zh("补助金额", Unit = "元")] Money Subsidy);
