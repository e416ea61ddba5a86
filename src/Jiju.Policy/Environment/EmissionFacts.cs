using Jiju.Domain.Common;
using Jiju.Domain.Environmental;

namespace Jiju.Policy.Environment;

/// <summary>A project's planned annual emission of one pollutant (ProjectEmission).</summary>
public sealed class ProjectEmissionFacts
{
    [Zh("污染物")]
    public required Pollutant Pollutant { get; init; }

    [Zh("年排放量", Unit = "吨/年")]
    public required decimal TonnesPerYear { get; init; }
}

/// <summary>A cluster's total emission budget for one pollutant in the year (EmissionBudget).</summary>
public sealed class EmissionBudgetFacts
{
    [Zh("污染物")]
    public required Pollutant Pollutant { get; init; }

    [Zh("预算总量", Unit = "吨")]
    public required decimal Tonnes { get; init; }
}

/// <summary>A movement against the budget: allocation to a project, emission-right trade or release (EmissionLedgerEntry).</summary>
public sealed class EmissionLedgerFacts
{
    [Zh("污染物")]
    public required Pollutant Pollutant { get; init; }

    [Zh("类型")]
    public required EmissionMovement Movement { get; init; }

    [Zh("数量", Unit = "吨")]
    public required decimal Tonnes { get; init; }

    [Zh("日期")]
    public required DateOnly On { get; init; }
}
